package org.orderly.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The highest audit entry Orderly ever appended (its sequence and hash), kept outside the database beside the key
 * and forced to disk after each append commits, before the append returns. It guards the log's tail between signed
 * checkpoints: someone who can write the database but not this folder can delete the latest entries, but the log then
 * ends before the mark, and Orderly says so instead of signing the shorter log.
 *
 * <p>One line of fixed length ({@code orderly-audit-high-water/1 sequence=N hash=H}), rewritten in place in one write
 * of under a disk sector and forced with {@code fdatasync}: it is never half there. Concurrent appends share one write:
 * a thread whose entry a later write already covers returns without writing (group commit). Several processes on one
 * home (the server and a command) coordinate with a file lock and only ever raise the mark.
 */
public final class AuditHighWater {
    public static final String NAME = "audit-high-water";
    private static final Pattern LINE =
            Pattern.compile("orderly-audit-high-water/1 sequence=(\\d{19}) hash=([0-9a-f]{64})\n");
    private static final int LENGTH = "orderly-audit-high-water/1 sequence= hash=\n".length() + 19 + 64;
    /** What the appends of this JVM share per file: the highest entry committed and the highest forced to disk. */
    private static final Map<Path, Shared> SHARED = new ConcurrentHashMap<>();

    /** The highest entry appended: its sequence and hash. */
    public record Mark(long sequence, String hash) {}

    private static final class Shared {
        /** Held while one thread writes and forces the mark for every append committed so far. */
        private final Object writing = new Object();
        /** Held while this JVM holds the file lock: a second lock of one JVM on one file would fail, not wait. */
        private final Object locking = new Object();

        private Mark committed;
        private Mark durable;
    }

    private final Path file;
    private final Shared shared;

    public AuditHighWater(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.shared = SHARED.computeIfAbsent(this.file, f -> new Shared());
    }

    public Path path() {
        return file;
    }

    /**
     * The mark, or empty when none was written yet.
     *
     * @throws IllegalStateException when the file is there but not a mark
     */
    public Optional<Mark> read() {
        if (!Files.exists(file)) return Optional.empty();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            synchronized (shared.locking) {
                try (FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
                    return read(channel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit high-water mark " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Raises the mark to this committed entry (never lowers it), forced to disk before it returns.
     */
    void raise(long sequence, String hash) {
        synchronized (shared) {
            if (shared.committed == null || sequence > shared.committed.sequence())
                shared.committed = new Mark(sequence, hash);
        }
        synchronized (shared.writing) {
            if (shared.durable != null && shared.durable.sequence() >= sequence)
                return; // an append after it wrote for both
            Mark target;
            synchronized (shared) {
                target = shared.committed;
            }
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                Mark written;
                synchronized (shared.locking) {
                    try (FileLock ignored = channel.lock()) {
                        Optional<Mark> current = read(channel);
                        if (current.isPresent() && current.get().sequence() >= target.sequence()) {
                            written = current.get(); // another process went further: never lower it
                        } else {
                            written = target;
                            ByteBuffer line = ByteBuffer.wrap(line(target).getBytes(StandardCharsets.US_ASCII));
                            while (line.hasRemaining()) channel.write(line, line.position());
                        }
                    }
                }
                // Outside the lock: readers only take the mark as a floor, and the append waits for this before it
                // returns.
                channel.force(false);
                shared.durable = written;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot write the audit high-water mark " + file + ": " + e.getMessage(), e);
            }
            if (created) forceDirectory();
        }
    }

    private Optional<Mark> read(FileChannel channel) throws IOException {
        if (channel.size() == 0) return Optional.empty();
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), 4 * LENGTH));
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // read on
        }
        Matcher matcher = LINE.matcher(new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII));
        if (!matcher.matches()) {
            throw new IllegalStateException(
                    "the audit high-water mark " + file + " is damaged. The signed checkpoints still guard "
                            + "the entries they count; to count again from the log's end as it is now, move the file aside (the entries "
                            + "appended after the last checkpoint are then unguarded until the next one)");
        }
        return Optional.of(new Mark(Long.parseLong(matcher.group(1)), matcher.group(2)));
    }

    private static String line(Mark mark) {
        return String.format(
                Locale.ROOT, "orderly-audit-high-water/1 sequence=%019d hash=%s\n", mark.sequence(), mark.hash());
    }

    /** The new file's name in its folder survives a crash too. */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // Some systems cannot open a folder for syncing; the next raise forces the file again.
        }
    }
}
