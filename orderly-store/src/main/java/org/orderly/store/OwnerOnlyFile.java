package org.orderly.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file that only its owner may read (POSIX mode 0600): a secret, created with that mode from the start and refused on
 * read when anyone else may read or write it (as ssh does with its keys), or personal data Orderly writes out (an audit
 * export, a saved screening index), written whole and never through a symbolic link.
 */
public final class OwnerOnlyFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFile() {}

    /** Creates the file with mode 0600 and writes the text; refuses when the file already exists. */
    public static void create(Path file, String text) {
        try {
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " already exists; Orderly does not overwrite a secret", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What is written into a file by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file that only its owner may read (mode 0600 from its first byte), whole or not at all: into a new file of
     * a random name beside it, forced to disk, then moved over {@code file}. Refuses when {@code file} is a symbolic link:
     * what Orderly writes there (an audit export, a screening index derived from a watchlist) would land wherever the
     * link points, for whoever made it.
     *
     * @throws IllegalArgumentException when {@code file} is a symbolic link; nothing is written
     * @throws IllegalStateException when the file system has no POSIX permissions (owner-only cannot be enforced);
     *                               nothing is written
     */
    public static void write(Path file, Content content) {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalArgumentException(
                    file + " is a symbolic link: Orderly writes only to the file itself (give its real "
                            + "path, or remove the link); nothing was written");
        }
        Path folder = file.toAbsolutePath().getParent();
        Path partial = null;
        try {
            String prefix = "." + file.getFileName() + ".";
            if (!Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // Without POSIX modes the file would get whatever this file system gives everyone: personal data is
                // not written where Orderly cannot make it readable by its owner only.
                throw new IllegalStateException("cannot write " + file + ": its file system ("
                        + Files.getFileStore(folder).type()
                        + ") has no POSIX permissions, so Orderly cannot make the file readable by its owner only; "
                        + "write it on a local Linux or macOS file system; nothing was written");
            }
            partial =
                    Files.createTempFile(folder, prefix, ".partial", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException leftOver) {
                    // moved already, or the folder went away: nothing to clean up
                }
            }
        }
    }

    /** Reads the file, after checking that no one but its owner may read or write it. */
    public static String read(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions =
                        EnumSet.copyOf(posix.readAttributes().permissions());
                permissions.removeAll(EnumSet.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
                if (!permissions.isEmpty()) {
                    throw new IllegalStateException(file + " holds a secret but others may access it (mode "
                            + PosixFilePermissions.toString(
                                    posix.readAttributes().permissions())
                            + "); make it readable by its owner only: chmod 600 " + file);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates the directory (and the parents it lacks) with mode 0700 when it does not exist yet. */
    public static void createDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) return;
            Path existing = directory.toAbsolutePath().getParent();
            while (existing != null && !Files.isDirectory(existing)) existing = existing.getParent();
            if (existing != null
                    && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it meanwhile: fine
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
