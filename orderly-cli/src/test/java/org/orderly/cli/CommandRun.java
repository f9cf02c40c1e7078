package org.orderly.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the {@code orderly} command in this process and captures its exit status, standard output and standard error. */
record CommandRun(int status, String out, String err) {

    static CommandRun of(String... args) {
        return withInput("", args);
    }

    /** Runs the command on this clock (what it records and counts today from), as {@code orderly} runs on the system's. */
    static CommandRun on(java.time.Clock clock, String... args) {
        return run(Orderly.commandLine(clock, args), "", args);
    }

    /** Commands print their results to System.out (as the existing ones do) and errors to the command line's writer. */
    static CommandRun withInput(String stdin, String... args) {
        return run(Orderly.commandLine(), stdin, args);
    }

    private static CommandRun run(CommandLine commandLine, String stdin, String... args) {
        StringWriter err = new StringWriter();
        StringWriter picocliOut = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(picocliOut, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            status = commandLine.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
        return new CommandRun(status, picocliOut + out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
