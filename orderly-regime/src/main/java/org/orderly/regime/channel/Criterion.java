package org.orderly.regime.channel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One condition a person must meet to use a channel, as an executable rule: given what the person said it answers met,
 * not met, or unknown (when the person did not say what the rule needs; never assumed met).
 */
public sealed interface Criterion extends java.io.Serializable
        permits Criterion.JobOffer,
                Criterion.SalaryFloor,
                Criterion.Qualification,
                Criterion.Recognition,
                Criterion.Language,
                Criterion.Age,
                Criterion.Points,
                Criterion.Stated {

    /** The criterion's name as the page shows it ("salary floor"). */
    String name();

    Provenance provenance();

    /** How the person stands on this criterion in {@code year} (the year a salary floor is read for). */
    Assessment assess(Applicant applicant, int year);

    /** A job offer (or contract) from an employer in the destination. */
    record JobOffer(String detail, Provenance provenance) implements Criterion {
        public String name() {
            return "job offer";
        }

        public Assessment assess(Applicant a, int year) {
            String what = detail == null ? "a job offer" : detail;
            if (a.jobOffer() == null)
                return Assessment.unknown("needs " + what + "; you did not say whether you have one");
            return a.jobOffer() ? Assessment.met("you have " + what) : Assessment.notMet("needs " + what);
        }
    }

    /**
     * A minimum gross salary for a stated year: the general floor and reduced floors (for shortage occupations, listed
     * by ISCO code, or for new entrants). A floor without an amount is one Orderly has not recorded.
     */
    record SalaryFloor(List<Floor> floors) implements Criterion {
        /** Whom a floor applies to. */
        public enum Applies {
            GENERAL,
            SHORTAGE,
            NEW_ENTRANT
        }

        /** One floor; a null amount is not recorded (the criterion then answers unknown). */
        public record Floor(
                Applies applies,
                BigDecimal amount,
                String currency,
                Salary.Period period,
                int year,
                Set<String> occupations,
                String note,
                Provenance provenance)
                implements java.io.Serializable {
            public Floor {
                Objects.requireNonNull(applies, "salary floor applies");
                Objects.requireNonNull(period, "salary floor period");
                Objects.requireNonNull(provenance, "salary floor provenance");
                currency = Salary.currency(currency);
                if (amount != null && amount.signum() < 0)
                    throw new IllegalArgumentException("salary floor must not be negative");
                occupations = occupations == null ? Set.of() : Set.copyOf(occupations);
                note = note == null || note.isBlank() ? null : note.strip();
            }

            String describe() {
                String amountText = amount == null ? "not recorded" : new Salary(amount, currency, period).describe();
                return (applies == Applies.GENERAL
                                ? ""
                                : applies == Applies.SHORTAGE ? "shortage occupations: " : "new entrants: ")
                        + amountText + " (" + year + ")" + (provenance.verified() ? "" : " [unverified]");
            }
        }

        public SalaryFloor {
            if (floors == null || floors.isEmpty())
                throw new IllegalArgumentException("a salary floor criterion needs a floor");
            floors = List.copyOf(floors);
            for (Floor f : floors) {
                if (floors.stream().noneMatch(g -> g.applies() == Applies.GENERAL && g.year() == f.year())) {
                    throw new IllegalArgumentException("the salary floors of " + f.year()
                            + " need a GENERAL floor (reduced floors are exceptions to it)");
                }
            }
        }

        /** The year whose floors apply in {@code year}: the latest recorded on or before it, else the earliest recorded. */
        public int yearFor(int year) {
            return floors.stream()
                    .mapToInt(Floor::year)
                    .filter(y -> y <= year)
                    .max()
                    .orElseGet(() -> floors.stream().mapToInt(Floor::year).min().orElseThrow());
        }

        public String name() {
            return "salary floor";
        }

        /** The general floor that applies in {@code year}. */
        public Floor general(int year) {
            int y = yearFor(year);
            return floors.stream()
                    .filter(f -> f.applies() == Applies.GENERAL && f.year() == y)
                    .findFirst()
                    .orElseThrow();
        }

        /** The floors that apply in {@code year}. */
        public List<Floor> floors(int year) {
            int y = yearFor(year);
            return floors.stream().filter(f -> f.year() == y).toList();
        }

        /** Verified only when every floor of the latest year is. */
        public Provenance provenance() {
            int latest = floors.stream().mapToInt(Floor::year).max().orElseThrow();
            return provenance(latest);
        }

        /** Verified only when every floor that applies in {@code year} is. */
        public Provenance provenance(int year) {
            return new Provenance(
                    general(year).provenance().source(),
                    floors(year).stream().allMatch(f -> f.provenance().verified()));
        }

        public Assessment assess(Applicant a, int year) {
            List<Floor> floors = floors(year);
            String floorsText = floors.stream().map(Floor::describe).collect(Collectors.joining("; "))
                    + (yearFor(year) == year
                            ? ""
                            : "; no floor is recorded for " + year + ", the nearest recorded year is shown");
            Floor general = general(year);
            if (general.amount() == null) {
                return Assessment.unknown("the floor for " + general.year() + " is not recorded here"
                        + (general.note() == null ? "" : ": " + general.note()));
            }
            if (a.salary() == null) return Assessment.unknown("you did not give a salary; the floor is " + floorsText);
            Salary s = a.salary();
            List<String> unsure = new ArrayList<>();
            for (Floor f : floors) {
                if (f.amount() == null) continue;
                Boolean reaches = reaches(s, f);
                if (reaches == null) {
                    unsure.add("your salary is in " + s.currency() + " a "
                            + s.period().name().toLowerCase(Locale.ROOT) + ", the floor in " + f.currency() + " a "
                            + f.period().name().toLowerCase(Locale.ROOT) + " (Orderly converts neither)");
                    continue;
                }
                if (!reaches) continue;
                switch (f.applies()) {
                    case GENERAL -> {
                        return Assessment.met(s.describe() + " reaches the floor of " + f.describe());
                    }
                    case SHORTAGE -> {
                        if (f.occupations().isEmpty() || a.occupations().isEmpty()) {
                            unsure.add(s.describe() + " reaches the reduced floor of " + f.describe()
                                    + " if your occupation is a shortage occupation there");
                        } else if (a.occupations().stream().anyMatch(o -> Occupations.within(o, f.occupations()))) {
                            return Assessment.met(s.describe() + " reaches the reduced floor for shortage occupations, "
                                    + f.describe());
                        }
                    }
                    case NEW_ENTRANT ->
                        unsure.add(s.describe() + " reaches the reduced floor of " + f.describe()
                                + " if you are a new entrant (recently qualified)");
                }
            }
            if (!unsure.isEmpty()) return Assessment.unknown(String.join("; ", unsure));
            return Assessment.notMet(s.describe() + " is below the floor: " + floorsText);
        }

        /** Whether the salary reaches the floor; null when they cannot be compared (currency or period). */
        private static Boolean reaches(Salary s, Floor f) {
            if (!s.currency().equals(f.currency())) return null;
            if (s.period() == f.period()) return s.amount().compareTo(f.amount()) >= 0;
            var yearly = s.yearly();
            var floorYearly = new Salary(f.amount(), f.currency(), f.period()).yearly();
            if (yearly.isEmpty() || floorYearly.isEmpty()) return null;
            return yearly.get().compareTo(floorYearly.get()) >= 0;
        }
    }

    /** A minimum level of education (ISCED 2011). */
    record Qualification(int minimumLevel, String detail, Provenance provenance) implements Criterion {
        public Qualification {
            if (minimumLevel < 0 || minimumLevel > 8)
                throw new IllegalArgumentException("ISCED level " + minimumLevel + " is not 0-8");
        }

        public String name() {
            return "qualification";
        }

        public Assessment assess(Applicant a, int year) {
            String needs = "at least " + Isced.name(minimumLevel) + (detail == null ? "" : "; " + detail);
            if (a.iscedLevel() == null)
                return Assessment.unknown("needs " + needs + "; you did not give your qualification");
            return a.iscedLevel() >= minimumLevel
                    ? Assessment.met(Isced.name(a.iscedLevel()) + " meets " + needs)
                    : Assessment.notMet(Isced.name(a.iscedLevel()) + " is below " + needs);
        }
    }

    /** For a regulated profession, the qualification must be recognised (or a licence held) in the destination first. */
    record Recognition(String detail, Provenance provenance) implements Criterion {
        public String name() {
            return "professional recognition";
        }

        public Assessment assess(Applicant a, int year) {
            String how = detail == null ? "" : " (" + detail + ")";
            if (Boolean.TRUE.equals(a.recognised()))
                return Assessment.met("you said your qualification is recognised" + how);
            if (Boolean.TRUE.equals(a.regulated())) {
                return Boolean.FALSE.equals(a.recognised())
                        ? Assessment.notMet("a regulated profession: your qualification must be recognised first" + how)
                        : Assessment.unknown(
                                "a regulated profession: your qualification must be recognised first" + how);
            }
            if (Boolean.FALSE.equals(a.recognised())) {
                return Assessment.unknown("needed if your profession is regulated there" + how
                        + "; you said your qualification is not recognised");
            }
            // ESCO marks few professions as regulated, and not per state: an unmarked one may still be regulated there.
            return Assessment.unknown(
                    "needed if your profession is regulated there" + how
                            + (a.regulated() == null
                                    ? "; your occupation is not known"
                                    : "; ESCO does not mark your occupation as regulated, which does not settle it for every state"));
        }
    }

    /** Language proficiency: at least one of the languages at the level given. */
    record Language(Map<String, Cefr> anyOf, Provenance provenance) implements Criterion {
        public Language {
            if (anyOf == null || anyOf.isEmpty())
                throw new IllegalArgumentException("a language criterion needs a language and level");
            anyOf = Map.copyOf(new java.util.TreeMap<>(anyOf));
        }

        public String name() {
            return "language";
        }

        public Assessment assess(Applicant a, int year) {
            String needs = anyOf.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(" or "));
            boolean unknown = false;
            for (var e : anyOf.entrySet()) {
                Cefr level = a.languages().get(e.getKey());
                if (level == null) {
                    unknown = true;
                } else if (level.compareTo(e.getValue()) >= 0) {
                    return Assessment.met(e.getKey() + " " + level + " meets " + needs);
                }
            }
            return unknown
                    ? Assessment.unknown("needs " + needs + " (CEFR); you did not give your level in every one of them")
                    : Assessment.notMet("needs " + needs + " (CEFR)");
        }
    }

    /** An age range, either end open. */
    record Age(Integer minimum, Integer maximum, Provenance provenance) implements Criterion {
        public Age {
            if (minimum == null && maximum == null)
                throw new IllegalArgumentException("an age criterion needs a minimum or a maximum");
            if (minimum != null && maximum != null && maximum < minimum)
                throw new IllegalArgumentException("age maximum " + maximum + " is below its minimum " + minimum);
        }

        public String name() {
            return "age";
        }

        public Assessment assess(Applicant a, int year) {
            String range = minimum == null
                    ? "at most " + maximum
                    : maximum == null ? "at least " + minimum : minimum + " to " + maximum;
            if (a.age() == null) return Assessment.unknown("age " + range + "; you did not give your age");
            boolean in = (minimum == null || a.age() >= minimum) && (maximum == null || a.age() <= maximum);
            return in
                    ? Assessment.met("age " + a.age() + " is within " + range)
                    : Assessment.notMet("age " + a.age() + " is outside " + range);
        }
    }

    /** A points test: points per factor from the grid's bands, and a pass mark. */
    record Points(PointsGrid grid, Provenance provenance) implements Criterion {
        public Points {
            Objects.requireNonNull(grid, "points grid");
        }

        public String name() {
            return "points (pass mark " + grid.passMark() + ")";
        }

        public Assessment assess(Applicant a, int year) {
            return grid.assess(a);
        }
    }

    /** A criterion stated in words that Orderly cannot check (a labour-market test, a specialty occupation): always unknown. */
    record Stated(String criterion, String text, Provenance provenance) implements Criterion {
        public Stated {
            if (criterion == null || criterion.isBlank() || text == null || text.isBlank()) {
                throw new IllegalArgumentException("a stated criterion needs a name and its text");
            }
        }

        public String name() {
            return criterion;
        }

        public Assessment assess(Applicant a, int year) {
            return Assessment.unknown(text + " (Orderly cannot check this; the deciding authority does)");
        }
    }
}
