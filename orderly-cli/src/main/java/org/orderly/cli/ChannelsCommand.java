package org.orderly.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orderly.server.channel.ChannelService;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.channel.QuotaLedger;
import org.orderly.travel.channel.ChannelAnswer;
import org.orderly.travel.channel.ChannelQuestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Legal channels: the finder, and first-come allocations of a channel's quota from a list of applicants. */
@Command(name = "channels", mixinStandardHelpOptions = true,
        description = "Legal ways in: find the channels that could apply to a person; allocate a channel's quota.",
        subcommands = {ChannelsCommand.Find.class, ChannelsCommand.Define.class, ChannelsCommand.Allocate.class})
final class ChannelsCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "say what to do: find, define or allocate");
    }

    /**
     * The channel service over this Orderly's database, with the ESCO files of the shared data when they are there
     * ({@code -Dorderly.occupations} names another folder).
     */
    static ChannelService service(LocalRegime regime) {
        String folder = System.getProperty("orderly.occupations");
        Path occupations = folder != null && !folder.isBlank() ? Path.of(folder)
                : LocalRegime.sharedData().map(p -> p.resolve("occupations")).orElse(null);
        return new ChannelService(new RegimeService(regime.store()), new QuotaLedger(AuditCommand.store(regime)), occupations);
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = {"Every legal channel that could apply to a person, across all destinations unless one is given: each criterion "
                    + "met, not met or unknown (what you do not say is unknown, never met), the verdict, the quota for the year, who decides, "
                    + "where to apply, rights and sources with their dates."})
    static final class Find implements Runnable {
        @Option(names = "--passport", required = true, description = "nationality: a name, a common name or an ISO 3166 code") String passport;
        @Option(names = "--destination", description = "one destination (default: all)") String destination;
        @Option(names = "--occupation", description = "your occupation in your own words (ESCO labels), e.g. \"nurse\"") String occupation;
        @Option(names = "--salary", description = "gross salary offered") String salary;
        @Option(names = "--currency", description = "its ISO 4217 currency, e.g. EUR") String currency;
        @Option(names = "--period", description = "year (default), month or hour") String period;
        @Option(names = "--qualification", description = "highest education: bachelor, master, doctorate, vocational… or an ISCED level 0-8") String qualification;
        @Option(names = "--language", description = "language and CEFR level, e.g. de:B1; repeatable") List<String> languages = new ArrayList<>();
        @Option(names = "--age") String age;
        @Option(names = "--experience", description = "years of skilled work experience") String experience;
        @Option(names = "--job-offer", description = "yes or no") String jobOffer;
        @Option(names = "--recognised", description = "yes or no: your qualification is recognised in the destination") String recognised;
        @Option(names = "--date", description = "the date asked (default: today, UTC)") LocalDate date;
        @Option(names = "--json", description = "print one JSON document") boolean json;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                if (date != null) RegimeService.requireSane("--date", date);
                ChannelAnswer answer = service(regime).finder().find(ChannelQuestion.of(passport, destination, occupation, salary, currency, period,
                        qualification, languages, age, experience, jobOffer, recognised, date));
                if (json) {
                    Json.print(answer);
                    return;
                }
                if (answer.occupation() != null) {
                    System.out.printf("\"%s\" is ESCO's %s: ISCO-08 %s, %s%s%n", answer.occupation().words(), answer.occupation().matchedLabel(),
                            answer.occupation().isco(), answer.occupation().label(),
                            answer.occupation().regulated() ? " (a regulated profession: your qualification must be recognised first)" : "");
                }
                System.out.println(answer.channels().size() + (answer.channels().size() == 1 ? " channel" : " channels") + " could apply");
                for (ChannelAnswer.Channel c : answer.channels()) {
                    System.out.printf("%n%s [%s] — %s%s%n", c.title(), c.id(), c.verdict(), c.verdict().equals("could be eligible") ? " " + c.verdictDetail() : "");
                    for (ChannelAnswer.Criterion k : c.criteria()) {
                        System.out.printf("  %-9s %s: %s%s%n", k.status(), k.criterion(), k.detail(), k.verified() ? "" : " [unverified]");
                    }
                    ChannelAnswer.Quota q = c.quota();
                    System.out.println("  quota: " + q.status() + (q.places() == null ? "" : String.format(Locale.ROOT, ", %,d places in %d", q.places(), q.year()))
                            + (q.allocated() == null ? "" : ", " + q.allocated() + " allocated") + (q.verified() ? "" : " [unverified]"));
                    System.out.println("  who decides: " + c.whoDecides());
                    System.out.println("  where to apply: " + c.whereToApply());
                    for (ChannelAnswer.SourceView s : c.sources()) {
                        System.out.println("  source: " + s.title() + " — " + s.reference() + ", as of " + s.asOf() + (s.verified() ? "" : " [unverified]"));
                    }
                }
            }
        }
    }

    @Command(name = "define", mixinStandardHelpOptions = true,
            description = "Record a legal channel from a JSON file in the form POST /api/v1/channels accepts (the minimal form: id, title, "
                    + "destination, purpose, annualQuota, procedure); sending the same id again replaces it.")
    static final class Define implements Runnable {
        @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "the channel as JSON") Path file;
        @Option(names = "--json", description = "print the channel as recorded") boolean json;

        @Override
        public void run() {
            org.orderly.server.channel.ChannelDocument document;
            try {
                document = tools.jackson.databind.json.JsonMapper.builder().findAndAddModules().build()
                        .readValue(Files.readString(file, StandardCharsets.UTF_8), org.orderly.server.channel.ChannelDocument.class);
            } catch (IOException e) {
                throw new Orderly.CommandFailure(file + ": cannot be read: " + e.getMessage());
            } catch (tools.jackson.core.JacksonException e) {
                throw new Orderly.CommandFailure(file + ": not a channel in JSON: " + e.getOriginalMessage());
            }
            try (LocalRegime regime = LocalRegime.open()) {
                var channel = service(regime).define(document, "cli:" + System.getProperty("user.name", "operator"));
                if (json) Json.print(org.orderly.server.channel.ChannelDocument.of(channel));
                else System.out.println("recorded channel " + channel.id() + ": " + channel.describe());
            }
        }
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true,
            description = {"Grant places of a channel's first-come quota for a year, one per applicant reference (one a line in --applicants, "
                    + "or --applicant), as the channel's destination: each grant and refusal audited with it. An applicant asked again keeps "
                    + "the place it has. Prints one line per applicant as it is decided: REFERENCE: granted place N | already place N | refused REASON.",
                    "Exit status 0 when every request was decided (granted or refused)."})
    static final class Allocate implements Callable<Integer> {
        @Option(names = "--channel", required = true) String channel;
        @Option(names = "--year", required = true) int year;
        @Option(names = "--applicant", description = "one applicant's reference") String applicant;
        @Option(names = "--applicants", description = "a file of applicant references, one a line") Path applicants;
        @Option(names = "--threads", defaultValue = "1", description = "requests at once (default 1)") int threads;

        @Override
        public Integer call() throws Exception {
            List<String> references = new ArrayList<>();
            if (applicant != null) references.add(applicant);
            if (applicants != null) {
                try {
                    for (String line : Files.readAllLines(applicants, StandardCharsets.UTF_8)) if (!line.isBlank()) references.add(line.strip());
                } catch (IOException e) {
                    throw new Orderly.CommandFailure(applicants + ": cannot be read: " + e.getMessage());
                }
            }
            if (references.isEmpty()) throw new Orderly.CommandFailure("give --applicant or --applicants");
            if (threads < 1 || threads > 64) throw new Orderly.CommandFailure("--threads " + threads + " must be 1 to 64");
            RegimeService.requireSane("--year", LocalDate.of(year, 1, 1));
            try (LocalRegime regime = LocalRegime.open()) {
                ChannelService service = service(regime);
                String destination = service.channel(channel).destination();
                QuotaLedger.Actor actor = new QuotaLedger.Actor("cli:" + System.getProperty("user.name", "operator"), destination);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> running = new ArrayList<>();
                for (String reference : references) {
                    running.add(pool.submit(() -> {
                        QuotaLedger.Outcome outcome = service.allocate(channel, year, reference, actor);
                        String line = outcome instanceof QuotaLedger.Granted g
                                ? reference + ": " + (g.already() ? "already place " : "granted place ") + g.allocation().slot()
                                : reference + ": refused " + ((QuotaLedger.Refused) outcome).reason();
                        synchronized (System.out) {
                            System.out.println(line);
                            System.out.flush();
                        }
                        return null;
                    }));
                }
                try {
                    for (Future<?> f : running) f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw e;
                } finally {
                    pool.shutdownNow();
                }
                return 0;
            }
        }
    }
}
