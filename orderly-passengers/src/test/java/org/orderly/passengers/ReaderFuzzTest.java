package org.orderly.passengers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.orderly.passengers.edifact.EdifactException;
import org.orderly.passengers.edifact.EdifactLexer;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.testing.SharedData;

/**
 * Seeded fuzzing of the lexer and both parsers: mutated real and example messages, and random bytes.
 * Every input either reads (with warnings) or fails with an {@link EdifactException} naming a segment;
 * nothing else escapes. The time limit catches a hang only (an input that never ends), not slowness.
 */
class ReaderFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 4000);

    @Test
    void noInputCrashesOrHangsTheLexerOrTheParsers() throws Exception {
        List<byte[]> corpus = corpus();
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            int read = 0, refused = 0;
            for (int i = 0; i < INPUTS; i++) {
                byte[] input =
                        i % 10 == 9 ? randomBytes(random) : mutate(corpus.get(random.nextInt(corpus.size())), random);
                final int index = i;
                Future<Boolean> outcome = worker.submit(() -> readOnce(input, index));
                try {
                    if (outcome.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) read++;
                    else refused++;
                } catch (TimeoutException e) {
                    fail("input " + i + " of seed " + SEED + " did not finish: the reader hangs on it");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError(
                            "input " + i + " of seed " + SEED + " crashed the reader: " + e.getCause(), e.getCause());
                }
            }
            // Mutations mostly leave a readable message: the fuzzing reaches the parsers, not only the lexer's
            // refusals.
            assertThat(read).as("seed " + SEED).isGreaterThan(INPUTS / 2);
            assertThat(refused).as("seed " + SEED).isPositive();
        } finally {
            worker.shutdownNow();
        }
    }

    private static boolean readOnce(byte[] input, int index) {
        try {
            EdifactLexer lexer = EdifactLexer.of(input);
            int n = 0;
            while (lexer.next() != null) n++;
            assertThat(n).isGreaterThanOrEqualTo(0);
        } catch (EdifactException e) {
            assertThat(e.getMessage()).as("input " + index + " seed " + SEED).startsWith("segment ");
        }
        try {
            Manifest m = ManifestReader.read(input, LocalDate.of(2026, 12, 1));
            assertThat(m.travellers()).isNotNull();
            return true;
        } catch (EdifactException e) {
            assertThat(e.getMessage()).as("input " + index + " seed " + SEED).startsWith("segment ");
            return false;
        }
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        corpus.add(GuideExamplesTest.resource("paxlst-guide-example.edi"));
        corpus.add(GuideExamplesTest.resource("pnrgov-guide-example.edi"));
        // The guide examples always; the real messages too where ../shared/data is beside the project (CI requires it).
        Path dir = SharedData.root().resolve("passengers/gtas");
        if (SharedData.has("passengers/gtas")) {
            try (var files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    try {
                        corpus.add(Files.readAllBytes(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return corpus;
    }

    private static final byte[] INTERESTING = "'+:?*~-$ \r\nUNAUNBUNHUNTUNZSRCTIFNADDOCDTM0123456789\u2019"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> { // delete a run
                    int len = Math.min(b.length - at, 1 + random.nextInt(40));
                    byte[] shorter = new byte[b.length - len];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + len, shorter, at, b.length - at - len);
                    b = shorter;
                }
                case 3 -> { // duplicate a run
                    int len = Math.min(b.length - at, 1 + random.nextInt(200));
                    byte[] longer = new byte[b.length + len];
                    System.arraycopy(b, 0, longer, 0, at + len);
                    System.arraycopy(b, at, longer, at + len, b.length - at);
                    b = longer;
                }
                default -> b = java.util.Arrays.copyOf(b, at); // truncate
            }
        }
        return b;
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(300)];
        for (int i = 0; i < b.length; i++) b[i] = INTERESTING[random.nextInt(INTERESTING.length)];
        return b;
    }
}
