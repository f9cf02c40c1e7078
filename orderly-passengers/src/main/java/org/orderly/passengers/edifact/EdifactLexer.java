package org.orderly.passengers.edifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming UN/EDIFACT lexer: bytes in, {@link Segment}s out, one at a time, in constant memory
 * per segment. It honours the UNA service string advice (custom separators and release character)
 * and tolerates what carriers really send, each time with a {@link Warning}: content before the
 * interchange, no UNA (separators inferred from UNB), a short UNA, a UNA declaring a terminator the
 * message never uses, leading spaces, line breaks inside segments (removed: they are never data),
 * segments that are not segments, a missing last terminator and content after UNZ.
 * What it cannot read raises an {@link EdifactException} naming the segment number and tag.
 */
public final class EdifactLexer {
    /** A segment longer than this is taken as a missing terminator rather than read into memory. */
    public static final int MAX_SEGMENT_BYTES = 1 << 20;
    /** How far ahead the lexer looks for the interchange's start and its separators. */
    static final int WINDOW = 64 * 1024;

    private static final byte NORMAL = 0;
    private static final byte COMPONENT = 1;
    private static final byte ELEMENT = 2;
    private static final byte TERMINATOR = 3;
    private static final byte RELEASE = 4;
    private static final byte LINE_BREAK = 5;

    private final InputStream in;
    private byte[] buffer = new byte[WINDOW];
    private int position;
    private int limit;
    private boolean endOfInput;

    private final List<Warning> warnings = new ArrayList<>();
    private final byte[] classes = new byte[256];
    private Separators separators = Separators.DEFAULT;
    private boolean started;
    private boolean finished;
    private boolean afterUnz;
    private int line = 1;
    private int segmentNumber;

    private byte[] data = new byte[512];
    private int length;
    private int[] bounds = new int[128];
    private int components;
    private int[] elementStarts = new int[32];
    private int elements;

    private EdifactLexer(InputStream in) {
        this.in = in;
    }

    /** A lexer over a stream; the caller closes the stream. */
    public static EdifactLexer of(InputStream in) {
        return new EdifactLexer(in);
    }

    public static EdifactLexer of(byte[] bytes) {
        return new EdifactLexer(new ByteArrayInputStream(bytes));
    }

    public static EdifactLexer of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The separators in use (known once the first segment has been read). */
    public Separators separators() {
        return separators;
    }

    /** What was tolerated so far. */
    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    /** The number of the last segment read. */
    public int segmentNumber() {
        return segmentNumber;
    }

    /** The next segment, or null at the end of the interchange. */
    public Segment next() {
        if (!started) start();
        while (!finished) {
            if (!skipWhitespace()) {
                finished = true;
                return null;
            }
            if (afterUnz) {
                int from = line;
                long bytes = drain();
                warnings.add(new Warning(
                        segmentNumber, "UNZ", from, "ignored " + bytes + " bytes after the interchange trailer (UNZ)"));
                finished = true;
                return null;
            }
            Segment segment = lexSegment();
            if (segment != null) return segment;
        }
        return null;
    }

    // ---- the interchange's start and its separators -------------------------------------------------

    private void start() {
        started = true;
        fillWindow();
        int at = findStart();
        if (at < 0) {
            finished = true;
            if (limit == 0) throw new EdifactException(1, null, 1, "the input is empty");
            throw new EdifactException(
                    1,
                    null,
                    1,
                    "not an EDIFACT interchange: no UNA, UNB or UNH segment in the first " + Math.min(limit, WINDOW)
                            + " bytes");
        }
        boolean junk = false;
        for (int i = 0; i < at; i++) {
            if (buffer[i] == '\n') line++;
            if (!isWhitespace(buffer[i])) junk = true;
        }
        if (junk) {
            String shown = new String(buffer, 0, Math.min(at, 40), StandardCharsets.UTF_8).strip();
            warnings.add(new Warning(
                    1, tagAt(at), line, "ignored " + at + " bytes before the interchange: \"" + shown + "\""));
        }
        position = at;
        if (buffer[at + 2] == 'A') readAdvice(at);
        else inferSeparators(at);
        configure();
    }

