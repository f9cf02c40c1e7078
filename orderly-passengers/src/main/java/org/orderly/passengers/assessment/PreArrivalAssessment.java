package org.orderly.passengers.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orderly.passengers.manifest.Flight;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.passengers.manifest.TravelDocument;
import org.orderly.passengers.manifest.Traveller;
import org.orderly.regime.TravelCategory;
import org.orderly.screening.DocumentHit;
import org.orderly.screening.Hit;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.Nationality;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.travel.document.mrz.StateCodes;
import org.orderly.travel.requirement.TravelRequirement;
import org.orderly.travel.requirement.TravelRules;

/**
 * The pre-arrival assessment of a manifest's travellers, composed in one place: document checks (expiry
 * on the arrival date, issuing state known and matching the nationality), screening of the name and of
 * each document against the watchlists, the travel requirement for the traveller's nationality at the
 * destination state (from the rulebook), and the analysts' risk rules. Every finding carries its explanation.
 */
public final class PreArrivalAssessment {
    private final Screener screener;
    private final TravelRules travelRules;
    private final String destinationState;
    private final List<RiskRule> riskRules;

    /**
     * @param travelRules      the rules compiled for the date of arrival; null to leave the requirement out
     * @param destinationState the state the travellers arrive in (alpha-3), which receives the data; null when unknown
     */
    public PreArrivalAssessment(
            Screener screener, TravelRules travelRules, String destinationState, List<RiskRule> riskRules) {
        this.screener = screener;
        this.travelRules = travelRules;
        this.destinationState = destinationState;
        this.riskRules = List.copyOf(riskRules);
    }

    /** The date the checks apply on: the arrival (else departure) date of the manifest's last flight, else {@code fallback}. */
    public static LocalDate arrivalDate(Manifest manifest, LocalDate fallback) {
        LocalDate date = null;
        for (Flight f : manifest.flights()) {
            LocalDate d = f.arrivalDate() != null ? f.arrivalDate() : f.departureDate();
            if (d != null && (date == null || d.isAfter(date))) date = d;
        }
        return date == null ? fallback : date;
    }

    /**
     * A received message's assessment, as every path that stores one makes it (the API, {@code passengers ingest}): on
     * its arrival date ({@link #arrivalDate}, else {@code today}), under the rules in force that day, not today's.
     *
     * @param rulesOn the travel rules compiled for a date
     */
    public static List<TravellerAssessment> onArrival(
            Manifest manifest,
            LocalDate today,
            Screener screener,
            java.util.function.Function<LocalDate, TravelRules> rulesOn,
            String destinationState) {
        LocalDate on = arrivalDate(manifest, today);
        return new PreArrivalAssessment(screener, rulesOn.apply(on), destinationState, List.of()).assess(manifest, on);
    }

    public List<TravellerAssessment> assess(Manifest manifest, LocalDate on) {
        List<TravellerAssessment> out = new ArrayList<>(manifest.travellers().size());
        for (Traveller t : manifest.travellers()) out.add(assess(t, manifest, on));
        return out;
    }

