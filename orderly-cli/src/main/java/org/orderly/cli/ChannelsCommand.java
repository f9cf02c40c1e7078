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
@Command(
        name = "channels",
        mixinStandardHelpOptions = true,
        description = "Legal ways in: find the channels that could apply to a person; allocate a channel's quota.",
        subcommands = {
            ChannelsCommand.Find.class,
            ChannelsCommand.Define.class,
            ChannelsCommand.Allocate.class,
            ChannelsCommand.Rank.class,
            ChannelsCommand.Lottery.class,
            ChannelsCommand.Redraw.class
        })
final class ChannelsCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "say what to do: find, define, allocate, rank, lottery or redraw");
    }

    /**
     * The channel service over this Orderly's database, with the ESCO files of the shared data when they are there
     * ({@code -Dorderly.occupations} names another folder).
     */
    static ChannelService service(LocalRegime regime, java.time.Clock clock) {
        String folder = System.getProperty("orderly.occupations");
        Path occupations = folder != null && !folder.isBlank()
                ? Path.of(folder)
                : LocalRegime.sharedData().map(p -> p.resolve("occupations")).orElse(null);
        return new ChannelService(
                new RegimeService(regime.store(), clock),
                new QuotaLedger(AuditCommand.store(regime, clock)),
                occupations);
    }

    @Command(
            name = "find",
            mixinStandardHelpOptions = true,
            description = {
                "Every legal channel that could apply to a person, across all destinations unless one is given: each criterion "
                        + "met, not met or unknown (what you do not say is unknown, never met), the verdict, the quota for the year, who decides, "
                        + "where to apply, rights and sources with their dates."
            })
    static final class Find implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--passport",
                required = true,
                description = "nationality: a name, a common name or an ISO 3166 code")
        String passport;

        @Option(names = "--destination", description = "one destination (default: all)")
        String destination;

        @Option(names = "--occupation", description = "your occupation in your own words (ESCO labels), e.g. \"nurse\"")
        String occupation;

        @Option(names = "--salary", description = "gross salary offered")
        String salary;

        @Option(names = "--currency", description = "its ISO 4217 currency, e.g. EUR")
        String currency;

        @Option(names = "--period", description = "year (default), month or hour")
        String period;

        @Option(
                names = "--qualification",
                description = "highest education: bachelor, master, doctorate, vocational… or an ISCED level 0-8")
        String qualification;

        @Option(names = "--language", description = "language and CEFR level, e.g. de:B1; repeatable")
        List<String> languages = new ArrayList<>();

        @Option(names = "--age")
        String age;

        @Option(names = "--experience", description = "years of skilled work experience")
        String experience;

        @Option(names = "--job-offer", description = "yes or no")
        String jobOffer;

        @Option(names = "--recognised", description = "yes or no: your qualification is recognised in the destination")
        String recognised;

        @Option(names = "--date", description = "the date asked (default: today, UTC)")
        LocalDate date;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public void run() {
            try (LocalRegime regime = LocalRegime.open()) {
                if (date != null) RegimeService.requireSane("--date", date);
                ChannelAnswer answer = service(regime, Orderly.clock(spec))
                        .finder()
                        .find(ChannelQuestion.of(
                                passport,
                                destination,
                                occupation,
                                salary,
                                currency,
                                period,
                                qualification,
                                languages,
                                age,
                                experience,
                                jobOffer,
                                recognised,
                                date));
                if (json) {
                    Json.print(answer);
                    return;
                }
                if (answer.occupation() != null) {
                    System.out.printf(
                            "\"%s\" is ESCO's %s: ISCO-08 %s, %s%s%n",
                            answer.occupation().words(),
                            answer.occupation().matchedLabel(),
                            answer.occupation().isco(),
                            answer.occupation().label(),
                            answer.occupation().regulated()
                                    ? " (a regulated profession: your qualification must be recognised first)"
                                    : "");
                }
                System.out.println(answer.channels().size() + (answer.channels().size() == 1 ? " channel" : " channels")
                        + " could apply");
                for (ChannelAnswer.Channel c : answer.channels()) {
                    System.out.printf(
                            "%n%s [%s] — %s%s%n",
                            c.title(),
                            c.id(),
                            c.verdict(),
                            c.verdict().equals("could be eligible") ? " " + c.verdictDetail() : "");
                    for (ChannelAnswer.Criterion k : c.criteria()) {
                        System.out.printf(
                                "  %-9s %s: %s%s%n",
                                k.status(), k.criterion(), k.detail(), k.verified() ? "" : " [unverified]");
                    }
                    ChannelAnswer.Quota q = c.quota();
                    System.out.println("  quota: " + q.status()
                            + (q.places() == null
                                    ? ""
                                    : String.format(Locale.ROOT, ", %,d places in %d", q.places(), q.year()))
                            + (q.allocated() == null ? "" : ", " + q.allocated() + " allocated")
                            + (q.verified() ? "" : " [unverified]"));
                    System.out.println("  who decides: " + c.whoDecides());
                    System.out.println("  where to apply: " + c.whereToApply());
                    for (ChannelAnswer.SourceView s : c.sources()) {
                        System.out.println("  source: " + s.title() + " — " + s.reference() + ", as of " + s.asOf()
                                + (s.verified() ? "" : " [unverified]"));
                    }
                }
            }
        }
    }

    @Command(
            name = "define",
            mixinStandardHelpOptions = true,
            description =
                    "Record a legal channel from a JSON file in the form POST /api/v1/channels accepts (the minimal form: id, title, "
                            + "destination, purpose, annualQuota, procedure); sending the same id again replaces it.")
    static final class Define implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "the channel as JSON")
        Path file;

        @Option(names = "--json", description = "print the channel as recorded")
        boolean json;

        @Override
        public void run() {
            org.orderly.server.channel.ChannelDocument document;
            try {
                document = tools.jackson.databind.json.JsonMapper.builder()
                        .findAndAddModules()
                        .build()
                        .readValue(
                                Files.readString(file, StandardCharsets.UTF_8),
                                org.orderly.server.channel.ChannelDocument.class);
            } catch (IOException e) {
                throw new Orderly.CommandFailure(file + ": cannot be read: " + e.getMessage());
            } catch (tools.jackson.core.JacksonException e) {
                throw new Orderly.CommandFailure(file + ": not a channel in JSON: " + e.getOriginalMessage());
            }
            try (LocalRegime regime = LocalRegime.open()) {
                var channel = service(regime, Orderly.clock(spec))
                        .define(document, "cli:" + System.getProperty("user.name", "operator"));
                if (json) Json.print(org.orderly.server.channel.ChannelDocument.of(channel));
                else System.out.println("recorded channel " + channel.id() + ": " + channel.describe());
            }
        }
    }

    @Command(
            name = "allocate",
            mixinStandardHelpOptions = true,
            description = {
                "Grant places of a channel's first-come quota for a year, one per applicant reference (one a line in --applicants, "
                        + "or --applicant), as the channel's destination: each grant and refusal audited with it. An applicant asked again keeps "
                        + "the place it has. Prints one line per applicant as it is decided: REFERENCE: granted place N | already place N | refused REASON.",
                "Exit status 0 when every request was decided (granted or refused)."
            })
    static final class Allocate implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--channel", required = true)
        String channel;

        @Option(names = "--year", required = true)
        int year;

        @Option(names = "--applicant", description = "one applicant's reference")
        String applicant;

        @Option(names = "--applicants", description = "a file of applicant references, one a line")
        Path applicants;

        @Option(names = "--threads", defaultValue = "1", description = "requests at once (default 1)")
        int threads;

        @Override
        public Integer call() throws Exception {
            List<String> references = new ArrayList<>();
            if (applicant != null) references.add(applicant);
            if (applicants != null) {
                try {
                    for (String line : Files.readAllLines(applicants, StandardCharsets.UTF_8))
                        if (!line.isBlank()) references.add(line.strip());
                } catch (IOException e) {
                    throw new Orderly.CommandFailure(applicants + ": cannot be read: " + e.getMessage());
                }
            }
            if (references.isEmpty()) throw new Orderly.CommandFailure("give --applicant or --applicants");
            if (threads < 1 || threads > 64)
                throw new Orderly.CommandFailure("--threads " + threads + " must be 1 to 64");
            RegimeService.requireSane("--year", LocalDate.of(year, 1, 1));
            try (LocalRegime regime = LocalRegime.open()) {
                ChannelService service = service(regime, Orderly.clock(spec));
                String destination = service.channel(channel).destination();
                QuotaLedger.Actor actor =
                        new QuotaLedger.Actor("cli:" + System.getProperty("user.name", "operator"), destination);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> running = new ArrayList<>();
                for (String reference : references) {
                    running.add(pool.submit(() -> {
                        String line = line(service.allocate(channel, year, reference, actor));
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

    /** What one decided request prints: REFERENCE: granted place N | already place N | refused REASON. */
    static String line(QuotaLedger.Outcome outcome) {
        if (outcome instanceof QuotaLedger.Refused r) return r.applicant() + ": refused " + r.reason();
        QuotaLedger.Granted g = (QuotaLedger.Granted) outcome; // the sealed Outcome's other case
        return g.allocation().applicant() + ": " + (g.already() ? "already place " : "granted place ")
                + g.allocation().slot();
    }

    /** The channel's quota for the year, or a failure that says there is none. */
    static org.orderly.regime.channel.Quota quota(ChannelService service, String channel, int year) {
        return service.channel(channel)
                .quota(year)
                .orElseThrow(() -> new Orderly.CommandFailure("channel " + channel + " records no quota for " + year));
    }

    @Command(
            name = "rank",
            mixinStandardHelpOptions = true,
            description =
                    "Decide a ranked quota: enter the applicants with their points (a file of lines REFERENCE,POINTS), then grant the "
                            + "places to the highest points at or above the cut-off; every grant and refusal audited. Prints one line per applicant.")
    static final class Rank implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--channel", required = true)
        String channel;

        @Option(names = "--year", required = true)
        int year;

        @Option(names = "--entries", required = true, description = "lines REFERENCE,POINTS")
        Path entries;

        @Option(names = "--cut-off", required = true, description = "the fewest points that can be granted a place")
        int cutOff;

        @Override
        public void run() {
            RegimeService.requireSane("--year", LocalDate.of(year, 1, 1));
            List<String> lines;
            try {
                lines = Files.readAllLines(entries, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Orderly.CommandFailure(entries + ": cannot be read: " + e.getMessage());
            }
            try (LocalRegime regime = LocalRegime.open()) {
                ChannelService service = service(regime, Orderly.clock(spec));
                var quota = quota(service, channel, year);
                QuotaLedger.Actor actor = new QuotaLedger.Actor(
                        "cli:" + System.getProperty("user.name", "operator"),
                        service.channel(channel).destination());
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) continue;
                    String[] cells = lines.get(i).split(",");
                    if (cells.length != 2 || !cells[1].strip().matches("-?[0-9]{1,9}")) {
                        throw new Orderly.CommandFailure(entries.getFileName() + " line " + (i + 1)
                                + ": expected REFERENCE,POINTS (whole points)");
                    }
                    service.ledger()
                            .enter(
                                    channel,
                                    year,
                                    quota.places(),
                                    quota.procedure(),
                                    cells[0].strip(),
                                    Integer.valueOf(cells[1].strip()),
                                    actor);
                }
                for (QuotaLedger.Outcome o : service.ledger().rank(channel, year, cutOff, actor))
                    System.out.println(line(o));
            }
        }
    }

    @Command(
            name = "lottery",
            mixinStandardHelpOptions = true,
            description = {
                "A lottery quota, one step a run: publish the SHA-256 of the secret seed before entries close "
                        + "(--publish-seed-hash), enter applicants (--enter FILE, one reference a line), then draw with the seed (--draw SEED), "
                        + "which must match the published hash. The seed, the entrants' tokens and the tokens drawn are then public "
                        + "(GET /api/v1/channels/{id}/quota) for anyone to re-run the draw with `orderly channels redraw`."
            })
    static final class Lottery implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--channel", required = true)
        String channel;

        @Option(names = "--year", required = true)
        int year;

        @Option(names = "--publish-seed-hash", description = "the SHA-256 of the seed, 64 hexadecimal digits")
        String seedHash;

        @Option(names = "--enter", description = "a file of applicant references, one a line")
        Path enter;

        @Option(names = "--draw", description = "the seed whose hash was published")
        String seed;

        @Override
        public void run() {
            int steps = (seedHash == null ? 0 : 1) + (enter == null ? 0 : 1) + (seed == null ? 0 : 1);
            if (steps != 1) throw new Orderly.CommandFailure("give one of --publish-seed-hash, --enter or --draw");
            RegimeService.requireSane("--year", LocalDate.of(year, 1, 1));
            try (LocalRegime regime = LocalRegime.open()) {
                ChannelService service = service(regime, Orderly.clock(spec));
                var quota = quota(service, channel, year);
                QuotaLedger.Actor actor = new QuotaLedger.Actor(
                        "cli:" + System.getProperty("user.name", "operator"),
                        service.channel(channel).destination());
                try {
                    if (seedHash != null) {
                        service.ledger().publishSeedHash(channel, year, quota.places(), seedHash.strip(), actor);
                        System.out.println("published seed hash " + seedHash.strip() + " for " + channel + " " + year);
                    } else if (enter != null) {
                        int entered = 0;
                        for (String reference : Files.readAllLines(enter, StandardCharsets.UTF_8)) {
                            if (reference.isBlank()) continue;
                            service.ledger()
                                    .enter(
                                            channel,
                                            year,
                                            quota.places(),
                                            quota.procedure(),
                                            reference.strip(),
                                            null,
                                            actor);
                            entered++;
                        }
                        System.out.println("entered " + entered + " applicants");
                    } else {
                        for (QuotaLedger.Outcome o : service.ledger().draw(channel, year, seed, actor))
                            System.out.println(line(o));
                    }
                } catch (IllegalStateException e) {
                    throw new Orderly.CommandFailure(e.getMessage());
                } catch (IOException e) {
                    throw new Orderly.CommandFailure(enter + ": cannot be read: " + e.getMessage());
                }
            }
        }
    }

    @Command(
            name = "redraw",
            mixinStandardHelpOptions = true,
            description =
                    "Re-run a published lottery offline: the seed (checked against its published hash when given), the entrants' "
                            + "tokens (a file, one a line) and the number of places → the tokens drawn, in order. Needs no database.")
    static final class Redraw implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--seed", required = true)
        String seed;

        @Option(names = "--seed-hash", description = "the hash published before the draw")
        String seedHash;

        @Option(names = "--tokens", required = true)
        Path tokens;

        @Option(names = "--places", required = true)
        int places;

        @Override
        public void run() {
            if (seedHash != null
                    && !org.orderly.regime.channel.LotteryDraw.seedHash(seed).equals(seedHash.strip())) {
                throw new Orderly.CommandFailure("the seed does not match the published hash " + seedHash.strip());
            }
            List<String> entrants;
            try {
                entrants = Files.readAllLines(tokens, StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
            } catch (IOException e) {
                throw new Orderly.CommandFailure(tokens + ": cannot be read: " + e.getMessage());
            }
            org.orderly.regime.channel.LotteryDraw.winners(seed, entrants, places)
                    .forEach(System.out::println);
        }
    }
}
