package org.orderly.travel.document.mrz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A machine-readable zone that was read: its fields, every check digit, findings and any OCR repairs.
 * Text fields have their fillers removed; {@code birthDate} is null when the zone leaves it (partly) unknown
 * or it is not a date, {@code expiryDate} likewise when it is not a date (both then carry an error or warning).
 * {@code optionalData2} is the second optional field of TD1 (line 2), empty for other formats.
 */
public record Mrz(
        MrzFormat format,
        String documentCode,
        String issuingState,
        String primaryIdentifier,
        String secondaryIdentifier,
        boolean nameTruncated,
        String documentNumber,
        String nationality,
        LocalDate birthDate,
        Sex sex,
        LocalDate expiryDate,
        String optionalData,
        String optionalData2,
        List<Check> checks,
        List<Finding> findings,
        List<Repair> repairs,
        List<String> lines) {

    public Mrz {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        repairs = List.copyOf(repairs);
        lines = List.copyOf(lines);
    }

    /** Valid when every check digit passed and nothing was found to be an error (warnings do not count). */
    public boolean valid() {
        for (Check check : checks) {
            if (!check.passed()) {
                return false;
            }
        }
        for (Finding finding : findings) {
            if (finding.error()) {
                return false;
            }
        }
        return true;
    }

    /** The check with this name ({@link Check#COMPOSITE} etc.), if the format has it. */
    public Optional<Check> check(String name) {
        for (Check check : checks) {
            if (check.name().equals(name)) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    /** Findings that invalidate the zone. */
    public List<Finding> errors() {
        return select(true);
    }

    /** Findings that do not invalidate the zone (expired, unknown state, truncated name…). */
    public List<Finding> warnings() {
        return select(false);
    }

    /** Whether a warning or error with this code was found. */
    public boolean has(String findingCode) {
        for (Finding finding : findings) {
            if (finding.code().equals(findingCode)) {
                return true;
            }
        }
        return false;
    }

    private List<Finding> select(boolean errors) {
        List<Finding> selected = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.error() == errors) {
                selected.add(finding);
            }
        }
        return List.copyOf(selected);
    }
}
