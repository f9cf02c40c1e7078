package org.orderly.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.orderly.regime.InstrumentRequest;
import org.orderly.regime.RegimeDates;
import org.orderly.regime.Registry;
import org.orderly.regime.coherence.CoherenceReport;
import org.orderly.regime.coherence.CoherenceRules;
import org.orderly.regime.coherence.Conflict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coherence checker on the local registry: every conflict on a date, or with {@code --draft} those a draft instrument
 * (the JSON {@code POST /api/v1/instruments} takes) would bring. The same checker as the API and the page; writes nothing.
 */
@Command(
        name = "coherence",
        mixinStandardHelpOptions = true,
        description =
                "Conflicts among the commitments and instruments that bind a party, on a date; with --draft, those a draft would bring.")
final class CoherenceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final JsonMapper READER = JsonMapper.builder().build();

    @Option(
            names = "--draft",
            paramLabel = "INSTRUMENT.json",
            description = "a draft instrument with its commitments and participations")
    Path draft;

    @Option(names = "--date", paramLabel = "DATE", description = "the date checked (yyyy-mm-dd; default today)")
    LocalDate date;

    @Option(names = "--json", description = "print one JSON document: {\"conflicts\": [...]}")
    boolean json;

    @Override
    public void run() {
        LocalDate on =
                RegimeDates.requireWithin("--date", date == null ? RegimeDates.today(Orderly.clock(spec)) : date);
        InstrumentRequest request = draft == null ? null : read(draft);
        try (LocalRegime regime = LocalRegime.open()) {
            Registry registry = regime.registry();
            CoherenceReport report = new CoherenceReport(
                    request == null
                            ? CoherenceRules.STANDARD.conflicts(registry, on)
                            : CoherenceRules.STANDARD.conflicts(registry, draftOf(request, registry), on));
            if (json) {
                Json.print(report);
                return;
            }
            for (Conflict c : report.conflicts()) {
                System.out.println(c.severity().name().toLowerCase(java.util.Locale.ROOT) + "  " + c.kind() + "  "
                        + String.join(", ", c.parties()));
                System.out.println("  " + c.explanation());
                c.sources().forEach(s -> System.out.println("  source: " + s.title() + " (as of " + s.asOf() + ")"));
            }
            long conflicts = report.conflicts().stream()
                    .filter(c -> c.severity() == Conflict.Severity.CONFLICT)
                    .count();
            System.out.println(
                    conflicts + " conflict(s) and " + (report.conflicts().size() - conflicts) + " risk(s) on " + on
                            + (request == null
                                    ? " in the registry"
                                    : " involving " + request.instrument().id()));
        }
    }

    private org.orderly.regime.coherence.Draft draftOf(InstrumentRequest request, Registry registry) {
        try {
            return request.draft(registry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(draft + ": " + e.getMessage(), e);
        }
    }

    /** The draft file, or a refusal naming the file, the place in it (JSON path, line, column) and what is wrong. */
    static InstrumentRequest read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            return READER.readValue(text, InstrumentRequest.class);
        } catch (JacksonException e) {
            StringBuilder where = new StringBuilder(file.toString());
            if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
                where.append(": line ")
                        .append(e.getLocation().getLineNr())
                        .append(", column ")
                        .append(e.getLocation().getColumnNr());
            }
            StringBuilder path = new StringBuilder("$");
            for (JacksonException.Reference r : e.getPath()) {
                if (r.getPropertyName() != null) path.append('.').append(r.getPropertyName());
                else if (r.getIndex() >= 0)
                    path.append('[').append(r.getIndex()).append(']');
            }
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException own && !(cause instanceof JacksonException)
                    ? own.getMessage()
                    : e.getOriginalMessage()
                            .replaceAll("\\(class [^)]*\\)", "")
                            .replaceAll("\\s+", " ")
                            .strip();
            throw new IllegalArgumentException(where + (path.length() > 1 ? " at " + path : "") + ": " + why);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
