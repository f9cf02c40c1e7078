package org.orderly.server.channel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.orderly.regime.State;
import org.orderly.regime.channel.Isced;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.channel.ChannelQuestion;
import org.orderly.travel.channel.UnknownOccupationException;
import org.orderly.travel.requirement.UnknownStateException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The channel finder page, phone first: the question lives in the address (a permalink), htmx swaps in only the answer,
 * and a wrong country or occupation keeps the other answers and offers corrections.
 */
@Controller
class ChannelPages {
    private final ChannelService channels;
    private final RegimeService regime;

    ChannelPages(ChannelService channels, RegimeService regime) {
        this.channels = channels;
        this.regime = regime;
    }

    /** A suggested correction and the permalink with it in place of the wrong input. */
    record Suggestion(String label, String href) {}

    /** An ISCED level for the qualification list. */
    record Level(String value, String label) {}

    @GetMapping("/channels")
    String channels(
            @RequestParam(required = false) String passport,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String occupation,
            @RequestParam(required = false) String salary,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String qualification,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String age,
            @RequestParam(required = false) String jobOffer,
            @RequestParam(required = false) String date,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("answer", null);
        model.addAttribute("error", null);
        model.addAttribute("suggestions", List.of());
        if (passport != null && !passport.isBlank()) {
            try {
                model.addAttribute(
                        "answer",
                        channels.finder()
                                .find(ChannelQuestion.of(
                                        passport,
                                        destination,
                                        occupation,
                                        salary,
                                        currency,
                                        null,
                                        qualification,
                                        language == null ? List.of() : List.of(language),
                                        age,
                                        null,
                                        jobOffer,
                                        null,
                                        parseDate(date))));
            } catch (UnknownStateException e) {
                model.addAttribute("error", e.getMessage());
                List<Suggestion> suggestions = new ArrayList<>();
                for (State s : e.suggestions()) {
                    suggestions.add(new Suggestion(
                            s.name() + " (" + s.id() + ")",
                            link(
                                    e.field().equals("passport") ? s.id() : passport,
                                    e.field().equals("destination") ? s.id() : destination,
                                    occupation,
                                    salary,
                                    currency,
                                    qualification,
                                    language,
                                    age,
                                    jobOffer,
                                    date)));
                }
                model.addAttribute("suggestions", suggestions);
            } catch (UnknownOccupationException e) {
                model.addAttribute("error", e.getMessage());
                model.addAttribute(
                        "suggestions",
                        e.suggestions().stream()
                                .map(label -> new Suggestion(
                                        label,
                                        link(
                                                passport,
                                                destination,
                                                label,
                                                salary,
                                                currency,
                                                qualification,
                                                language,
                                                age,
                                                jobOffer,
                                                date)))
                                .toList());
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        if (htmx != null) return "channels-answer :: answer";
        model.addAttribute(
                "states",
                regime.registry().states().stream()
                        .sorted(Comparator.comparing(State::name))
                        .toList());
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i <= 8; i++) levels.add(new Level(Integer.toString(i), Isced.name(i)));
        model.addAttribute("levels", levels);
        model.addAttribute(
                "q",
                new Form(
                        value(passport),
                        value(destination),
                        value(occupation),
                        value(salary),
                        value(currency).isEmpty() ? "EUR" : value(currency),
                        value(qualification),
                        value(language),
                        value(age),
                        value(jobOffer),
                        value(date).isEmpty() ? regime.today().toString() : value(date)));
        return "channels";
    }

    /** What the form shows again. */
    record Form(
            String passport,
            String destination,
            String occupation,
            String salary,
            String currency,
            String qualification,
            String language,
            String age,
            String jobOffer,
            String date) {}

    private static String value(String s) {
        return s == null ? "" : s.strip();
    }

    private static String link(
            String passport,
            String destination,
            String occupation,
            String salary,
            String currency,
            String qualification,
            String language,
            String age,
            String jobOffer,
            String date) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/channels");
        String[][] pairs = {
            {"passport", passport},
            {"destination", destination},
            {"occupation", occupation},
            {"salary", salary},
            {"currency", currency},
            {"qualification", qualification},
            {"language", language},
            {"age", age},
            {"jobOffer", jobOffer},
            {"date", date}
        };
        for (String[] p : pairs) if (p[1] != null && !p[1].isBlank()) b.queryParam(p[0], p[1].strip());
        return b.encode().build().toUriString();
    }

    private static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) return null;
        try {
            return RegimeService.requireSane("date", LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "date '" + date.strip() + "' is not a date: write it as year-month-day, e.g. 2026-12-24");
        }
    }
}
