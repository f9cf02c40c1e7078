package org.orderly.regime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A state or a territory that issues travel documents, identified by its ISO 3166-1 alpha-3
 * code (or the code that ICAO Doc 9303 and travel data use where ISO has none, such as XKX).
 */
public record State(
        String id,
        String alpha2,
        String numeric,
        String name,
        String region,
        String subRegion,
        Standing standing,
        Source source)
        implements Party {

    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    /** A state's standing at the United Nations. */
    public enum Standing {
        UN_MEMBER,
        UN_OBSERVER,
        OTHER
    }

    public State {
        Objects.requireNonNull(id, "state code");
        Objects.requireNonNull(name, "state name");
        Objects.requireNonNull(standing, "state standing");
        Objects.requireNonNull(source, "state source");
        if (!ALPHA3.matcher(id).matches()) {
            throw new IllegalArgumentException("state code must be three upper-case letters: '" + id + "'");
        }
    }

    public static boolean isCode(String code) {
        return code != null && ALPHA3.matcher(code).matches();
    }

    @Override
    public PartyKind kind() {
        return PartyKind.STATE;
    }
}
