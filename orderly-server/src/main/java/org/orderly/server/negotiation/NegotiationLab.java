package org.orderly.server.negotiation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderly.lab.Lab;
import org.orderly.lab.negotiation.Measure;
import org.orderly.lab.negotiation.NegotiationScenarios;
import org.orderly.lab.scenario.StateEffect;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.server.api.DomainErrors;
import org.orderly.server.lab.LabService;
import org.orderly.server.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The policy lab inside a party's room, kept apart from the room's own controller: for the secretariat, each party's
 * projected effects of the proposed package beside the proof of optimality; for a party's negotiator who asks
 * ({@code ?seed-year=2030&seed-measure=net-remittances}), the valuation form filled with points seeded from the options'
 * projected effects, shown as such and entered only when the negotiator enters the form.
 */
@ControllerAdvice(assignableTypes = NegotiationPages.class)
class NegotiationLab {
    private static final Pattern ROOM = Pattern.compile("/negotiations/([^/]+)/room");

    private final NegotiationService negotiations;
    private final LabService labs;

    NegotiationLab(NegotiationService negotiations, LabService labs) {
        this.negotiations = negotiations;
        this.labs = labs;
    }

    /** What the room shows of the lab; nothing outside a room page or when the lab has no data. */
    record RoomLab(
            int year,
            Map<String, StateEffect> effects,
            String effectsError,
            NegotiationScenarios.Seed seed,
            String seedError,
            Map<String, Long> seededFields,
            java.util.List<Measure> measures) {}

    /** The seeded points keyed by the valuation form's field names ({@code v.ISSUE.OPTION}, as the room's form names them). */
    private static Map<String, Long> fields(NegotiationScenarios.Seed seed) {
        Map<String, Long> fields = new java.util.HashMap<>();
        if (seed != null) seed.rows().forEach(r -> fields.put("v." + r.issue() + "." + r.option(), r.points()));
        return fields;
    }

    @ModelAttribute
    void lab(HttpServletRequest request, Authentication authentication, Model model) {
        Matcher room = ROOM.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!"GET".equals(request.getMethod()) || !room.matches() || authentication == null || !labs.available())
            return;
        Proceedings record;
        try {
            record = negotiations.get(room.group(1)).proceedings();
        } catch (NoSuchElementException e) {
            return;
        }
        if (!record.hasIssues()) return;
        Lab lab = labs.lab();
        int defaultYear = lab.observations().lastYear() + 15;
        Map<String, StateEffect> effects = null;
        String effectsError = null;
        NegotiationScenarios.Seed seed = null;
        String seedError = null;
        if (Roles.has(authentication, Roles.SECRETARIAT) && record.latest().isPresent()) {
            try {
                effects = NegotiationScenarios.effects(
                        lab, record.negotiation(), record.latest().get().deal(), defaultYear);
            } catch (IllegalArgumentException e) {
                effectsError = DomainErrors.message(e);
            }
        }
        String party = Principals.party(authentication);
        boolean negotiator =
                party != null && record.parties().contains(party) && Roles.has(authentication, Roles.NEGOTIATOR);
        String askedYear = request.getParameter("seed-year");
        if (negotiator && askedYear != null && record.status(negotiations.now()) == Proceedings.Status.OPEN) {
            try {
                int year = Integer.parseInt(askedYear.trim());
                org.orderly.server.lab.LabYears.check(lab, year);
                String measure = request.getParameter("seed-measure");
                seed = NegotiationScenarios.seed(
                        lab,
                        record.negotiation(),
                        party,
                        year,
                        measure == null ? Measure.NET_REMITTANCES : Measure.parse(measure));
            } catch (NumberFormatException e) {
                seedError = "seed year '" + askedYear + "' is not a year";
            } catch (IllegalArgumentException e) {
                seedError = DomainErrors.message(e);
            }
        }
        model.addAttribute(
                "roomLab",
                new RoomLab(
                        defaultYear,
                        effects,
                        effectsError,
                        seed,
                        seedError,
                        fields(seed),
                        java.util.List.of(Measure.values())));
    }
}
