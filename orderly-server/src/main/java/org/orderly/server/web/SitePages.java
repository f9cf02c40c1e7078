package org.orderly.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.Party;
import org.orderly.regime.Registry;
import org.orderly.regime.State;
import org.orderly.regime.reference.StateNames;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.requirement.TravelQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The glossary of the regime's terms and the site search across parties, instruments and commitments. */
@Controller
class SitePages {
    private static final int LIMIT = 50;

    private final RegimeService regime;
    private final TravelQueries travel;
    private final Glossary glossary;

    SitePages(RegimeService regime, TravelQueries travel, Glossary glossary) {
        this.regime = regime;
        this.travel = travel;
        this.glossary = glossary;
    }

    @GetMapping("/glossary")
    String glossary(Model model) {
        model.addAttribute("entries", glossary.entries());
        return "glossary";
    }

    /** One search hit: what it is, its name, a link and a line of context. */
    record Hit(String kind, String title, String href, String context) {}

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        List<Hit> parties = new ArrayList<>();
        List<Hit> instruments = new ArrayList<>();
        List<Hit> commitments = new ArrayList<>();
        if (!query.isEmpty()) {
            Registry registry = regime.registry();
            String key = fold(query);
            StateNames.Resolution exact = travel.stateNames().resolve(query);
            if (exact instanceof StateNames.Found f) {
                State s = f.state();
                parties.add(new Hit(
                        glossary.label(s.kind()),
                        s.name(),
                        "/parties/" + s.id(),
                        s.id() + " — matched by " + f.match().matchedBy()));
            }
            registry.parties().stream()
                    .filter(p -> fold(p.name()).contains(key) || fold(p.id()).equals(key))
                    .filter(p -> parties.stream().noneMatch(h -> h.href().equals("/parties/" + p.id())))
                    .sorted(Comparator.comparing(Party::name))
                    .limit(LIMIT)
                    .forEach(p ->
                            parties.add(new Hit(glossary.label(p.kind()), p.name(), "/parties/" + p.id(), p.id())));
            registry.instruments().stream()
                    .filter(i -> fold(i.title()).contains(key)
                            || fold(i.id()).contains(key)
                            || fold(i.source().title()).contains(key))
                    .sorted(Comparator.comparing(Instrument::title))
                    .limit(LIMIT)
                    .forEach(i -> instruments.add(new Hit(
                            glossary.label(i.kind()),
                            i.title(),
                            "/instruments/" + i.id(),
                            glossary.label(i.level()) + ", " + (i.binding() ? "binding" : "not binding"))));
            for (Commitment c : registry.commitments()) {
                if (commitments.size() >= LIMIT) break;
                String title = registry.instrument(c.instrumentId())
                        .map(Instrument::title)
                        .orElse(c.instrumentId());
                if (fold(c.describe()).contains(key)
                        || fold(glossary.label(c.kind())).contains(key)
                        || fold(title).contains(key)
                        || fold(c.source().title()).contains(key)) {
                    commitments.add(
                            new Hit(glossary.label(c.kind()), c.describe(), "/instruments/" + c.instrumentId(), title));
                }
            }
        }
        model.addAttribute("parties", parties);
        model.addAttribute("instruments", instruments);
        model.addAttribute("commitments", commitments);
        model.addAttribute("total", parties.size() + instruments.size() + commitments.size());
        return "search";
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }
}
