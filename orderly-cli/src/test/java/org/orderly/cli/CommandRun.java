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

    /** Commands print their results to System.out (as the existing ones do) and errors to the command line's writer. */
    static CommandRun withInput(String stdin, String... args) {
        CommandLine commandLine = Orderly.commandLine();
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
