package org.orderly.screening.index;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The layout of a saved candidate index: {@value #MAGIC}, the layout's version, the fingerprint of what it was built for,
 * the arrays of its tables written in bulk (a length, then the values, big-endian), and last the CRC-32C of every byte
 * before it. A saved index of a million names reopens in the time it takes to read its arrays rather than to build them;
 * the checksum is verified over the whole file before any table is read, so a file with changed bytes or cut short is
 * refused with the reason instead of being used (or failing on a length it was never written with).
 */
final class IndexFile {
    /** What a saved index starts with, and the version of its layout (2: with the closing checksum). */
    static final String MAGIC = "orderly-screening-index";

    static final int VERSION = 2;
    /** The closing checksum's length. */
    static final int CHECKSUM_BYTES = 4;

    private static final int CHUNK = 1 << 16;

    private IndexFile() {}

    /** Writes the index through {@code body}, then the CRC-32C of everything it wrote. */
    static void write(OutputStream out, Body body) throws IOException {
        CRC32C crc = new CRC32C();
        DataOutputStream data = new DataOutputStream(new CheckedOutputStream(
                new BufferedOutputStream(out, 1 << 20) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the caller closes its own stream
                    }
                },
                crc));
        data.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        data.writeInt(VERSION);
        body.write(data);
        data.flush();
        DataOutputStream trailer = new DataOutputStream(out);
        trailer.writeInt((int) crc.getValue());
        trailer.flush();
    }

    /** What a saved index holds after its magic and version. */
    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Checks the magic and version, then the checksum over the whole file, streaming.
     *
     * @throws SavedIndexException saying which check failed
     */
    static void check(Path file) throws IOException {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            channel.read(buffer);
            buffer.flip();
            byte[] start = new byte[Math.min(magic.length, buffer.remaining())];
            buffer.get(start);
            if (!Arrays.equals(start, magic))
                throw new SavedIndexException("saved index: not a saved Orderly screening index");
            if (buffer.remaining() < 4)
                throw new SavedIndexException("saved index: ends early: it is damaged, build it again");
            int version = buffer.getInt();
            if (version != VERSION) {
                throw new SavedIndexException("saved index: written in layout " + version + ", this Orderly reads "
                        + VERSION + ": build it again");
            }
            long body = size - CHECKSUM_BYTES;
            if (body < magic.length + 4)
                throw new SavedIndexException("saved index: ends early: it is damaged, build it again");
            CRC32C crc = new CRC32C();
            buffer.rewind();
            long position = 0;
            while (position < body) {
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    if (channel.read(buffer, position) < 0) break;
                    buffer.flip();
                }
                int take = (int) Math.min(buffer.remaining(), body - position);
                ByteBuffer slice = buffer.slice(buffer.position(), take);
                crc.update(slice);
                buffer.position(buffer.position() + take);
                position += take;
            }
            ByteBuffer stored = ByteBuffer.allocate(CHECKSUM_BYTES);
            while (stored.hasRemaining() && channel.read(stored, body + stored.position()) > 0) {
                // read on
            }
            if (position < body || stored.hasRemaining() || stored.getInt(0) != (int) crc.getValue()) {
                throw new SavedIndexException("saved index: damaged: its CRC-32C checksum does not match its " + size
                        + " bytes (changed bytes or a file cut short): build it again");
            }
        }
    }

    static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK) {
            int count = Math.min(CHUNK, values.length - from);
            buffer.clear();
            buffer.asIntBuffer().put(values, from, count);
            out.write(buffer.array(), 0, 4 * count);
        }
    }

    static int[] readInts(DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new SavedIndexException("saved index: " + what + " has a negative length");
        }
        int[] values = new int[length];
        byte[] bytes = new byte[4 * CHUNK];
        for (int from = 0; from < length; from += CHUNK) {
            int count = Math.min(CHUNK, length - from);
            in.readFully(bytes, 0, 4 * count);
            ByteBuffer.wrap(bytes, 0, 4 * count)
                    .order(ByteOrder.BIG_ENDIAN)
                    .asIntBuffer()
                    .get(values, from, count);
        }
        return values;
    }
}
