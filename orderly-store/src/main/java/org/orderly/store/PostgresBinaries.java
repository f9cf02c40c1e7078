package org.orderly.store;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the embedded PostgreSQL's programs are unpacked and run from: a folder that only Orderly's user may enter
 * ({@code $ORDERLY_HOME/postgres-binaries} by default), checked before every start, never {@code java.io.tmpdir}.
 *
 * <p>Why: zonky unpacks into {@code <java.io.tmpdir>/embedded-pg/PG-<digest>} by default and makes its working folder
 * writable by everyone (0777, no sticky bit), so any local account could put its own {@code postgres} there and have it
 * run as Orderly's user, with the database passwords and the audit key in reach. Here zonky's working folder is
 * {@code <folder>/unpacked}: zonky still makes that one writable by all ({@code setWritable(true, false)} in its
 * {@code prepareBinaries}), but it lies inside {@code <folder>}, which is mode 0700, so no one else can reach it.
 * Orderly refuses to start (saying which folder and how to fix it) when {@code <folder>} is not its own with mode 0700,
 * or when a folder above it may be changed by anyone else (owned by another account than this one or root, or writable
 * by group or others without the sticky bit, as {@code /tmp} has).
 *
 * <p>zonky's builder also creates and cleans its "parent directory", always {@code <java.io.tmpdir>/embedded-pg} unless
 * the system property {@value #ZONKY_WORKING_DIRECTORY} says otherwise, and there it runs {@code pg_ctl stop} on
 * folders it finds and deletes them: {@link #builder()} points that property at the same safe folder while it creates
 * the builder, so zonky touches nothing in the shared temporary folder.
 *
 * <p>One instance per folder, which is also zonky's key for the binaries it has prepared in this JVM: two Orderly homes
 * in one JVM (tests) each run their own binaries, and deleting one home never pulls the programs from under another.
 */
final class PostgresBinaries implements PgBinaryResolver {
    /** The default folder's name inside {@code $ORDERLY_HOME}. */
    static final String FOLDER = "postgres-binaries";
    /** zonky's working folder inside the folder (zonky makes it writable by all; the folder around it is 0700). */
    static final String UNPACKED = "unpacked";
    /** The system property zonky reads for its working and parent directory. */
    static final String ZONKY_WORKING_DIRECTORY = "ot.epg.working-dir";

    private static final Map<Path, PostgresBinaries> BY_FOLDER = new ConcurrentHashMap<>();
    private static final Object BUILDER_PROPERTY = new Object();

    private final Path folder;
    /** MD5 of the archive zonky unpacked, as zonky names its folder {@code PG-<digest>}; null until zonky asked for it. */
    private volatile String digest;

    private PostgresBinaries(Path folder) {
        this.folder = folder;
    }

    /** The binaries kept in {@code folder}. */
    static PostgresBinaries in(Path folder) {
        return BY_FOLDER.computeIfAbsent(folder.toAbsolutePath().normalize(), PostgresBinaries::new);
    }

    Path folder() {
        return folder;
    }

    /**
     * A zonky builder that unpacks into and runs from this folder, after checking it: the only way Orderly (and its
     * tests) start an embedded PostgreSQL.
     *
     * @throws IllegalStateException naming the folder others may change, and how to fix it
     */
    EmbeddedPostgres.Builder builder() {
        secure();
        Path unpacked = folder.resolve(UNPACKED);
        EmbeddedPostgres.Builder builder;
        // zonky reads the property once, when the builder is made (its parent directory); put it back at once after.
        synchronized (BUILDER_PROPERTY) {
            String before = System.getProperty(ZONKY_WORKING_DIRECTORY);
            System.setProperty(ZONKY_WORKING_DIRECTORY, unpacked.toString());
            try {
                builder = EmbeddedPostgres.builder();
            } finally {
                if (before == null) System.clearProperty(ZONKY_WORKING_DIRECTORY);
                else System.setProperty(ZONKY_WORKING_DIRECTORY, before);
            }
        }
        return builder.setOverrideWorkingDirectory(unpacked.toFile()).setPgBinaryResolver(this);
    }

    /** The {@code postgres} program zonky unpacked for this folder (after a start through {@link #builder()}). */
    Path postgres() {
        String unpackedDigest = digest;
        if (unpackedDigest == null)
            throw new IllegalStateException("the PostgreSQL binaries in " + folder + " were not unpacked yet");
        secure();
        return folder.resolve(UNPACKED)
                .resolve("PG-" + unpackedDigest)
                .resolve("bin")
                .resolve("postgres");
    }

    /** zonky's own archive of the binaries, whose digest names the folder zonky unpacks it into. */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        if (archive == null) return null;
        byte[] bytes;
        try (archive) {
            bytes = archive.readAllBytes();
        }
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ByteArrayInputStream(bytes);
    }

    /**
     * Creates the folder (mode 0700) when it is missing and refuses it, or a folder above it, when another account
     * could change what runs from it.
     */
    void secure() {
        OwnerOnlyFile.createDirectory(folder);
        try {
            if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null)
                return; // no POSIX modes to check
            Path real = folder.toRealPath();
            int me = (int) new UnixSystem().getUid();
            Attributes own = Attributes.of(real);
            if (own.uid() != me || (own.mode() & 077) != 0) {
                throw refusal(
                        real,
                        own,
                        own.uid() != me
                                ? "belongs to another account (uid " + own.uid() + ")"
                                : "may be entered by other accounts",
                        "chown to this account and chmod 700 " + real);
            }
            // zonky opened its working folder to everyone; nobody else can reach it here, but keep it closed all the
            // same.
            Path unpacked = real.resolve(UNPACKED);
            if (Files.isDirectory(unpacked, LinkOption.NOFOLLOW_LINKS)
                    && Attributes.of(unpacked).uid() == me) {
                Files.setPosixFilePermissions(
                        unpacked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
            requireNoOtherAccountCanReplace(
                    real.getParent(), me, "keep ORDERLY_HOME (or ORDERLY_POSTGRES_BINARIES) elsewhere");
            // zonky writes a shell script there and runs it (LinuxUtils, when it looks for the binaries of the
            // distribution),
            // and libraries load native code from folders they make there (OR-Tools): only safe where no one else can
            // replace
            // what this account puts there (a sticky /tmp, or a folder of its own).
            Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
            if (Files.isDirectory(temporary)) {
                requireNoOtherAccountCanReplace(
                        temporary.toRealPath(),
                        me,
                        "chmod +t it as /tmp is, or start Java with " + "-Djava.io.tmpdir=<a folder of this account>");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot check the PostgreSQL binaries folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The folder and every one above it belong to this account or root, and others may not write them (but for a sticky one). */
    private void requireNoOtherAccountCanReplace(Path from, int me, String otherwise) throws IOException {
        for (Path above = from; above != null; above = above.getParent()) {
            Attributes attributes = Attributes.of(above);
            boolean foreign = attributes.uid() != me && attributes.uid() != 0;
            boolean writable = (attributes.mode() & 022) != 0 && (attributes.mode() & 01000) == 0;
            if (foreign || writable) {
                throw refusal(
                        above,
                        attributes,
                        foreign
                                ? "belongs to another account (uid " + attributes.uid() + "), who may move "
                                        + "or replace what is below it"
                                : "may be written by other accounts, who may move or replace what is below it",
                        foreign
                                ? "use folders of this account or root: " + otherwise
                                : "chmod go-w " + above + ", or " + otherwise);
            }
        }
    }

    private IllegalStateException refusal(Path culprit, Attributes attributes, String why, String fix) {
        return new IllegalStateException(
                "refusing to run the PostgreSQL programs in " + folder + ": " + culprit + " (mode "
                        + String.format(Locale.ROOT, "%04o", attributes.mode() & 07777) + ") " + why
                        + ", and could then run code as Orderly's user. Fix: " + fix);
    }

    /** A file's owner and mode bits (with the sticky bit), not following a final link. */
    private record Attributes(int uid, int mode) {
        static Attributes of(Path path) throws IOException {
            return new Attributes((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS), (Integer)
                    Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS));
        }
    }
}
