package org.orderly.bench.passengers;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.orderly.bench.passengers.PassengerTraffic.Mess;
import org.orderly.bench.passengers.PassengerTraffic.Message;
import org.orderly.passengers.ManifestReader;
import org.orderly.passengers.edifact.EdifactLexer;
import org.orderly.passengers.edifact.Segment;
import org.orderly.passengers.manifest.Manifest;

/**
 * Scenario benchmark on one thread: generated PAXLST and PNRGOV traffic (with the carriers' mess) read by
 * Orderly's full parse to the {@code Manifest} model, by Orderly's lexer alone, and by the same-run
 * baseline StAEDI tokenising the same bytes (every event consumed). Prints MB/s, messages/s, the ratio,
 * and how many messages of each kind of mess StAEDI could not read. Times are the thread's CPU time (one core).
 */
public final class PassengersBenchmark {
    /** The day the messages count as received (places two-digit years): fixed, so that every run reads them alike. */
    private static final java.time.LocalDate READ_ON = java.time.LocalDate.of(2026, 12, 1);

    /** Figures of one run. */
    public record Result(
            int messages,
            long travellers,
            double megabytes,
            double orderlyParseMBps,
            double orderlyParseMessagesPerSecond,
            double orderlyLexMBps,
            double staediMBps,
            double staediMessagesPerSecond,
            double ratioParseToStaedi,
            double cleanOrderlyParseMBps,
            double cleanStaediMBps,
            int staediRejected,
            Map<Mess, Integer> staediRejectedByMess,
            int orderlyRejected,
            long travellersRead) {}

    private PassengersBenchmark() {}

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 2000, System.out);
    }

    public static Result run(int flights, PrintStream out) {
        List<Message> traffic = PassengerTraffic.generate(flights, 150, 0.3, 20260115L);
        long bytes = traffic.stream().mapToLong(m -> m.bytes().length).sum();
        long travellers = traffic.stream().mapToLong(Message::travellers).sum();
        List<Message> clean =
                traffic.stream().filter(m -> m.mess() == Mess.CLEAN).toList();
        long cleanBytes = clean.stream().mapToLong(m -> m.bytes().length).sum();
        out.printf(
                "passengers: %,d messages (%,d PNRGOV), %,d travellers, %.1f MB, 7 kinds of mess in rotation%n",
                traffic.size(), traffic.stream().filter(Message::pnr).count(), travellers, bytes / 1e6);

        // Orderly must read every message, mess included: check once, outside the timing.
        int orderlyRejected = 0;
        long travellersRead = 0;
        for (Message m : traffic) {
            try {
                travellersRead +=
                        ManifestReader.read(m.bytes(), READ_ON).travellers().size();
            } catch (RuntimeException e) {
                orderlyRejected++;
            }
        }
        Map<Mess, Integer> rejected = new EnumMap<>(Mess.class);
        for (Message m : traffic) if (staedi(m.bytes()) < 0) rejected.merge(m.mess(), 1, Integer::sum);
        int staediRejected =
                rejected.values().stream().mapToInt(Integer::intValue).sum();

        for (int warm = 0; warm < 2; warm++) {
            parseAll(traffic);
            lexAll(traffic);
            staediAll(traffic);
        }
        double parse = best(() -> parseAll(traffic));
        double lex = best(() -> lexAll(traffic));
        double staedi = best(() -> staediAll(traffic));
        double cleanParse = best(() -> parseAll(clean));
        double cleanStaedi = best(() -> staediAll(clean));
        double mb = bytes / 1e6;
        Result result = new Result(
                traffic.size(),
                travellers,
                mb,
                mb / parse,
                traffic.size() / parse,
                mb / lex,
                mb / staedi,
                traffic.size() / staedi,
                staedi / parse,
                cleanBytes / 1e6 / cleanParse,
                cleanBytes / 1e6 / cleanStaedi,
                staediRejected,
                rejected,
                orderlyRejected,
                travellersRead);
        out.printf(
                "  Orderly full parse to Manifest : %7.1f MB/s  %,9.0f messages/s  (%d messages refused; %,d travellers read)%n",
                result.orderlyParseMBps(), result.orderlyParseMessagesPerSecond(), orderlyRejected, travellersRead);
        out.printf("  Orderly lexer alone            : %7.1f MB/s%n", result.orderlyLexMBps());
        out.printf(
                "  StAEDI tokenising (baseline)   : %7.1f MB/s  %,9.0f messages/s  (%d messages it could not read: %s)%n",
                result.staediMBps(), result.staediMessagesPerSecond(), staediRejected, rejected);
        out.printf(
                "  ratio Orderly parse / StAEDI tokenising: %.2f×; on the clean messages only: %.1f vs %.1f MB/s (%.2f×)%n",
                result.ratioParseToStaedi(),
                result.cleanOrderlyParseMBps(),
                result.cleanStaediMBps(),
                result.cleanOrderlyParseMBps() / result.cleanStaediMBps());
        return result;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The best of five passes, in seconds of this thread's CPU time: the machine is shared, and CPU time is what one
     * core spends whatever else runs beside it (wall-clock time is used where the JVM cannot measure CPU time).
     */
    private static double best(Runnable pass) {
        double best = Double.MAX_VALUE;
        boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
        for (int i = 0; i < 5; i++) {
            long start = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            pass.run();
            long end = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            best = Math.min(best, (end - start) / 1e9);
        }
        return best;
    }

    static volatile long sink;

    private static void parseAll(List<Message> traffic) {
        long n = 0;
        for (Message m : traffic) {
            Manifest manifest = ManifestReader.read(m.bytes(), READ_ON);
            n += manifest.travellers().size();
        }
        sink = n;
    }

    private static void lexAll(List<Message> traffic) {
        long n = 0;
        for (Message m : traffic) {
            EdifactLexer lexer = EdifactLexer.of(m.bytes());
            for (Segment s = lexer.next(); s != null; s = lexer.next()) n += s.elements();
        }
        sink = n;
    }

    private static void staediAll(List<Message> traffic) {
        long n = 0;
        for (Message m : traffic) n += staedi(m.bytes());
        sink = n;
    }

    /** StAEDI as a pure tokeniser: no control-structure or code-value validation, extraneous characters (line breaks) ignored. */
    private static final EDIInputFactory FACTORY = factory();

    private static EDIInputFactory factory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        return factory;
    }

    /** Characters of element data StAEDI delivers for the message (every event consumed), or -1 when it fails on it. */
    static long staedi(byte[] bytes) {
        long characters = 0;
        try (EDIStreamReader reader = FACTORY.createEDIStreamReader(new ByteArrayInputStream(bytes))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.ELEMENT_DATA) characters += reader.getTextLength();
                else if (event == EDIStreamEvent.START_SEGMENT)
                    characters += reader.getText().length();
            }
            return characters;
        } catch (Exception e) {
            return -1;
        }
    }
}
