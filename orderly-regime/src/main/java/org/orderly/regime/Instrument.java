package org.orderly.regime;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A treaty, protocol, agreement, memorandum, declaration or standard. Commitments made under it
 * are held separately and name the instrument by {@link #id()}. {@code inForce} is its entry into force;
 * {@code appliedFrom}, when the instrument was applied only later (the Schengen Convention entered into force on
 * 1 September 1993 and was applied from 26 March 1995), the date of application; null when it applied on entry into force.
 */
public record Instrument(
        String id,
        String title,
        Kind kind,
        Level level,
        boolean binding,
        LocalDate adopted,
        LocalDate inForce,
        LocalDate appliedFrom,
        Set<Pillar> pillars,
        Source source)
        implements java.io.Serializable {

    /**
     * What sort of instrument it is. A {@code DIRECTIVE} binds the member states it addresses to a result (the EU Blue
     * Card Directive); {@code NATIONAL_LAW} is one state's own law (its skilled-worker routes), binding that state alone.
     */
    public enum Kind {
        CONVENTION,
        PROTOCOL,
        BILATERAL_AGREEMENT,
        REGIONAL_AGREEMENT,
        MEMORANDUM,
        DECLARATION,
        STANDARD,
        DIRECTIVE,
        NATIONAL_LAW
    }

    /** How many parties it is made for: a national law is one state's. */
    public enum Level {
        NATIONAL,
        BILATERAL,
        REGIONAL,
        GLOBAL
    }

    public Instrument {
        Objects.requireNonNull(id, "instrument id");
        Objects.requireNonNull(title, "instrument title");
        Objects.requireNonNull(kind, "instrument kind");
        Objects.requireNonNull(level, "instrument level");
        Objects.requireNonNull(source, "instrument source");
        if (id.isBlank()) throw new IllegalArgumentException("instrument id is blank");
        if (adopted != null && inForce != null && inForce.isBefore(adopted)) {
            throw new IllegalArgumentException(
                    "instrument " + id + " enters into force (" + inForce + ") before it is adopted (" + adopted + ")");
        }
        if (appliedFrom != null && (inForce == null || appliedFrom.isBefore(inForce))) {
            throw new IllegalArgumentException("instrument " + id + " is applied from " + appliedFrom
                    + ", which needs an entry into force on or before it (in force: " + inForce + ")");
        }
        pillars = pillars == null || pillars.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pillars));
    }

    /** An instrument applied from its entry into force. */
    public Instrument(
            String id,
            String title,
            Kind kind,
            Level level,
            boolean binding,
            LocalDate adopted,
            LocalDate inForce,
            Set<Pillar> pillars,
            Source source) {
        this(id, title, kind, level, binding, adopted, inForce, null, pillars, source);
    }

    /** Whether the instrument itself is in force on the date (not whether a given party is bound). */
    public boolean inForceOn(LocalDate date) {
        return inForce != null && !inForce.isAfter(date);
    }
}