    private TravellerAssessment assess(Traveller t, Manifest manifest, LocalDate on) {
        List<Finding> findings = new ArrayList<>();
        String nationality = Nationality.alpha3(t.nationality());
        documents(t, nationality, on, findings);
        if (screener != null) {
            BirthDate birth = t.birthDate() == null
                    ? null
                    : new BirthDate(
                            t.birthDate().getYear(),
                            t.birthDate().getMonthValue(),
                            t.birthDate().getDayOfMonth());
            // The booking name (titles glued on, e.g. KEVINMICHAELMR) and each name on a document are screened;
            // a listed person found under several of them is one finding, with the best score.
            Map<String, Hit> best = new LinkedHashMap<>();
            Set<String> names = new LinkedHashSet<>();
            if (!t.fullName().isBlank()) names.add(t.fullName());
            for (TravelDocument d : t.documents()) if (d.holderName() != null) names.add(d.holderName());
            for (String name : names) {
                for (Hit hit : screener.screen(new PersonDetails(name, birth, nationality))) {
                    best.merge(
                            hit.watchlist() + " #" + hit.entry().id(), hit, (a, b) -> a.score() >= b.score() ? a : b);
                }
            }
            for (Map.Entry<String, Hit> e : best.entrySet()) {
                Hit hit = e.getValue();
                findings.add(new Finding(
                        Finding.Kind.WATCHLIST,
                        e.getKey(),
                        Math.round(hit.score() * 1000) / 1000.0,
                        "listed as " + hit.entry().name() + "; matched " + String.join(", ", hit.matchedFields()) + ": "
                                + hit.explanation().explanation()));
            }
            for (TravelDocument d : t.documents()) {
                if (d.number() == null) continue;
                for (DocumentHit hit : screener.screenDocument(d.number(), Nationality.alpha3(d.issuingState()))) {
                    findings.add(new Finding(
                            Finding.Kind.LOST_DOCUMENT,
                            hit.watchlist() + " #" + hit.entry().id(),
                            null,
                            "document " + d.number() + " is listed as lost or stolen"
                                    + (hit.entry().note() == null
                                                    || hit.entry().note().isBlank()
                                            ? ""
                                            : ": " + hit.entry().note())));
                }
            }
        }
        String requirement = requirement(t, nationality, findings);
        for (RiskRule rule : riskRules) {
            String explanation = RiskRules.explain(rule, t, manifest, on);
            if (explanation != null) findings.add(new Finding(Finding.Kind.RISK_RULE, rule.id(), null, explanation));
        }
        return new TravellerAssessment(t.id(), t.fullName(), findings, requirement);
    }

    private static void documents(Traveller t, String nationality, LocalDate on, List<Finding> findings) {
        for (TravelDocument d : t.documents()) {
            String label = (d.type() == null ? "document" : d.type()) + " " + d.number();
            if (d.expiry() != null && d.expiry().isBefore(on)) {
                findings.add(new Finding(
                        Finding.Kind.DOCUMENT,
                        d.number(),
                        null,
                        label + " expired on " + d.expiry() + ", before arrival on " + on));
            }
            String issuer = Nationality.alpha3(d.issuingState());
            if (d.issuingState() != null
                    && (issuer == null || !StateCodes.defaults().contains(issuer))) {
                findings.add(new Finding(
                        Finding.Kind.DOCUMENT,
                        d.number(),
                        null,
                        label + ": issuing state '" + d.issuingState() + "' is not an ISO 3166 or ICAO 9303 code"));
            } else if ("P".equals(d.type()) && issuer != null && nationality != null && !issuer.equals(nationality)) {
                findings.add(new Finding(
                        Finding.Kind.DOCUMENT,
                        d.number(),
                        null,
                        "passport " + d.number() + " issued by " + issuer + " to a traveller declared as a national of "
                                + nationality));
            }
        }
    }

    private String requirement(Traveller t, String nationality, List<Finding> findings) {
        if (travelRules == null || destinationState == null) return null;
        if (nationality == null) return "no nationality declared: travel requirement unknown";
        Optional<TravelRequirement> found = travelRules.requirement(nationality, destinationState);
        if (found.isEmpty()) return "no rule for " + nationality + " at " + destinationState;
        TravelRequirement r = found.get();
        String note = r.category().label() + " for " + nationality + " at " + destinationState + ": " + r.explanation();
        boolean visaDeclared = t.documents().stream().anyMatch(d -> "V".equals(d.type()));
        if ((r.category() == TravelCategory.VISA_REQUIRED || r.category() == TravelCategory.E_VISA) && !visaDeclared) {
            findings.add(new Finding(
                    Finding.Kind.TRAVEL_REQUIREMENT,
                    r.instrumentId(),
                    null,
                    r.category().label() + " for a national of " + nationality + " entering " + destinationState
                            + " and no visa declared; " + r.explanation()));
        } else if (r.category() == TravelCategory.NO_ADMISSION) {
            findings.add(new Finding(
                    Finding.Kind.TRAVEL_REQUIREMENT,
                    r.instrumentId(),
                    null,
                    "no admission of nationals of " + nationality + " to " + destinationState + "; "
                            + r.explanation()));
        } else if (r.category() == TravelCategory.COVID_ENTRY_BAN) {
            findings.add(new Finding(
                    Finding.Kind.TRAVEL_REQUIREMENT,
                    r.instrumentId(),
                    null,
                    "a temporary COVID-19 entry ban on nationals of " + nationality + " to " + destinationState + "; "
                            + r.explanation()));
        }
        return note;
    }
}
