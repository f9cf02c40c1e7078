package org.orderly.monitoring.visa;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.orderly.monitoring.MonitoringInputException;
import org.orderly.monitoring.Provenance;

/**
 * A visa matrix as published on one date (Passport Index tidy format, {@code Passport,Destination,Requirement}): every
 * passport → destination requirement, keyed {@code "PPP→DDD"}, with the file's name and SHA-256 as its provenance.
 */
public final class VisaSnapshot {
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private final LocalDate date;
    private final Provenance provenance;
    private final Map<String, VisaRequirement> requirements;
    private final Set<String> states;

    private VisaSnapshot(LocalDate date, Provenance provenance, Map<String, VisaRequirement> requirements, Set<String> states) {
        this.date = date;
        this.provenance = provenance;
        this.requirements = Collections.unmodifiableMap(requirements);
        this.states = Collections.unmodifiableSet(states);
    }

    /**
     * Reads a snapshot. {@code date} is the date the matrix describes; when null, it is taken from a date written in the
     * file name ({@code …-2024-07-02.csv}).
     *
     * @throws MonitoringInputException naming the file and line of the first problem
     */
    public static VisaSnapshot read(Path file, LocalDate date) {
        LocalDate asOf = date != null ? date : dateInName(file);
        Map<String, VisaRequirement> requirements = new LinkedHashMap<>();
        Set<String> states = new TreeSet<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MonitoringInputException(file, 0, "cannot be read: " + e.getMessage());
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", ""));
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : new String[] {"Passport", "Destination", "Requirement"}) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new MonitoringInputException(file, 1, "the header has no column '" + column
                            + "' (expected Passport,Destination,Requirement)");
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != parser.getHeaderMap().size()) {
                    throw new MonitoringInputException(file, line, "expected " + parser.getHeaderMap().size() + " fields, found " + record.size());
                }
                String passport = code(file, line, "Passport", record.get("Passport"));
                String destination = code(file, line, "Destination", record.get("Destination"));
                VisaRequirement requirement;
                try {
                    requirement = VisaRequirement.parse(record.get("Requirement"));
                } catch (IllegalArgumentException e) {
                    throw new MonitoringInputException(file, line, "Requirement: " + e.getMessage());
                }
                if ((requirement.kind() == VisaRequirement.Kind.OWN_COUNTRY) != passport.equals(destination)) {
                    throw new MonitoringInputException(file, line, "Requirement -1 (own country) is for a passport to its own state only, found "
                            + passport + " → " + destination + " '" + record.get("Requirement") + "'");
                }
                if (requirements.put(pair(passport, destination), requirement) != null) {
                    throw new MonitoringInputException(file, line, "the pair " + passport + " → " + destination + " appears twice");
                }
                states.add(passport);
                states.add(destination);
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new MonitoringInputException(file, 0, "malformed CSV: " + e.getMessage());
        }
        if (requirements.isEmpty()) throw new MonitoringInputException(file, 1, "holds no rows");
        return new VisaSnapshot(asOf, Provenance.file(file.getFileName().toString(), sha256(bytes), asOf), requirements, states);
    }

    private static String code(Path file, long line, String column, String value) {
        if (!value.matches("[A-Za-z]{3}")) {
            throw new MonitoringInputException(file, line, column + " '" + value + "' is not an ISO 3166-1 alpha-3 code");
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }

    private static LocalDate dateInName(Path file) {
        Matcher matcher = DATE_IN_NAME.matcher(file.getFileName().toString());
        if (!matcher.find()) {
            throw new MonitoringInputException(file, 0, "no date given and none in the file name: say which date the matrix describes");
        }
        return LocalDate.parse(matcher.group(1));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of a pair in {@link #requirements()}. */
    public static String pair(String passport, String destination) {
        return passport + "→" + destination;
    }

    public LocalDate date() {
        return date;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Every pair's requirement, keyed by {@link #pair}. */
    public Map<String, VisaRequirement> requirements() {
        return requirements;
    }

    /** The requirement for one pair, or null when the snapshot does not list it. */
    public VisaRequirement requirement(String passport, String destination) {
        return requirements.get(pair(passport, destination));
    }

    /** The state codes that appear in the snapshot, sorted. */
    public Set<String> states() {
        return states;
    }
}
