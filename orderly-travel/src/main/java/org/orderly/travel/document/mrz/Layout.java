package org.orderly.travel.document.mrz;

import java.util.ArrayList;
import java.util.List;

/** Where each field of a format lies, as 0-based indices into the zone's lines laid end to end. */
final class Layout {

    final MrzFormat format;
    final int width;
    final int code;
    final int state;
    final int nameFrom;
    final int nameTo;
    final int number;
    final int numberCheck;
    final int nationality;
    final int birth;
    final int birthCheck;
    final int sex;
    final int expiry;
    final int expiryCheck;
    final int optionalFrom;
    final int optionalTo;
    /** TD3 only, else -1. */
    final int optionalCheck;
    /** TD1 only, else -1. */
    final int optional2From;

    final int optional2To;
    /** -1 for visas. */
    final int composite;
    /** Pairs of [from, to) ranges covered by the composite check digit. */
    final int[] compositeRanges;

    final List<Span> numberSpans;
    final List<Span> birthSpans;
    final List<Span> expirySpans;
    final List<Span> optionalSpans;
    final List<Span> compositeSpans;

    private Layout(
            MrzFormat format,
            int code,
            int state,
            int nameFrom,
            int nameTo,
            int number,
            int nationality,
            int birth,
            int sex,
            int expiry,
            int optionalFrom,
            int optionalTo,
            int optionalCheck,
            int optional2From,
            int optional2To,
            int composite,
            int[] compositeRanges) {
        this.format = format;
        this.width = format.width();
        this.code = code;
        this.state = state;
        this.nameFrom = nameFrom;
        this.nameTo = nameTo;
        this.number = number;
        this.numberCheck = number + 9;
        this.nationality = nationality;
        this.birth = birth;
        this.birthCheck = birth + 6;
        this.sex = sex;
        this.expiry = expiry;
        this.expiryCheck = expiry + 6;
        this.optionalFrom = optionalFrom;
        this.optionalTo = optionalTo;
        this.optionalCheck = optionalCheck;
        this.optional2From = optional2From;
        this.optional2To = optional2To;
        this.composite = composite;
        this.compositeRanges = compositeRanges;
        this.numberSpans = spans(number, numberCheck);
        this.birthSpans = spans(birth, birthCheck);
        this.expirySpans = spans(expiry, expiryCheck);
        this.optionalSpans = optionalCheck < 0 ? List.of() : spans(optionalFrom, optionalCheck);
        this.compositeSpans = composite < 0 ? List.of() : spans(compositeRanges, composite);
    }

    static Layout of(MrzFormat format) {
        switch (format) {
            case TD1:
                return TD1;
            case TD2:
                return TD2;
            case TD3:
                return TD3;
            case MRV_A:
                return MRV_A;
            case MRV_B:
                return MRV_B;
            default:
                throw new IllegalArgumentException(format.name());
        }
    }

    private static final Layout TD1 =
            new Layout(MrzFormat.TD1, 0, 2, 60, 90, 5, 45, 30, 37, 38, 15, 30, -1, 48, 59, 59, new int[] {
                5, 30, 30, 37, 38, 45, 48, 59
            });
    private static final Layout TD2 = twoLine(MrzFormat.TD2, 35, -1, 35);
    private static final Layout TD3 = twoLine(MrzFormat.TD3, 42, 42, 43);
    private static final Layout MRV_A = twoLine(MrzFormat.MRV_A, 44, -1, -1);
    private static final Layout MRV_B = twoLine(MrzFormat.MRV_B, 36, -1, -1);

    private static Layout twoLine(MrzFormat format, int optionalTo, int optionalCheck, int composite) {
        int w = format.width();
        int[] ranges = composite < 0 ? new int[0] : new int[] {w, w + 10, w + 13, w + 20, w + 21, w + composite};
        return new Layout(
                format,
                0,
                2,
                5,
                w,
                w,
                w + 10,
                w + 13,
                w + 20,
                w + 21,
                w + 28,
                w + optionalTo,
                optionalCheck < 0 ? -1 : w + optionalCheck,
                -1,
                -1,
                composite < 0 ? -1 : w + composite,
                ranges);
    }

    Span span(int from, int toExclusive) {
        return new Span(from / width + 1, from % width + 1, (toExclusive - 1) % width + 1);
    }

    Span at(int index) {
        return Span.at(index / width + 1, index % width + 1);
    }

    List<Span> spans(int from, int digit) {
        return List.of(span(from, digit), at(digit));
    }

    List<Span> spans(int[] ranges, int digit) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < ranges.length; i += 2) {
            spans.add(span(ranges[i], ranges[i + 1]));
        }
        spans.add(at(digit));
        return List.copyOf(spans);
    }
}
