package org.orderly.regime.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.csv.CsvException;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.csv.CsvWriter;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Source;

/**
 * The facts of a legal channel (criteria, points-grid bands, quotas, conditions), each one row with its own source,
 * as-of date and whether Orderly vouches for it. The rows are the data; the typed criteria, quotas and conditions are
 * derived from them, so that the rows round-trip unchanged through the reference files, the database and the API.
 *
 * <p>Columns: {@code fact,kind,parameters,text,year,verified,source_title,source_reference,as_of}; {@code parameters}
 * is {@code key=value;key=value}. Facts and kinds:
 * <ul>
 *   <li>{@code CRITERION}: {@code JOB_OFFER}; {@code SALARY_FLOOR} ({@code applies=GENERAL|SHORTAGE|NEW_ENTRANT;amount;currency;
 *       period=YEAR|MONTH|HOUR;occupations}, a year; no amount: not recorded); {@code QUALIFICATION} ({@code isced});
 *       {@code RECOGNITION}; {@code LANGUAGE} ({@code any=de:B1|en:B2}); {@code AGE} ({@code min}, {@code max});
 *       {@code POINTS} ({@code pass_mark}, with the channel's {@code GRID} rows); {@code STATED} ({@code criterion}, the text).</li>
 *   <li>{@code GRID}: a band, kind the factor {@code AGE|QUALIFICATION|LANGUAGE|EXPERIENCE} ({@code from;to;points}, {@code language}
 *       for LANGUAGE with CEFR levels as from and to).</li>
 *   <li>{@code QUOTA}: kind {@code GLOBAL|NATIONALITY|SECTOR} ({@code places;procedure;target}), the year it counts in (empty:
 *       every year), a note as text.</li>
 *   <li>{@code CONDITION}: kind {@code DURATION|RENEWAL|EMPLOYER_CHANGE|FAMILY_REUNION|PERMANENT_RESIDENCE|RIGHT}, the statement as text.</li>
 * </ul>
 */
