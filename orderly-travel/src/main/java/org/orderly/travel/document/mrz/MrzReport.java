package org.orderly.travel.document.mrz;

/** Renders a read zone as plain text for people (command line, logs): fields, each check, validity, findings, repairs. */
public final class MrzReport {

    private MrzReport() {}

    /** One line per field, check, finding and repair, ending with a newline. */
    public static String text(Mrz mrz) {
        StringBuilder out = new StringBuilder(512);
        field(out, "format", mrz.format().name());
        field(out, "document code", mrz.documentCode());
        field(out, "issuing state", mrz.issuingState());
        field(out, "document number", mrz.documentNumber());
        field(out, "primary identifier", mrz.primaryIdentifier());
        field(
                out,
                "secondary identifier",
                mrz.secondaryIdentifier() + (mrz.nameTruncated() ? " (may be truncated)" : ""));
        field(out, "nationality", mrz.nationality());
        field(
                out,
                "birth date",
                mrz.birthDate() == null ? "unknown" : mrz.birthDate().toString());
        field(out, "sex", mrz.sex().name());
        field(
                out,
                mrz.format().visa() ? "valid until" : "expiry date",
                mrz.expiryDate() == null ? "unreadable" : mrz.expiryDate().toString());
        field(out, "optional data", mrz.optionalData());
        if (mrz.format() == MrzFormat.TD1) {
            field(out, "optional data 2", mrz.optionalData2());
        }
        for (Check check : mrz.checks()) {
            out.append("check ")
                    .append(check.name())
                    .append(": ")
                    .append(check.passed() ? "passed" : "FAILED")
                    .append(" (expected ")
                    .append(check.expected())
                    .append(", found ")
                    .append(check.actual())
                    .append(" at ")
                    .append(check.digitPosition())
                    .append(")\n");
        }
        field(out, "valid", String.valueOf(mrz.valid()));
        for (Finding finding : mrz.findings()) {
            out.append(finding.error() ? "error " : "warning ")
                    .append(finding.code())
                    .append(" at ")
                    .append(finding.position())
                    .append(": ")
                    .append(finding.message())
                    .append('\n');
        }
        for (Repair repair : mrz.repairs()) {
            out.append("repaired line ")
                    .append(repair.line())
                    .append(" column ")
                    .append(repair.column())
                    .append(": ")
                    .append(repair.from())
                    .append(" -> ")
                    .append(repair.to())
                    .append(" (confirmed by ")
                    .append(repair.confirmedBy())
                    .append(")\n");
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append('\n');
    }
}
