package org.orderly.passengers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.orderly.passengers.edifact.EdifactDates;
import org.orderly.passengers.edifact.EdifactException;
import org.orderly.passengers.edifact.EdifactLexer;
import org.orderly.passengers.edifact.Segment;
import org.orderly.passengers.edifact.Values;
import org.orderly.passengers.edifact.Warning;
import org.orderly.passengers.manifest.Count;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.MessageType;
import org.orderly.passengers.paxlst.PaxlstMessage;
import org.orderly.passengers.pnrgov.PnrgovMessage;

/**
 * Reads a PAXLST or PNRGOV interchange into one {@link Manifest}: the envelope (UNB, UNG, UNH…UNT,
 * UNE, UNZ) here, each message's body by its own parser. Whatever is tolerated becomes a warning;
 * what cannot be read raises an {@link EdifactException} naming the segment number and tag.
 */
public final class ManifestReader {
    private ManifestReader() {}

    /**
     * Reads an interchange; {@code fallbackDate} (the day it was received, the caller's today) places two-digit years
     * when the interchange gives no date of its own.
     */
    public static Manifest read(byte[] bytes, LocalDate fallbackDate) {
        return read(EdifactLexer.of(bytes), fallbackDate);
    }

    /** Reads the stream to its end; the caller closes it. */
    public static Manifest read(InputStream in, LocalDate fallbackDate) {
        return read(EdifactLexer.of(in), fallbackDate);
    }

    public static Manifest read(Path file, LocalDate fallbackDate) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, fallbackDate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Manifest read(EdifactLexer lexer, LocalDate fallbackDate) {
        LocalDate fallback = Objects.requireNonNull(fallbackDate, "fallbackDate");
        ManifestBuilder builder = null;
        List<Warning> early = new ArrayList<>();
        MessageType type = null;
        String version = null, sender = null, recipient = null, reference = null;
        List<String> messageReferences = new ArrayList<>();
        MessageBody body = null;
        String messageReference = null;
        int messageSegments = 0;
        Segment last = null;
        for (Segment s = lexer.next(); s != null; s = lexer.next()) {
            last = s;
            switch (s.tag()) {
                case "UNB" -> {
                    sender = Values.orNull(s.value(2));
                    recipient = Values.orNull(s.value(3));
                    reference = Values.orNull(s.value(5));
                    if (builder == null) {
                        LocalDate date = EdifactDates.yearMonthDay(s.value(4, 0), EdifactDates.Century.NEAR, fallback);
                        builder = new ManifestBuilder(date == null ? fallback : date);
                    }
                }
                case "UNG", "UNE", "UNZ" -> {
                    // Functional groups and the trailer carry nothing the manifest keeps.
                }
                case "UNH" -> {
                    if (builder == null) builder = new ManifestBuilder(fallback);
                    if (body != null) {
                        builder.warn(s.warning("the previous message has no trailer (UNT)"));
                        body.end(null);
                    }
                    String name = s.value(2, 0).strip();
                    MessageType t = switch (name) {
                        case "PAXLST" -> MessageType.PAXLST;
                        case "PNRGOV" -> MessageType.PNRGOV;
                        default -> throw s.error("message type '" + name + "' is neither PAXLST nor PNRGOV");
                    };
                    if (type != null && type != t) {
                        throw s.error("this interchange mixes " + type + " and " + t + " messages");
                    }
                    type = t;
                    if (version == null) {
                        version = t == MessageType.PAXLST
                                ? s.value(2, 1) + ":" + s.value(2, 2)
                                : s.value(2, 1) + "." + s.value(2, 2);
                    }
                    messageReference = s.value(1);
                    messageReferences.add(messageReference);
                    body = t == MessageType.PAXLST ? new PaxlstMessage(builder) : new PnrgovMessage(builder);
                    messageSegments = 1;
                }
                case "UNT" -> {
                    if (body == null) {
                        early.add(s.warning("a message trailer (UNT) without its header (UNH); ignored"));
                        continue;
                    }
                    messageSegments++;
                    String declared = s.value(1).strip();
                    if (Values.isCount(declared)) {
                        int n = Integer.parseInt(declared);
                        builder.count(
                                new Count("segments of message " + messageReference, "UNT", n, messageSegments),
                                s.warning("the trailer counts " + n + " segments; the message has " + messageSegments));
                    } else {
                        builder.warn(s.warning("the trailer's segment count '" + declared + "' is not a number"));
                    }
                    body.end(s);
                    body = null;
                }
                default -> {
                    if (body == null) {
                        early.add(s.warning("a segment outside any message (before UNH or after UNT); skipped"));
                    } else {
                        messageSegments++;
                        body.segment(s);
                    }
                }
            }
        }
        if (type == null) {
            throw new EdifactException(
                    last == null ? 1 : last.number(),
                    last == null ? null : last.tag(),
                    last == null ? 1 : last.line(),
                    "no message header (UNH) in the interchange");
        }
        if (body != null) {
            builder.warn(new Warning(last.number(), last.tag(), last.line(), "the message has no trailer (UNT)"));
            body.end(null);
        }
        List<Warning> warnings = new ArrayList<>(lexer.warnings());
        warnings.addAll(early);
        warnings.addAll(builder.warnings());
        warnings.sort(Comparator.comparingInt(Warning::segment));
        return builder.build(
                type, version, sender, recipient, reference, messageReferences, lexer.segmentNumber(), warnings);
    }
}
