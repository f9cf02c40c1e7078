package org.orderly.server.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.orderly.regime.Purpose;
import org.orderly.regime.State;
import org.orderly.regime.reference.StateNames;
import org.orderly.server.channel.ChannelService;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.channel.ChannelAnswer;
import org.orderly.travel.channel.ChannelQuestion;
import org.orderly.travel.requirement.TravelAnswer;
import org.orderly.travel.requirement.TravelQueries;
import org.orderly.travel.requirement.UnknownStateException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The travel check page. The question lives in the address (a permalink); htmx asks the same URL
 * and swaps in only the answer. A wrong state name keeps every other choice and offers suggestions.
 */
@Controller
class TravelPages {
    private final RegimeService regime;
    private final TravelQueries travel;
    private final ChannelService channels;

    TravelPages(RegimeService regime, TravelQueries travel, ChannelService channels) {
        this.regime = regime;
        this.travel = travel;
        this.channels = channels;
    }

    /** The legal channels for work the finder knows from this passport to this destination, and the finder's address for them. */
    record WorkRoutes(List<ChannelAnswer.Channel> channels, String finder) {}

    /** A suggested correction: the state's name and the permalink with it in place of the wrong input. */
    record Suggestion(String label, String href) {}

    @GetMapping("/travel")
    String travel(
            @RequestParam(required = false) String passport,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String purpose,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        answer(passport, destination, date, purpose, model);
        if (htmx != null) return "travel-answer :: answer";
        model.addAttribute(
                "states",
                regime.registry().states().stream()
                        .sorted(Comparator.comparing(State::name))
                        .toList());
        model.addAttribute(
                "purposes",
                List.of(Purpose.values()).stream()
                        .map(p -> p.name().toLowerCase(Locale.ROOT))
                        .toList());
        model.addAttribute("passport", shown(passport));
        model.addAttribute("destination", shown(destination));
        model.addAttribute(
                "date", date == null || date.isBlank() ? regime.today().toString() : date.strip());
        model.addAttribute(
                "purpose",
                purpose == null || purpose.isBlank()
                        ? "tourism"
                        : purpose.strip().toLowerCase(Locale.ROOT));
        return "travel";
    }

    @GetMapping("/travel/answer")
    String travelAnswer(
            @RequestParam(required = false) String passport,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String purpose,
            Model model) {
        answer(passport, destination, date, purpose, model);
        return "travel-answer :: answer";
    }

    /** What the form shows for a state: its name when the input names one, otherwise the input as typed. */
    private String shown(String input) {
        if (input == null || input.isBlank()) return "";
        StateNames.Resolution r = travel.stateNames().resolve(input.strip());
        return r instanceof StateNames.Found f ? f.state().name() : input.strip();
    }

    private void answer(String passport, String destination, String date, String purpose, Model model) {
        model.addAttribute("answer", null);
        model.addAttribute("error", null);
        model.addAttribute("suggestions", List.of());
        model.addAttribute("routes", null);
        if ((passport == null || passport.isBlank()) && (destination == null || destination.isBlank())) return;
        try {
            LocalDate on = parseDate(date);
            TravelAnswer answer = travel.answer(passport, destination, on, purpose);
            model.addAttribute("answer", answer);
            model.addAttribute("routes", answer.purpose() == Purpose.WORK ? routes(answer) : null);
        } catch (UnknownStateException e) {
            model.addAttribute("error", e.getMessage());
            List<Suggestion> suggestions = new ArrayList<>();
            for (State s : e.suggestions()) {
                UriComponentsBuilder link = UriComponentsBuilder.fromPath("/travel")
                        .queryParam("passport", e.field().equals("passport") ? s.id() : passport)
                        .queryParam("destination", e.field().equals("destination") ? s.id() : destination);
                if (date != null && !date.isBlank()) link.queryParam("date", date);
                if (purpose != null && !purpose.isBlank()) link.queryParam("purpose", purpose);
                suggestions.add(new Suggestion(
                        s.name() + " (" + s.id() + ")", link.encode().build().toUriString()));
            }
            model.addAttribute("suggestions", suggestions);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
    }

    /**
     * The work routes of an answer for work, from the one channel finder (nothing about the person is known here, so
     * no verdict is given): the finder's page asks the rest. None when free movement already gives the right to work.
     */
    private WorkRoutes routes(TravelAnswer answer) {
        if (answer.category() == org.orderly.regime.TravelCategory.FREE_MOVEMENT
                || answer.category() == org.orderly.regime.TravelCategory.OWN_COUNTRY) return null;
        ChannelAnswer found = channels.finder()
                .find(ChannelQuestion.of(
                        answer.passport(),
                        answer.destination(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        answer.date()));
        String finder = UriComponentsBuilder.fromPath("/channels")
                .queryParam("passport", answer.passport())
                .queryParam("destination", answer.destination())
                .queryParam("date", answer.date())
                .build()
                .toUriString();
        return new WorkRoutes(found.channels(), finder);
    }

    private static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) return null;
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "date '" + date.strip() + "' is not a date: write it as year-month-day, e.g. 2026-12-24");
        }
    }
}
