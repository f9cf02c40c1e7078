package org.orderly.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.orderly.passengers.ManifestReader;
import org.orderly.passengers.edifact.EdifactException;
import org.orderly.passengers.edifact.Warning;
import org.orderly.passengers.manifest.Booking;
import org.orderly.passengers.manifest.Count;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.MessageType;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Passenger data on the operator's own machine: read PAXLST and PNRGOV files, assess their travellers. */
@Command(
        name = "passengers",
        mixinStandardHelpOptions = true,
        description = {
            "Passenger messages (UN/EDIFACT PAXLST and PNRGOV): read them, assess their travellers before arrival.",
            "Passenger data is personal data: keep the files, and this command's output, where only people entitled to them can read them."
        },
        subcommands = {PassengersCommand.Parse.class, AssessCommand.class, IngestCommand.class})
final class PassengersCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "say what to do: parse, assess or ingest");
    }

    /** Reads the file or stops with its name, the segment number and the tag (and, with --json, an errors document). */
    static Manifest read(Path file, boolean json, java.time.LocalDate today) {
        if (!Files.isRegularFile(file)) throw new Orderly.CommandFailure(file + ": no such file");
        try {
            return ManifestReader.read(file, today);
        } catch (EdifactException e) {
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("file", file.toString());
                document.put(
                        "errors",
                        List.of(Map.of(
                                "segment",
                                e.segment(),
                                "tag",
                                e.tag() == null ? "" : e.tag(),
                                "line",
                                e.line(),
                                "message",
                                e.getMessage())));
                Json.print(document);
            }
            throw new Orderly.CommandFailure(file + ": cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new Orderly.CommandFailure(
                    e.getMessage() + ": " + e.getCause().getMessage());
        }
    }

    @Command(
            name = "parse",
            mixinStandardHelpOptions = true,
            description = {
                "Read a PAXLST or PNRGOV file: message type, flights, each traveller once (PNRGOV: each traveller "
                        + "of each booking, infants included, group names not), bookings, counts, warnings.",
                "Exit status 0 when the file was read, even with warnings; 1 with the segment number and tag when it could not be."
            })
    static final class Parse implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the message file")
        Path file;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() {
            Manifest m = read(file, json, org.orderly.regime.RegimeDates.today(Orderly.clock(spec)));
            if (json) {
                Json.print(document(file, m));
                return 0;
            }
            System.out.println(m.type() + " " + m.version() + (m.sender() == null ? "" : " from " + m.sender())
                    + (m.recipient() == null ? "" : " to " + m.recipient()) + " — " + file);
            for (Flight f : m.flights()) System.out.println("flight " + f.describe());
            System.out.println("travellers (" + m.travellers().size() + "):");
            for (Traveller t : m.travellers()) System.out.println("  " + describe(t));
            if (m.type() == MessageType.PNRGOV) {
                System.out.println("bookings (" + m.bookings().size() + "):");
                for (Booking b : m.bookings()) {
                    System.out.println("  " + b.recordLocator() + (b.carrier() == null ? "" : " (" + b.carrier() + ")")
                            + (b.otherLocators().isEmpty() ? "" : " also " + String.join(", ", b.otherLocators()))
                            + ": " + String.join(", ", b.travellers())
                            + (b.itinerary().isEmpty()
                                    ? ""
                                    : "; itinerary "
                                            + String.join(
                                                    ", ",
                                                    b.itinerary().stream()
                                                            .map(Flight::describe)
                                                            .toList()))
                            + (b.splitLocators().isEmpty()
                                    ? ""
                                    : "; split into " + String.join(", ", b.splitLocators())));
                }
            }
            System.out.println("counts: " + m.passengers() + " passengers, " + m.crew() + " crew, " + m.infants()
                    + " infants"
                    + (m.type() == MessageType.PNRGOV ? ", " + m.bookings().size() + " bookings" : "") + ", "
                    + m.segments() + " segments");
            for (Count c : m.counts()) {
                System.out.println("  " + c.what() + " (" + c.segment() + "): declared " + c.declared() + ", read "
                        + c.read() + (c.matches() ? "" : "  ≠"));
            }
            System.out.println("warnings (" + m.warnings().size() + "):");
            for (Warning w : m.warnings()) System.out.println("  " + w);
            System.out.println("errors (0)");
            return 0;
        }
    }

    static String describe(Traveller t) {
        StringBuilder line = new StringBuilder(t.id()).append("  ").append(t.surname() == null ? "?" : t.surname());
        if (t.givenNames() != null) line.append(", ").append(t.givenNames());
        line.append(t.role() == org.orderly.passengers.manifest.Role.CREW ? "  crew" : "")
                .append(t.infant() ? "  infant" : "")
                .append(t.inTransit() ? "  in transit" : "");
        if (t.birthDate() != null) line.append("  born ").append(t.birthDate());
        if (t.sex() != null) line.append("  ").append(t.sex());
        if (t.nationality() != null) line.append("  ").append(t.nationality());
        for (TravelDocument d : t.documents()) {
            line.append("  ")
                    .append(d.type() == null ? "document" : d.type())
                    .append(' ')
                    .append(d.number())
                    .append(d.issuingState() == null ? "" : " " + d.issuingState())
                    .append(d.expiry() == null ? "" : " expires " + d.expiry());
        }
        if (t.bookingReference() != null) line.append("  booking ").append(t.bookingReference());
        if (t.accompanying() != null) line.append("  with ").append(t.accompanying());
        return line.toString();
    }

    static Map<String, Object> document(Path file, Manifest m) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file", file.toString());
        document.put("messageType", m.type());
        document.put("version", m.version());
        document.put("sender", m.sender());
        document.put("recipient", m.recipient());
        document.put("interchangeReference", m.interchangeReference());
        document.put("messageReferences", m.messageReferences());
        document.put("flights", m.flights());
        document.put("travellers", m.travellers());
        if (m.type() == MessageType.PNRGOV) document.put("bookings", m.bookings());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("travellers", m.travellers().size());
        counts.put("passengers", m.passengers());
        counts.put("crew", m.crew());
        counts.put("infants", m.infants());
        if (m.type() == MessageType.PNRGOV) counts.put("bookings", m.bookings().size());
        counts.put("flights", m.flights().size());
        counts.put("segments", m.segments());
        counts.put("declared", m.counts());
        document.put("counts", counts);
        document.put("warnings", m.warnings());
        document.put("errors", List.of());
        return document;
    }
}
