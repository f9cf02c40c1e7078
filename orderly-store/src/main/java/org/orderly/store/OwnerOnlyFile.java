package org.orderly.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A secret kept in a file that only its owner may read (POSIX mode 0600): created with that mode from
 * the start, and refused on read when anyone else may read or write it (as ssh does with its keys).
 */
public final class OwnerOnlyFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFile() {
    }

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

    /** Reads the file, after checking that no one but its owner may read or write it. */
    public static String read(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = EnumSet.copyOf(posix.readAttributes().permissions());
                permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
                if (!permissions.isEmpty()) {
                    throw new IllegalStateException(file + " holds a secret but others may access it (mode "
                            + PosixFilePermissions.toString(posix.readAttributes().permissions())
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
            if (existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
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
