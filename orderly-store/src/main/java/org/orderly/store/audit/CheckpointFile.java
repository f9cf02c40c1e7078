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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orderly.exchange.audit.AuditCheckpoint;
import org.orderly.exchange.audit.AuditExport;

/**
 * The signed checkpoints of the audit log, outside the database: one line each ({@link AuditCheckpoint#line()}),
 * appended under a file lock and forced to disk before the append returns.
 */
public final class CheckpointFile {
    public static final String NAME = "audit-checkpoints";
    private final Path file;

    public CheckpointFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Every checkpoint, oldest first. */
    public List<AuditCheckpoint> all() {
        if (!Files.exists(file)) return List.of();
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try {
            long number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank()) continue;
                try {
                    checkpoints.add(AuditCheckpoint.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return checkpoints;
    }

    /** The checkpoint that counts the most entries. */
    public Optional<AuditCheckpoint> latest() {
        return AuditExport.latest(all());
    }

    void append(AuditCheckpoint checkpoint) {
        try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock ignored = channel.lock()) {
            channel.write(ByteBuffer.wrap((checkpoint.line() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint to " + file + ": " + e.getMessage(), e);
        }
    }
}
