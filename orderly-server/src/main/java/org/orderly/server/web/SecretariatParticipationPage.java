package org.orderly.server.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Party;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.RegistryStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The secretariat's page for recording a participation with its source, such as the Holy See's or the State of
 * Palestine's, which the UN member-state extracts leave out. Writes with the secretariat's origin, so reference
 * data rewritten at a restart never reverts it.
 */
@Controller
class SecretariatParticipationPage {
    private final RegimeService regime;
    private final org.orderly.server.regime.StatusListRecorder statusLists;

    SecretariatParticipationPage(RegimeService regime, org.orderly.server.regime.StatusListRecorder statusLists) {
        this.regime = regime;
        this.statusLists = statusLists;
    }

    /** The status-list form's fields, as typed. */
    record ListForm(String subject, String list, String sourceTitle, String sourceReference, String asOf) {
        static ListForm empty(String subject, LocalDate today) {
            return new ListForm(
                    subject == null ? "" : subject.toUpperCase(Locale.ROOT),
                    "party,status,since,until\n",
                    "",
                    "",
                    today.toString());
        }
    }

    @PostMapping("/secretariat/participations/status-list")
    String recordList(
            @ModelAttribute ListForm listForm, Model model, jakarta.servlet.http.HttpServletResponse response) {
        List<Participation> saved;
        try {
            LocalDate asOf = date("as of", required("as of", listForm.asOf()));
            saved = statusLists.record(
                    listForm.subject(),
                    "the pasted list",
                    listForm.list(),
                    listForm.sourceTitle(),
                    listForm.sourceReference(),
                    asOf);
        } catch (IllegalArgumentException | java.util.NoSuchElementException | org.orderly.csv.CsvException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("listForm", listForm);
            model.addAttribute("listError", e.getMessage() + " (nothing was recorded)");
            return render(model, Form.empty(listForm.subject(), regime.today()), null, null);
        }
        model.addAttribute(
                "listSaved", saved.size() + " participations in " + saved.get(0).subjectId() + " recorded");
        model.addAttribute("listForm", ListForm.empty(saved.get(0).subjectId(), regime.today()));
        return render(model, Form.empty(saved.get(0).subjectId(), regime.today()), null, null);
    }

    /** The form's fields, as typed (every one a string, so that a wrong value is shown back with its error). */
    record Form(
            String party,
            String subject,
            String status,
            String since,
            String until,
            String sourceTitle,
            String sourceReference,
            String asOf) {
        static Form empty(String subject, LocalDate today) {
            return new Form(
                    "",
                    subject == null ? "" : subject.toUpperCase(Locale.ROOT),
                    "RATIFIED",
                    "",
                    "",
                    "",
                    "",
                    today.toString());
        }
    }

    @GetMapping("/secretariat/participations")
    String form(@RequestParam(required = false) String subject, Model model) {
        return render(model, Form.empty(subject, regime.today()), null, null);
    }

    @PostMapping("/secretariat/participations")
    String record(@ModelAttribute Form form, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Participation participation;
        try {
            participation = participation(form, regime.registry(), regime.today());
            regime.store().saveParticipation(participation, RegistryStore.SECRETARIAT);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(model, form, e.getMessage(), null);
        }
        regime.reload();
        return render(model, Form.empty(participation.subjectId(), regime.today()), null, participation);
    }

    /** Reads the form into a participation, or says which field is wrong. */
    static Participation participation(Form form, Registry registry, LocalDate today) {
        String party = required("party", form.party()).toUpperCase(Locale.ROOT);
        String subject = required("instrument or process", form.subject()).toUpperCase(Locale.ROOT);
        if (registry.party(party).isEmpty())
            throw new IllegalArgumentException("party: no party with the code '" + party + "'");
        if (registry.instrument(subject).isEmpty()
                && registry.party(subject)
                        .filter(p -> p.kind() == Party.PartyKind.PROCESS)
                        .isEmpty()) {
            throw new IllegalArgumentException("instrument or process: none with the id '" + subject + "'");
        }
        Participation.Status status;
        try {
            status = Participation.Status.valueOf(
                    required("status", form.status()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "status: '" + form.status() + "' is not one of " + List.of(Participation.Status.values()));
        }
        LocalDate until = form.until() == null || form.until().isBlank()
                ? null
                : date("until", form.until().strip());
        LocalDate asOf = date("as of", required("as of", form.asOf()));
        if (asOf.isAfter(today)) throw new IllegalArgumentException("as of: " + asOf + " is in the future");
        Source source = new Source(
                required("source title", form.sourceTitle()),
                required("source reference", form.sourceReference()),
                asOf);
        try {
            return Participation.published(party, subject, status, form.since(), until, List.of(), source);
        } catch (IllegalArgumentException e) {
            String since = form.since() == null ? "" : form.since().strip();
            throw new IllegalArgumentException(
                    e.getMessage().startsWith("since '")
                            ? "since: '" + since + "' is not a date (yyyy-mm-dd, or a year yyyy)"
                            : e.getMessage());
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": required");
        return value.strip();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a date (yyyy-mm-dd"
                    + (field.equals("since") ? ", or a year yyyy" : "") + ")");
        }
    }

    private String render(Model model, Form form, String error, Participation saved) {
        Registry registry = regime.registry();
        model.addAttribute("form", form);
        if (!model.containsAttribute("listForm"))
            model.addAttribute("listForm", ListForm.empty(form.subject(), regime.today()));
        if (!model.containsAttribute("listError")) model.addAttribute("listError", null);
        if (!model.containsAttribute("listSaved")) model.addAttribute("listSaved", null);
        model.addAttribute("error", error);
        model.addAttribute("saved", saved);
        model.addAttribute("statuses", List.of(Participation.Status.values()));
        model.addAttribute(
                "parties",
                registry.parties().stream()
                        .sorted(Comparator.comparing(Party::name))
                        .toList());
        model.addAttribute(
                "instruments",
                registry.instruments().stream()
                        .sorted(Comparator.comparing(Instrument::title))
                        .toList());
        return "secretariat-participation";
    }
}
