package org.orderly.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orderly.regime.Commitment;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Party;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.regime.TravelCategory;

/**
 * The registry as last read from the embedded database, kept in a file beside it ({@code $ORDERLY_HOME/registry.snapshot},
 * mode 0600), so that a command that only reads the registry ({@code orderly travel}) answers without starting PostgreSQL
 * or Spring. It is the very registry {@link RegistryStore#load()} returns, so every answer computed from it is the one
 * the server computes from the same data.
 *
 * <p>It is never stale: every registry write through {@link RegistryStore} discards it (when the write begins and again
 * when its transaction ends, commit or rollback), a snapshot is written only with the registry revision it was read at
 * (a counter the database raises in the transaction of every change to the registry's tables) and discarded at once when
 * the revision moved while it was being written, and opening the database discards one whose revision is not the
 * database's (a writer that died between its commit and its discard). An external database ({@code ORDERLY_DB_URL}) has
 * writers elsewhere: it gets no snapshot, {@link #none()}.
 *
 * <p>The file holds the entry policies field by field and the rest of the registry as Java serialisation of its records,
 * all read back through their canonical constructors and {@link Registry}'s checks; only classes of the registry and the
 * JDK are accepted from it. A file from another
 * build, damaged or unreadable, is discarded and the registry read from the database again.
 */
public final class RegistrySnapshot {
    /** The file's name in Orderly's home folder. */
    public static final String FILE = "registry.snapshot";

    /** Raised when the shape of what is written changes, so that an older file is read as absent. */
    private static final int FORMAT = 1;

    private static final ObjectInputFilter ACCEPTED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;org.orderly.regime.**;org.orderly.store.RegistrySnapshot$Contents;java.lang.*;java.util.*;java.time.*;java.math.*;!*");

    /**
     * What the file holds after its header (the format and the revision read at) and the entry policies: the registry's
     * other four lists, as Java objects. The entry policies (some 40,000 per visa snapshot: most of the registry) are
     * written field by field instead, the repeated texts once: Java serialisation takes seconds to read them back.
     */
    private record Contents(
            List<Party> parties,
            List<Instrument> instruments,
            List<Participation> participations,
            List<Commitment> commitments)
            implements Serializable {}

    /** A snapshot as read: the registry and the revision of the database it was read at. */
    public record Read(Registry registry, long revision) {}

    private final Path file;

    private RegistrySnapshot(Path file) {
        this.file = file;
    }

    /** The snapshot in Orderly's home folder, that of an embedded database kept there. */
    public static RegistrySnapshot in(Path home) {
        return new RegistrySnapshot(home.resolve(FILE));
    }

    /** No snapshot: reading finds none, writing and discarding do nothing (an external database). */
    public static RegistrySnapshot none() {
        return new RegistrySnapshot(null);
    }

    /** The snapshot for a database's settings: in its home for the embedded database, none for an external or temporary one. */
    public static RegistrySnapshot forSettings(DatabaseSettings settings) {
        return settings.embedded() && !settings.temporary() && settings.home() != null ? in(settings.home()) : none();
    }

    /** The registry the snapshot holds; empty when there is none, or it is unreadable or from another build (then discarded). */
    public Optional<Read> read() {
        if (file == null) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT) {
                discard();
                return Optional.empty();
            }
            long revision = in.readLong();
            List<EntryPolicy> entryPolicies = readEntryPolicies(in);
            ObjectInputStream objects = new ObjectInputStream(in);
            objects.setObjectInputFilter(ACCEPTED);
            if (!(objects.readObject() instanceof Contents contents)) {
                discard();
                return Optional.empty();
            }
            return Optional.of(new Read(
                    new Registry(
                            contents.parties(),
                            contents.instruments(),
                            contents.participations(),
                            contents.commitments(),
                            entryPolicies),
                    revision));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (ClassNotFoundException
                | IllegalArgumentException
                | ClassCastException
                | NullPointerException
                | IndexOutOfBoundsException
                | IOException e) {
            // Another build's classes, a damaged or foreign file: the database answers, and the next read writes it
            // anew.
            discard();
            return Optional.empty();
        }
    }

    /** Writes the registry read at {@code revision}, whole or not at all (mode 0600). */
    void write(Registry registry, long revision) {
        if (file == null) return;
        Contents contents = new Contents(
                registry.parties(), registry.instruments(), registry.participations(), registry.commitments());
        OwnerOnlyFile.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(FORMAT);
            data.writeLong(revision);
            writeEntryPolicies(data, registry.entryPolicies());
            data.flush();
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(contents);
            objects.flush();
        });
    }

    /** Each policy's fields in order; a text (state code, category, source title) the first time in full, then by number. */
    private static void writeEntryPolicies(DataOutputStream out, List<EntryPolicy> policies) throws IOException {
        Map<String, Integer> written = new HashMap<>();
        out.writeInt(policies.size());
        for (EntryPolicy policy : policies) {
            writeRepeated(out, policy.destination(), written);
            writeRepeated(out, policy.passport(), written);
            writeRepeated(out, policy.category().name(), written);
            out.writeInt(policy.stayDays() == null ? 0 : policy.stayDays());
            writeRepeated(out, policy.source().title(), written);
            writeText(out, policy.source().reference());
            out.writeLong(policy.source().asOf().toEpochDay());
        }
    }

    private static List<EntryPolicy> readEntryPolicies(DataInputStream in) throws IOException {
        List<String> read = new ArrayList<>();
        int count = in.readInt();
        List<EntryPolicy> policies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String destination = readRepeated(in, read);
            String passport = readRepeated(in, read);
            TravelCategory category = TravelCategory.valueOf(readRepeated(in, read));
            int stayDays = in.readInt();
            String title = readRepeated(in, read);
            String reference = readText(in);
            LocalDate asOf = LocalDate.ofEpochDay(in.readLong());
            policies.add(new EntryPolicy(
                    destination,
                    passport,
                    category,
                    stayDays == 0 ? null : stayDays,
                    new Source(title, reference, asOf)));
        }
        return policies;
    }

    private static void writeRepeated(DataOutputStream out, String text, Map<String, Integer> written)
            throws IOException {
        Integer number = written.get(text);
        if (number != null) {
            out.writeInt(number);
            return;
        }
        written.put(text, written.size());
        out.writeInt(-1);
        writeText(out, text);
    }

    private static String readRepeated(DataInputStream in, List<String> read) throws IOException {
        int number = in.readInt();
        if (number >= 0) return read.get(number);
        String text = readText(in);
        read.add(text);
        return text;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    /** Removes the snapshot, so that the next reader reads the database. */
    public void discard() {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot remove the registry snapshot " + file + " (a registry write must remove it, "
                            + "or commands would answer from the registry before the write): " + e.getMessage(),
                    e);
        }
    }

    /** The revision the snapshot was read at, from its header alone; empty when there is none or it is unreadable. */
    Optional<Long> revision() {
        if (file == null) return Optional.empty();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return in.readInt() == FORMAT ? Optional.of(in.readLong()) : Optional.empty();
        } catch (IOException absentOrDamaged) {
            return Optional.empty();
        }
    }

    /** Whether a snapshot file is there (whatever it holds). */
    public boolean exists() {
        return file != null && Files.exists(file);
    }
}
