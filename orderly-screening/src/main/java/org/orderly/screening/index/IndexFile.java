package org.orderly.screening.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The arrays of a saved candidate index, written and read in bulk (a length, then the values, big-endian): a saved index
 * of a million names reopens in the time it takes to read its arrays rather than to build them.
 */
final class IndexFile {
    /** What a saved index starts with, and the version of its layout. */
    static final String MAGIC = "orderly-screening-index";
    static final int VERSION = 1;
    private static final int CHUNK = 1 << 16;

    private IndexFile() {
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
            ByteBuffer.wrap(bytes, 0, 4 * count).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(values, from, count);
        }
        return values;
    }
}
