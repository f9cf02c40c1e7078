package org.orderly.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.orderly.border.check.DocumentView;
import org.orderly.travel.document.mrz.Mrz;
import org.orderly.travel.document.mrz.MrzException;
import org.orderly.travel.document.mrz.MrzReader;
import org.orderly.travel.document.mrz.MrzReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reads and checks a machine-readable zone (ICAO Doc 9303) given as arguments or on standard input. */
@Command(
        name = "mrz",
        mixinStandardHelpOptions = true,
        description = {
            "Read and check a machine-readable zone (ICAO Doc 9303: TD1, TD2, TD3, MRV-A, MRV-B): "
                    + "the fields, every check digit, valid, warnings and repairs.",
            "Exit status 0 when the zone could be read (valid or not), 1 when it could not (the message names line and column)."
        })
final class MrzCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "0..3",
            paramLabel = "LINE",
            description = "the zone's two or three lines (default: read them from standard input)")
    List<String> lines = new ArrayList<>();

    @Option(names = "--on", description = "reference date for expiry and the century of dates (default: today, UTC)")
    LocalDate on;

    @Option(
            names = "--repair",
            description = "repair OCR confusions (O/0, I/1, B/8, S/5…) where the check digits confirm them")
    boolean repair;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public void run() {
        MrzReader reader = MrzReader.on(on == null ? org.orderly.regime.RegimeDates.today(Orderly.clock(spec)) : on)
                .withRepair(repair);
        Mrz mrz;
        try {
            mrz = lines.isEmpty() ? reader.readText(standardInput()) : reader.read(lines);
        } catch (MrzException e) {
            throw new Orderly.CommandFailure("the zone cannot be read: " + e.getMessage());
        }
        if (json) {
            Json.print(DocumentView.of(mrz));
        } else {
            System.out.print(MrzReport.text(mrz));
        }
    }

    private static String standardInput() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine())
                text.append(line).append('\n');
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