public record ChannelFacts(List<Fact> facts, List<Criterion> criteria, List<Quota> quotas, List<Condition> conditions)
        implements java.io.Serializable {

    public static final List<String> COLUMNS = List.of(
            "fact", "kind", "parameters", "text", "year", "verified", "source_title", "source_reference", "as_of");

    /** What a row states. */
    public enum Type {
        CRITERION,
        GRID,
        QUOTA,
        CONDITION
    }

    /** One row. */
    public record Fact(
            Type type,
            String kind,
            Map<String, String> parameters,
            String text,
            Integer year,
            boolean verified,
            Source source)
            implements java.io.Serializable {
        public Fact {
            Objects.requireNonNull(type, "fact type");
            Objects.requireNonNull(source, "fact source");
            if (kind == null || kind.isBlank()) throw new IllegalArgumentException("fact kind is missing");
            parameters = parameters == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            text = text == null || text.isBlank() ? null : text.strip();
        }

        Provenance provenance() {
            return new Provenance(source, verified);
        }

        List<String> cells() {
            return List.of(
                    type.name(),
                    kind,
                    CommitmentTerms.format(parameters),
                    text == null ? "" : text,
                    year == null ? "" : year.toString(),
                    Boolean.toString(verified),
                    source.title(),
                    source.reference(),
                    source.asOf().toString());
        }
    }

    /** A fact that cannot be read, with the index of its row (so a reader names the line). */
    public static final class InvalidFact extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        InvalidFact(int index, String message) {
            super(message);
            this.index = index;
        }

        /** The 0-based index of the row among the facts given. */
        public int index() {
            return index;
        }
    }

    public static final ChannelFacts NONE = of(List.of());

    public ChannelFacts {
        facts = List.copyOf(facts);
        criteria = List.copyOf(criteria);
        quotas = List.copyOf(quotas);
        conditions = List.copyOf(conditions);
    }

    /**
     * Derives the typed facts from the rows.
     *
     * @throws InvalidFact naming the row and what is wrong (a points grid whose bands overlap or leave gaps: the band's row)
     */
    public static ChannelFacts of(List<Fact> facts) {
        List<Criterion> criteria = new ArrayList<>();
        List<Quota> quotas = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        List<Criterion.SalaryFloor.Floor> floors = new ArrayList<>();
        int floorsAt = -1;
        List<PointsGrid.Band> bands = new ArrayList<>();
        List<Integer> bandRows = new ArrayList<>();
        Integer passMark = null;
        Provenance pointsProvenance = null;
        int pointsAt = -1;
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            try {
                Parameters p = new Parameters(f);
                switch (f.type()) {
                    case CRITERION -> {
                        switch (p.choice("criterion kind", f.kind(), CriterionKind.class)) {
                            case JOB_OFFER -> criteria.add(new Criterion.JobOffer(f.text(), f.provenance()));
                            case SALARY_FLOOR -> {
                                if (f.year() == null)
                                    throw new IllegalArgumentException("a salary floor needs the year it applies to");
                                if (floorsAt < 0) {
                                    floorsAt = criteria.size();
                                    criteria.add(
                                            null); // placeholder: the floors of a channel make one criterion, in the
                                    // place of the first
                                }
                                floors.add(new Criterion.SalaryFloor.Floor(
                                        p.choice(
                                                "applies",
                                                p.text("applies", "GENERAL"),
                                                Criterion.SalaryFloor.Applies.class),
                                        p.decimal("amount"),
                                        p.required("currency"),
                                        p.choice("period", p.text("period", "YEAR"), Salary.Period.class),
                                        f.year(),
                                        p.codes("occupations"),
                                        f.text(),
                                        f.provenance()));
                            }
                            case QUALIFICATION ->
                                criteria.add(new Criterion.Qualification(
                                        Isced.parse("isced", p.required("isced")), f.text(), f.provenance()));
                            case RECOGNITION -> criteria.add(new Criterion.Recognition(f.text(), f.provenance()));
                            case LANGUAGE -> criteria.add(new Criterion.Language(p.languages("any"), f.provenance()));
                            case AGE ->
                                criteria.add(new Criterion.Age(p.integer("min"), p.integer("max"), f.provenance()));
                            case POINTS -> {
                                if (pointsAt >= 0) throw new IllegalArgumentException("a channel has one points test");
                                pointsAt = criteria.size();
                                criteria.add(null);
                                passMark = p.integer("pass_mark");
                                if (passMark == null) throw new IllegalArgumentException("parameters lack pass_mark");
                                pointsProvenance = f.provenance();
                            }
                            case STATED -> {
                                if (f.text() == null)
                                    throw new IllegalArgumentException("a STATED criterion needs its text");
                                criteria.add(new Criterion.Stated(p.required("criterion"), f.text(), f.provenance()));
                            }
                        }
                    }
                    case GRID -> {
                        PointsGrid.Factor factor = p.choice("grid factor", f.kind(), PointsGrid.Factor.class);
                        boolean language = factor == PointsGrid.Factor.LANGUAGE;
                        bands.add(new PointsGrid.Band(
                                factor,
                                language ? p.required("language") : null,
                                language
                                        ? Cefr.parse("from", p.required("from")).rank()
                                        : p.requiredInteger("from"),
                                language
                                        ? (p.has("to")
                                                ? Integer.valueOf(Cefr.parse("to", p.required("to"))
                                                        .rank())
                                                : null)
                                        : p.integer("to"),
                                p.requiredInteger("points"),
                                f.provenance()));
                        bandRows.add(i);
                    }
                    case QUOTA -> {
                        Integer places = p.requiredInteger("places");
                        quotas.add(new Quota(
                                f.year(),
                                p.choice("quota kind", f.kind(), Quota.Kind.class),
                                p.text("target", null),
                                places,
                                p.choice("procedure", p.text("procedure", "FIRST_COME"), AllocationProcedure.class),
                                f.text(),
                                f.provenance()));
                    }
                    case CONDITION ->
                        conditions.add(new Condition(
                                p.choice("condition kind", f.kind(), Condition.Kind.class), f.text(), f.provenance()));
                }
            } catch (InvalidFact e) {
                throw e;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidFact(i, e.getMessage());
            }
        }
        if (floorsAt >= 0) {
            try {
                criteria.set(floorsAt, new Criterion.SalaryFloor(floors));
            } catch (IllegalArgumentException e) {
                throw new InvalidFact(firstOf(facts, Type.CRITERION, "SALARY_FLOOR"), e.getMessage());
            }
        }
        if (pointsAt >= 0 || !bands.isEmpty()) {
            if (pointsAt < 0)
                throw new InvalidFact(bandRows.get(0), "GRID bands need a POINTS criterion with the pass mark");
            if (bands.isEmpty())
                throw new InvalidFact(firstOf(facts, Type.CRITERION, "POINTS"), "a POINTS criterion needs GRID bands");
            int bad = PointsGrid.overlapOrGap(bands);
            if (bad >= 0) throw new InvalidFact(bandRows.get(bad), PointsGrid.problem(bands, bad));
            criteria.set(pointsAt, new Criterion.Points(new PointsGrid(passMark, bands), pointsProvenance));
        }
        return new ChannelFacts(facts, criteria, quotas, conditions);
    }

    private static int firstOf(List<Fact> facts, Type type, String kind) {
        for (int i = 0; i < facts.size(); i++)
            if (facts.get(i).type() == type && facts.get(i).kind().equals(kind)) return i;
        return 0;
    }

    /** The criteria a row of type CRITERION may name. */
    private enum CriterionKind {
        JOB_OFFER,
        SALARY_FLOOR,
        QUALIFICATION,
        RECOGNITION,
        LANGUAGE,
        AGE,
        POINTS,
        STATED
    }

    /** The facts as CSV text with {@link #COLUMNS}. */
    public String write() {
        return CsvWriter.write(COLUMNS, facts.stream().map(Fact::cells).toList());
    }

    /**
     * Reads facts written by {@link #write} (or a reference file's rows with these columns).
     *
     * @throws IllegalArgumentException naming {@code file}, the line and what is wrong
     */
    public static ChannelFacts read(String file, String text) {
        List<CsvRow> rows;
        try {
            rows = CsvReader.read(file, text, CsvHeader.exactly(COLUMNS)).rows();
        } catch (CsvException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<Fact> facts = new ArrayList<>();
        for (CsvRow row : rows) {
            try {
                facts.add(fact(
                        row.get("fact"),
                        row.get("kind"),
                        row.get("parameters"),
                        row.get("text"),
                        row.get("year"),
                        row.get("verified"),
                        row.get("source_title"),
                        row.get("source_reference"),
                        row.get("as_of")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(row.error(e.getMessage()).getMessage(), e);
            }
        }
        try {
            return of(facts);
        } catch (InvalidFact e) {
            throw new IllegalArgumentException(
                    rows.get(e.index()).error(e.getMessage()).getMessage(), e);
        }
    }

    /** One row from its cells as written. */
    public static Fact fact(
            String type,
            String kind,
            String parameters,
            String text,
            String year,
            String verified,
            String sourceTitle,
            String sourceReference,
            String asOf) {
        if (type == null || type.isBlank())
            throw new IllegalArgumentException("fact is missing: one of " + Arrays.toString(Type.values()));
        Type t;
        try {
            t = Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fact '" + type + "' must be one of " + Arrays.toString(Type.values()));
        }
        Integer y = null;
        if (year != null && !year.isBlank()) {
            if (!year.matches("[12][0-9]{3}"))
                throw new IllegalArgumentException("year '" + year + "' must be a year such as 2025");
            y = Integer.valueOf(year);
        }
        if (!"true".equals(verified) && !"false".equals(verified))
            throw new IllegalArgumentException("verified '" + verified + "' must be true or false");
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("as_of '" + asOf + "' is not a date (yyyy-mm-dd)");
        }
        if (sourceTitle == null || sourceTitle.isBlank()) throw new IllegalArgumentException("source_title is empty");
        return new Fact(
                t,
                kind,
                CommitmentTerms.parse(parameters),
                text,
                y,
                Boolean.parseBoolean(verified),
                new Source(sourceTitle, sourceReference, date));
    }

    /** A row's parameters, read with messages that name the key. */
    private record Parameters(Fact fact) {
        boolean has(String key) {
            String v = fact.parameters().get(key);
            return v != null && !v.isBlank();
        }

        String text(String key, String fallback) {
            return has(key) ? fact.parameters().get(key).strip() : fallback;
        }

        String required(String key) {
            if (!has(key))
                throw new IllegalArgumentException(
                        "parameters lack " + key + " (needed for " + fact.type() + " " + fact.kind() + ")");
            return fact.parameters().get(key).strip();
        }

        Integer integer(String key) {
            if (!has(key)) return null;
            return requiredInteger(key);
        }

        int requiredInteger(String key) {
            String v = required(key);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + key + " '" + v + "' must be a whole number");
            }
        }

        BigDecimal decimal(String key) {
            if (!has(key)) return null;
            String v = required(key);
            try {
                BigDecimal d = new BigDecimal(v);
                if (d.signum() < 0)
                    throw new IllegalArgumentException("parameter " + key + " '" + v + "' must not be negative");
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + key + " '" + v + "' must be a number");
            }
        }

        Set<String> codes(String key) {
            Set<String> codes = new TreeSet<>();
            if (!has(key)) return codes;
            for (String code : required(key).split("\\|")) codes.add(Occupations.code(code));
            return codes;
        }

        Map<String, Cefr> languages(String key) {
            Map<String, Cefr> levels = new LinkedHashMap<>();
            for (String item : required(key).split("\\|")) {
                String[] parts = item.strip().split(":");
                if (parts.length != 2 || !parts[0].matches("[a-z]{2}")) {
                    throw new IllegalArgumentException(
                            "language '" + item + "' must be an ISO 639-1 code and a CEFR level, such as de:B1");
                }
                levels.put(parts[0], Cefr.parse("language level", parts[1]));
            }
            return levels;
        }

        <E extends Enum<E>> E choice(String what, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        what + " '" + value + "' must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
    }
}