    private void fillWindow() {
        try {
            while (limit < buffer.length) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    endOfInput = true;
                    break;
                }
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first UNA, UNB or UNH that stands as a segment tag. */
    private int findStart() {
        for (int i = 0; i + 3 < limit; i++) {
            if (buffer[i] != 'U' || buffer[i + 1] != 'N') continue;
            byte third = buffer[i + 2];
            if (third == 'A' && i + 8 < limit) return i;
            if ((third == 'B' || third == 'H') && !isAlphanumeric(buffer[i + 3])) return i;
        }
        return -1;
    }

    private String tagAt(int at) {
        return new String(buffer, at, 3, StandardCharsets.US_ASCII);
    }

    private void readAdvice(int at) {
        segmentNumber = 1;
        int p = at + 3;
        byte c1 = buffer[p], c2 = buffer[p + 1], c3 = buffer[p + 2], c4 = buffer[p + 3], c5 = buffer[p + 4];
        byte c6 = buffer[p + 5];
        Separators declared;
        int end;
        Integer unusable = null;
        if (isLineBreak(c6) || c6 == ' ' || c6 == '\t') {
            // A short advice: five characters, the terminator last. The decimal mark is conventionally '.' or ',';
            // when the third character is neither, it is the release character and the decimal mark was left out.
            boolean withDecimal = c3 == '.' || c3 == ',';
            declared = separators(c1, c2, withDecimal ? c3 : (byte) '.', withDecimal ? c4 : c3, c5, at);
            end = p + 5;
            warnings.add(new Warning(
                    1,
                    "UNA",
                    line,
                    "the service string advice has 5 characters, not 6; read as " + declared.describe()));
        } else if ((c6 & 0x80) != 0) {
            int size = (c6 & 0xE0) == 0xC0 ? 2 : (c6 & 0xF0) == 0xE0 ? 3 : (c6 & 0xF8) == 0xF0 ? 4 : 1;
            size = Math.min(size, limit - (p + 5));
            String character = new String(buffer, p + 5, size, StandardCharsets.UTF_8);
            unusable = size;
            end = p + 5 + size;
            declared = separators(c1, c2, c3, c4, (byte) '\'', at);
            warnings.add(new Warning(
                    1,
                    "UNA",
                    line,
                    "the service string advice declares the segment terminator '" + character + "' (U+"
                            + String.format("%04X", character.codePointAt(0))
                            + "), which is not a one-byte character"));
        } else {
            declared = separators(c1, c2, c3, c4, c6, at);
            end = p + 6;
        }
        position = end;
        Inference inferred = inferTerminator(end, declared.element());
        if (unusable != null) {
            byte terminator = inferred == null ? (byte) '\'' : inferred.terminator();
            separators = withTerminator(declared, terminator, at);
            warnings.add(new Warning(
                    1,
                    "UNA",
                    line,
                    "segments are read as ending with " + Separators.show(terminator)
                            + (inferred == null ? " (the default)" : ", as the UNB segment shows")));
        } else if (inferred != null
                && inferred.terminator() != declared.terminator()
                && indexOf(declared.terminator(), end, inferred.end()) < 0) {
            separators = withTerminator(declared, inferred.terminator(), at);
            warnings.add(new Warning(
                    1,
                    "UNA",
                    line,
                    "the service string advice declares the segment terminator "
                            + Separators.show(declared.terminator()) + ", which the message does not use; read with "
                            + Separators.show(inferred.terminator()) + ", as the UNB segment shows"));
        } else {
            separators = declared;
        }
    }

    private Separators separators(byte component, byte element, byte decimal, byte release, byte terminator, int at) {
        int releaseCharacter = release == ' ' ? -1 : release & 0xff;
        try {
            return new Separators(component, element, decimal, releaseCharacter, terminator);
        } catch (IllegalArgumentException e) {
            finished = true;
            throw new EdifactException(1, "UNA", line, "the service string advice is unusable: " + e.getMessage());
        }
    }

    private Separators withTerminator(Separators s, byte terminator, int at) {
        int release = s.release() == (terminator & 0xff) ? -1 : s.release();
        try {
            return new Separators(s.component(), s.element(), s.decimal(), release, terminator);
        } catch (IllegalArgumentException e) {
            finished = true;
            throw new EdifactException(1, "UNA", line, "the service string advice is unusable: " + e.getMessage());
        }
    }

    /** Without a UNA: the element separator follows the first tag; UNB's syntax identifier shows the component separator. */
    private void inferSeparators(int at) {
        int p = at + 3;
        while (p < limit && buffer[p] == ' ') p++;
        if (p >= limit || buffer[p] == '+' || isAlphanumeric(buffer[p]) || isWhitespace(buffer[p])) {
            Inference inferred = inferTerminator(at, (byte) '+');
            if (inferred != null && inferred.terminator() != '\'') {
                separators = withTerminator(Separators.DEFAULT, inferred.terminator(), at);
                warnings.add(new Warning(
                        1,
                        tagAt(at),
                        line,
                        "no service string advice (UNA); segments end with " + Separators.show(inferred.terminator())
                                + ", as the " + tagAt(at) + " segment shows"));
            }
            return;
        }
        byte element = buffer[p];
        byte component = ':';
        for (int i = p + 1; i < Math.min(limit, p + 64); i++) {
            byte b = buffer[i];
            if (b == element || isLineBreak(b)) break;
            if (!isAlphanumeric(b) && b != ' ') {
                component = b;
                break;
            }
        }
        Inference inferred = inferTerminator(at, element);
        byte terminator = inferred == null ? (byte) '\'' : inferred.terminator();
        int release = '?';
        if (release == element || release == component || release == terminator) release = -1;
        try {
            separators = new Separators(component, element, (byte) '.', release, terminator);
        } catch (IllegalArgumentException e) {
            finished = true;
            throw new EdifactException(
                    1,
                    tagAt(at),
                    line,
                    "no service string advice (UNA) and the separators cannot be " + "inferred: " + e.getMessage());
        }
        warnings.add(new Warning(
                1,
                tagAt(at),
                line,
                "no service string advice (UNA); separators inferred from the " + tagAt(at) + " segment: "
                        + separators.describe()));
    }

    private record Inference(byte terminator, int end) {}

    /**
     * The terminator the interchange actually uses: the character before the tag that follows the first
     * service segment (UNG or UNH after UNB; BGM or MSG after UNH), skipping white space.
     */
    private Inference inferTerminator(int from, byte element) {
        int first = -1;
        for (int i = from; i + 3 < limit; i++) {
            if (buffer[i] == 'U' && buffer[i + 1] == 'N' && (buffer[i + 2] == 'B' || buffer[i + 2] == 'H')) {
                first = i;
                break;
            }
        }
        if (first < 0) return null;
        boolean header = buffer[first + 2] == 'B';
        for (int i = first + 3; i + 3 < limit; i++) {
            boolean next = header
                    ? buffer[i] == 'U' && buffer[i + 1] == 'N' && (buffer[i + 2] == 'G' || buffer[i + 2] == 'H')
                    : (buffer[i] == 'B' && buffer[i + 1] == 'G' && buffer[i + 2] == 'M')
                            || (buffer[i] == 'M' && buffer[i + 1] == 'S' && buffer[i + 2] == 'G');
            if (!next || isAlphanumeric(buffer[i + 3])) continue;
            int j = i - 1;
            while (j > first && isWhitespace(buffer[j])) j--;
            byte candidate = buffer[j];
            if (!isAlphanumeric(candidate)
                    && candidate != element
                    && !isWhitespace(candidate)
                    && (candidate & 0x80) == 0) {
                return new Inference(candidate, j);
            }
        }
        return null;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i <= Math.min(to, limit - 1); i++) {
            if (buffer[i] == b) return i;
        }
        return -1;
    }

