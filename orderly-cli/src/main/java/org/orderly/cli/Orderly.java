package org.orderly.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import org.orderly.store.ImportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code orderly} command: one subcommand per capability, {@code --json} for machines. */
@Command(
        name = "orderly",
        mixinStandardHelpOptions = true,
        version = "Orderly 0.1.0",
        description =
                "The machinery of an international migration regime: register, negotiate, commit, enforce, monitor.")
public final class Orderly implements Runnable {
    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            ServeCommand.class,
            ImportCommand.class,
            TravelCommand.class,
            PartiesCommand.class,
            InstrumentsCommand.class,
            CoherenceCommand.class,
            MrzCommand.class,
            NamesCommand.class,
            ScreenCommand.class,
            NegotiateCommand.class,
            StayCommand.class,
            CrossingsCommand.class,
            AuditCommand.class,
            ChannelsCommand.class,
            IndicatorsCommand.class,
            LabCommand.class,
            Benchmarks.class,
            PassengersCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The one clock of a run: every subcommand that needs the time or today's date takes it from here ({@link #clock}). */
    private final Clock clock;

    private Orderly(Clock clock) {
        this.clock = clock;
    }

    /**
     * The clock of the command line a (sub)command runs in: the system's in UTC, or the one a test started it with
     * ({@link #commandLine(Clock, String...)}).
     */
    static Clock clock(CommandLine.Model.CommandSpec spec) {
        return ((Orderly) spec.root().userObject()).clock;
    }

    public static void main(String[] args) {
        int status = commandLine(args).execute(args);
        if (status != ServeCommand.KEEP_RUNNING) System.exit(status);
    }

    /** The command line with every subcommand and Orderly's error handling: a clear message on stderr and a non-zero status. */
    public static CommandLine commandLine() {
        return withCommands(COMMANDS, Clock.systemUTC());
    }

    /**
     * The command line for these arguments: with only the subcommand they name first, when they name one. Picocli reads
     * every command's options and methods up front, which loaded the classes of every capability (the server's, Spring's)
     * for one travel look-up; {@code --help} and anything else get every subcommand.
     */
    public static CommandLine commandLine(String... args) {
        return commandLine(Clock.systemUTC(), args);
    }

    /** The same, on this clock: what every subcommand records and counts today from (a fixed one in tests). */
    static CommandLine commandLine(Clock clock, String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0]))
                    return withCommands(List.of(command), clock);
            }
        }
        return withCommands(COMMANDS, clock);
    }

    private static CommandLine withCommands(List<Class<?>> commands, Clock clock) {
        CommandLine commandLine = new CommandLine(new Orderly(clock));
        for (Class<?> command : commands) commandLine.addSubcommand(command);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof ImportException
                    || e instanceof IllegalArgumentException
                    || e instanceof CommandFailure
                    || e instanceof org.orderly.monitoring.MonitoringInputException
                    || e instanceof org.orderly.csv.CsvException
                    || e instanceof org.orderly.lab.scenario.ScenarioFormatException) {
                err.println("orderly: " + e.getMessage());
            } else {
                err.println("orderly: " + e);
                if (System.getenv("ORDERLY_DEBUG") != null) e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command could not do what was asked; the message says why. */
    static final class CommandFailure extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        CommandFailure(String message) {
            super(message);
        }
    }
}
