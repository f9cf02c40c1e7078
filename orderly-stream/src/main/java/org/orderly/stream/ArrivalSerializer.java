package org.orderly.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.orderly.border.crossing.Crossing;

/**
 * The keyed exchange's serializer: every crossing crosses it once, so it writes the fields in a fixed order (a kind
 * byte, the texts, the direction as a byte, the instant as seconds and nanoseconds) and reads them back through the
 * record's constructor, rather than Flink's record serializer, which marks each field null or not and fills a reflective
 * builder, or Kryo, which is refused. A text of ASCII characters is written as its bytes and read back without a
 * buffer of characters; a field whose value mostly repeats (state, crossing point, issuing state, nationality, rule)
 * is read back as the same string as the last one when its bytes are the same, so that a stream of millions of
 * crossings does not allocate millions of copies of "DEU". Arrivals are never kept in state, so the format may change
 * with the job; the state keeps its own serializers ({@link RecordTypes}).
 *
 * <p>Not thread-safe (the bytes read and the last strings are kept per instance): {@link #duplicate} gives each thread its own.
 */
final class ArrivalSerializer extends TypeSerializer<Arrival> {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private static final Crossing.Direction[] DIRECTIONS = Crossing.Direction.values();
    private static final byte IN_TIME = 0;
    private static final byte LATE = 1;
    private static final byte MALFORMED = 2;
    private static final int NULL = -1;
    private static final int NOT_ASCII = -2;
    /** The fields whose last value is kept, by their index in {@link #recent}; {@link #UNIQUE} for those that rarely repeat. */
    private static final int STATE = 0;

    private static final int CROSSING_POINT = 1;
    private static final int ISSUING_STATE = 2;
    private static final int NATIONALITY = 3;
    private static final int RULE = 4;
    private static final int UNIQUE = -1;

    private transient byte[] bytes;
    private transient String[] recent;

    @Override
    public ArrivalSerializer duplicate() {
        return new ArrivalSerializer();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrivalSerializer;
    }

    @Override
    public int hashCode() {
        return ArrivalSerializer.class.hashCode();
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Arrival createInstance() {
        return null;
    }

    @Override
    public Arrival copy(Arrival from) {
        return from;
    }

    @Override
    public Arrival copy(Arrival from, Arrival reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Arrival arrival, DataOutputView out) throws IOException {
        if (arrival.crossing() == null) {
            out.writeByte(MALFORMED);
            MalformedCrossing malformed = arrival.malformed();
            StringValue.writeString(malformed.topic(), out);
            out.writeInt(malformed.partition());
            out.writeLong(malformed.offset());
            out.writeInt(malformed.column());
            StringValue.writeString(malformed.field(), out);
            StringValue.writeString(malformed.problem(), out);
            StringValue.writeString(malformed.text(), out);
            return;
        }
        Crossing crossing = arrival.crossing();
        out.writeByte(arrival.late() ? LATE : IN_TIME);
        writeText(crossing.id(), out);
        writeText(crossing.traveller(), out);
        out.writeByte(crossing.direction().ordinal());
        out.writeLong(crossing.at().getEpochSecond());
        out.writeInt(crossing.at().getNano());
        writeText(crossing.state(), out);
        writeText(crossing.crossingPoint(), out);
        writeText(crossing.documentNumber(), out);
        writeText(crossing.issuingState(), out);
        writeText(crossing.nationality(), out);
        writeText(crossing.rule(), out);
    }

    /** Its length and its bytes when every character is ASCII; otherwise Flink's string format after a marker. */
    private static void writeText(String text, DataOutputView out) throws IOException {
        if (text == null) {
            out.writeInt(NULL);
            return;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                out.writeInt(NOT_ASCII);
                StringValue.writeString(text, out);
                return;
            }
        }
        out.writeInt(length);
        // One byte at a time: Flink's DataOutputSerializer.writeBytes(String) moves its position twice (Flink 2.2.1).
        for (int i = 0; i < length; i++) out.writeByte(text.charAt(i));
    }

    private String readText(DataInputView in, int field) throws IOException {
        int length = in.readInt();
        if (length == NULL) return null;
        if (length == NOT_ASCII) return StringValue.readString(in);
        if (bytes == null || bytes.length < length) bytes = new byte[Math.max(64, length)];
        in.readFully(bytes, 0, length);
        if (field == UNIQUE) return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        if (recent == null) recent = new String[RULE + 1];
        String last = recent[field];
        if (last != null && sameText(last, bytes, length)) return last;
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        recent[field] = text;
        return text;
    }

    private static boolean sameText(String text, byte[] bytes, int length) {
        if (text.length() != length) return false;
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != bytes[i]) return false;
        }
        return true;
    }

    @Override
    public Arrival deserialize(DataInputView in) throws IOException {
        byte kind = in.readByte();
        if (kind == MALFORMED) {
            return Arrival.malformed(new MalformedCrossing(
                    StringValue.readString(in),
                    in.readInt(),
                    in.readLong(),
                    in.readInt(),
                    StringValue.readString(in),
                    StringValue.readString(in),
                    StringValue.readString(in)));
        }
        String id = readText(in, UNIQUE);
        String traveller = readText(in, UNIQUE);
        Crossing.Direction direction = DIRECTIONS[in.readByte()];
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String state = readText(in, STATE);
        String crossingPoint = readText(in, CROSSING_POINT);
        String documentNumber = readText(in, UNIQUE);
        String issuingState = readText(in, ISSUING_STATE);
        String nationality = readText(in, NATIONALITY);
        Crossing crossing = new Crossing(
                id,
                traveller,
                direction,
                at,
                state,
                crossingPoint,
                documentNumber,
                issuingState,
                nationality,
                readText(in, RULE));
        return kind == LATE ? Arrival.late(crossing) : Arrival.inTime(crossing);
    }

    @Override
    public Arrival deserialize(Arrival reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<Arrival> snapshotConfiguration() {
        return new Snapshot();
    }

    /** What Flink records of the serializer: nothing but its class (it has no configuration). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Arrival> {
        public Snapshot() {
            super(ArrivalSerializer::new);
        }
    }

    /** Flink's type information for arrivals, whose serializer is this one. */
    static final class Type extends TypeInformation<Arrival> {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<Arrival> getTypeClass() {
            return Arrival.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<Arrival> createSerializer(SerializerConfig config) {
            return new ArrivalSerializer();
        }

        @Override
        public String toString() {
            return "Arrival";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Type;
        }

        @Override
        public int hashCode() {
            return Type.class.hashCode();
        }

        @Override
        public boolean canEqual(Object other) {
            return other instanceof Type;
        }
    }
}