    private void configure() {
        Arrays.fill(classes, NORMAL);
        classes['\r'] = LINE_BREAK;
        classes['\n'] = LINE_BREAK;
        classes[separators.component() & 0xff] = COMPONENT;
        classes[separators.element() & 0xff] = ELEMENT;
        classes[separators.terminator() & 0xff] = TERMINATOR;
        if (separators.release() >= 0) classes[separators.release()] = RELEASE;
    }

    // ---- segments ---------------------------------------------------------------------------------------

    private boolean skipWhitespace() {
        while (true) {
            if (position == limit && !refill()) return false;
            byte b = buffer[position];
            if (!isWhitespace(b) || classes[b & 0xff] != NORMAL && classes[b & 0xff] != LINE_BREAK) return true;
            if (b == '\n') line++;
            position++;
        }
    }

    private long drain() {
        long bytes = 0;
        while (position < limit || refill()) {
            bytes += limit - position;
            position = limit;
        }
        return bytes;
    }

    private boolean refill() {
        if (endOfInput) return false;
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = n;
            return n > 0 || refill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one segment; null when what was read is not a segment (a warning says so). A segment that lies whole in
     * the read buffer with no release character and no line break (the common case) is copied once, at its end;
     * otherwise its bytes are gathered as they come.
     */
    private Segment lexSegment() {
        int startLine = line;
        int number = ++segmentNumber;
        length = 0;
        components = 0;
        elements = 0;
        startElement();
        startComponent();
        boolean terminated = false;
        int base = position;
        boolean contiguous = true;
        byte[] cls = classes;
        scan:
        while (true) {
            if (position == limit) {
                if (contiguous) contiguous = gather(base, position, number, startLine);
                if (!refill()) break;
            }
            int from = position;
            byte[] buf = buffer;
            int end = limit;
            int p = from;
            while (p < end && cls[buf[p] & 0xff] == NORMAL) p++;
            if (!contiguous && p > from) append(buf, from, p - from, number, startLine);
            position = p;
            if (p == end) continue;
            byte b = buf[p];
            position++;
            if (contiguous) length = p - base;
            switch (cls[b & 0xff]) {
                case COMPONENT -> {
                    endComponent();
                    if (contiguous) length++; // the separator stays in the single copy; the component starts after it
                    startComponent();
                }
                case ELEMENT -> {
                    endComponent();
                    if (contiguous) length++;
                    startElement();
                    startComponent();
                }
                case TERMINATOR -> {
                    terminated = true;
                    break scan;
                }
                case RELEASE -> {
                    if (contiguous) contiguous = gather(base, p, number, startLine);
                    // A line break between the release character and what it releases is not data either.
                    byte released;
                    do {
                        if (position == limit && !refill()) break scan;
                        released = buffer[position++];
                        if (released == '\n') line++;
                    } while (isLineBreak(released));
                    append(new byte[] {released}, 0, 1, number, startLine);
                }
                case LINE_BREAK -> {
                    if (contiguous) contiguous = gather(base, p, number, startLine);
                    if (b == '\n') line++;
                }
                default -> throw new IllegalStateException("unknown byte class");
            }
        }
        endComponent();
        elementStarts[elements] = components;
        byte[] bytes = contiguous ? Arrays.copyOfRange(buffer, base, base + length) : Arrays.copyOf(data, length);
        String tag = tag(bytes);
        if (tag == null) {
            String shown = new String(bytes, 0, Math.min(length, 30), StandardCharsets.UTF_8);
            if (!terminated && length == 0) {
                segmentNumber--;
                finished = true;
                return null;
            }
            warnings.add(new Warning(
                    number,
                    null,
                    startLine,
                    "\"" + shown + (length > 30 ? "…" : "") + "\" is not a segment (no three-letter tag); skipped"));
            if (!terminated) finished = true;
            return null;
        }
        if (!terminated) {
            warnings.add(
                    new Warning(number, tag, startLine, "the input ends inside this segment (no segment terminator)"));
            finished = true;
        }
        if (tag.equals("UNZ")) afterUnz = true;
        return new Segment(
                number,
                startLine,
                tag,
                bytes,
                Arrays.copyOf(bounds, 2 * components),
                Arrays.copyOf(elementStarts, elements + 1));
    }

    /** Leaves the single-copy path: the segment's bytes so far go to the gathering array. Returns false (no longer contiguous). */
    private boolean gather(int base, int upTo, int number, int startLine) {
        length = 0;
        append(buffer, base, upTo - base, number, startLine);
        return false;
    }

    /** The tag: the first component, spaces trimmed, three capital letters or digits; null otherwise. */
    private String tag(byte[] bytes) {
        if (components == 0) return null;
        int start = bounds[0];
        int end = bounds[1] < 0 ? length : bounds[1];
        while (start < end && bytes[start] == ' ') start++;
        while (end > start && bytes[end - 1] == ' ') end--;
        if (end - start != 3) return null;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (!(b >= 'A' && b <= 'Z') && !(b >= '0' && b <= '9')) return null;
        }
        return new String(bytes, start, 3, StandardCharsets.US_ASCII);
    }

