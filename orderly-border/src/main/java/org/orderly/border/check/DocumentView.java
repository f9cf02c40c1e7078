package org.orderly.border.check;

import java.time.LocalDate;
import java.util.List;
import org.orderly.travel.document.mrz.Check;
import org.orderly.travel.document.mrz.Finding;
import org.orderly.travel.document.mrz.Mrz;
import org.orderly.travel.document.mrz.Repair;
import org.orderly.travel.document.mrz.Span;

/** A read machine-readable zone as the API, the border page and the command line show it: fields, checks, validity, findings, repairs. */
public record DocumentView(
        String format,
        String documentCode,
        String issuingState,
        String documentNumber,
        String primaryIdentifier,
        String secondaryIdentifier,
        boolean nameTruncated,
        String nationality,
        LocalDate birthDate,
        String sex,
        LocalDate expiryDate,
        String optionalData,
        String optionalData2,
        boolean valid,
        List<CheckView> checks,
        List<FindingView> errors,
        List<FindingView> warnings,
        List<Repair> repairs,
        List<String> lines) {

    /** One check digit: passed or not, the digit expected and found, and where the digit stands. */
    public record CheckView(
            String name,
            String label,
            boolean passed,
            String expected,
            String actual,
            int line,
            int column,
            String position) {
        static CheckView of(Check check) {
            Span at = check.digitPosition();
            return new CheckView(
                    check.name(),
                    label(check.name()),
                    check.passed(),
                    String.valueOf(check.expected()),
                    String.valueOf(check.actual()),
                    at.line(),
                    at.fromColumn(),
                    at.toString());
        }

        /** A check digit's name in words, as the officer reads it. */
        static String label(String name) {
            return switch (name) {
                case Check.DOCUMENT_NUMBER -> "document number";
                case Check.BIRTH_DATE -> "date of birth";
                case Check.EXPIRY_DATE -> "date of expiry";
                case Check.OPTIONAL_DATA -> "personal number (optional data)";
                case Check.COMPOSITE -> "whole zone (composite)";
                default -> name;
            };
        }
    }

    /** A warning or error with its code, message and position in the zone (line and columns are 0 when it has none). */
    public record FindingView(String code, String message, String position, int line, int fromColumn, int toColumn) {
        static FindingView of(Finding finding) {
            Span at = finding.position();
            return at == null
                    ? new FindingView(finding.code(), finding.message(), null, 0, 0, 0)
                    : new FindingView(
                            finding.code(),
                            finding.message(),
                            at.toString(),
                            at.line(),
                            at.fromColumn(),
                            at.toColumn());
        }
    }

    public static DocumentView of(Mrz mrz) {
        return new DocumentView(
                mrz.format().name(),
                mrz.documentCode(),
                mrz.issuingState(),
                mrz.documentNumber(),
                mrz.primaryIdentifier(),
                mrz.secondaryIdentifier(),
                mrz.nameTruncated(),
                mrz.nationality(),
                mrz.birthDate(),
                mrz.sex().name(),
                mrz.expiryDate(),
                mrz.optionalData(),
                mrz.optionalData2(),
                mrz.valid(),
                mrz.checks().stream().map(CheckView::of).toList(),
                mrz.errors().stream().map(FindingView::of).toList(),
                mrz.warnings().stream().map(FindingView::of).toList(),
                mrz.repairs(),
                mrz.lines());
    }

    /** The holder's name as screening reads it: primary identifier, then the secondary ones. */
    public String holderName() {
        String given = secondaryIdentifier == null ? "" : secondaryIdentifier.trim();
        String primary = primaryIdentifier == null ? "" : primaryIdentifier.trim();
        if (primary.isEmpty()) return given;
        return given.isEmpty() ? primary : primary + ", " + given;
    }
}