    private void append(byte[] source, int from, int count, int number, int startLine) {
        if (length + count > data.length) {
            if (length + count > MAX_SEGMENT_BYTES) {
                finished = true;
                throw new EdifactException(
                        number,
                        tag(data),
                        startLine,
                        "the segment is longer than " + MAX_SEGMENT_BYTES + " bytes: its segment terminator "
                                + Separators.show(separators.terminator()) + " is missing");
            }
            data = Arrays.copyOf(data, Math.min(MAX_SEGMENT_BYTES, Math.max(data.length * 2, length + count)));
        }
        System.arraycopy(source, from, data, length, count);
        length += count;
    }

    private void startElement() {
        if (elements + 2 > elementStarts.length) elementStarts = Arrays.copyOf(elementStarts, elementStarts.length * 2);
        elementStarts[elements++] = components;
    }

    private void startComponent() {
        if (2 * components + 2 > bounds.length) bounds = Arrays.copyOf(bounds, bounds.length * 2);
        bounds[2 * components] = length;
        bounds[2 * components + 1] = -1;
        components++;
    }

    private void endComponent() {
        bounds[2 * components - 1] = length;
    }

    private static boolean isLineBreak(byte b) {
        return b == '\n' || b == '\r';
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0;
    }

    private static boolean isAlphanumeric(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
    }
}
