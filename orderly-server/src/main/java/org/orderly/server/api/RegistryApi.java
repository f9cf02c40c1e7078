package org.orderly.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.InstrumentRequest;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.RegistryStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public registry: parties, instruments, participations and commitments; writes are the secretariat's. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Who takes part in which instrument since when, and what was committed")
public class RegistryApi {
    private final RegimeService regime;
    private final org.orderly.server.regime.StatusListRecorder statusLists;

    public RegistryApi(RegimeService regime, org.orderly.server.regime.StatusListRecorder statusLists) {
        this.regime = regime;
        this.statusLists = statusLists;
    }

    @GetMapping("/parties")
    @Operation(summary = "All parties: states, organisations and consultative processes")
    public List<PartyView> parties(@RequestParam(required = false) String kind) {
        return regime.registry().parties().stream()
                .filter(p -> kind == null || p.kind().name().equalsIgnoreCase(kind))
                .map(PartyView::of)
                .toList();
    }

    @GetMapping("/parties/{id}")
    @Operation(summary = "One party with everything it takes part in")
    public PartyDetail party(@PathVariable String id) {
        Registry registry = regime.registry();
        String code = id.toUpperCase(Locale.ROOT);
        PartyView party = registry.party(code)
                .map(PartyView::of)
                .orElseThrow(() -> new NoSuchElementException("no party '" + id + "'"));
        return new PartyDetail(party, ParticipationView.of(registry.participationsOf(code)));
    }

    /** A party and its participations. */
    public record PartyDetail(PartyView party, List<ParticipationView> participations) {}

    @GetMapping("/instruments")
    @Operation(summary = "All instruments")
    public List<Instrument> instruments() {
        return regime.registry().instruments();
    }

    @GetMapping("/instruments/{id}")
    @Operation(
            summary =
                    "One instrument with its commitments, participations and the parties bound on a date (default today)")
    public InstrumentDetail instrument(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Registry registry = regime.registry();
        Instrument instrument =
                registry.instrument(id).orElseThrow(() -> new NoSuchElementException("no instrument '" + id + "'"));
        LocalDate on = RegimeService.requireSane("date", date == null ? regime.today() : date);
        return new InstrumentDetail(
                instrument,
                registry.commitmentsUnder(id).stream().map(CommitmentView::of).toList(),
                ParticipationView.of(registry.participationsIn(id)),
                on,
                registry.boundParties(id, on).stream().sorted().toList());
    }

    /**
     * An instrument, its commitments, who takes part, and the parties bound on {@code date} by the registry's one rule
     * (the instrument in force and the party's own participation effective).
     */
    public record InstrumentDetail(
            Instrument instrument,
            List<CommitmentView> commitments,
            List<ParticipationView> participations,
            LocalDate date,
            List<String> boundParties) {}

    @GetMapping("/participations")
    @Operation(summary = "Participations, by instrument or process and/or by party")
    public List<ParticipationView> participations(
            @RequestParam(required = false) String subject, @RequestParam(required = false) String party) {
        return regime.registry().participations().stream()
                .filter(p -> subject == null || p.subjectId().equalsIgnoreCase(subject))
                .filter(p -> party == null || p.partyId().equalsIgnoreCase(party))
                .map(ParticipationView::of)
                .toList();
    }

    @GetMapping("/commitments")
    @Operation(summary = "Commitments; with grantor and beneficiary, those in force between them on a date")
    public List<CommitmentView> commitments(
            @RequestParam(required = false) String instrument,
            @RequestParam(required = false) String grantor,
            @RequestParam(required = false) String beneficiary,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        List<Commitment> commitments;
        if (grantor != null && beneficiary != null) {
            commitments = regime.rulebook(date == null ? regime.today() : date)
                    .between(grantor.toUpperCase(Locale.ROOT), beneficiary.toUpperCase(Locale.ROOT));
        } else if (grantor != null || beneficiary != null) {
            throw new IllegalArgumentException("give both grantor and beneficiary, or neither");
        } else {
            commitments = regime.registry().commitments();
        }
        return commitments.stream()
                .filter(c -> instrument == null || c.instrumentId().equalsIgnoreCase(instrument))
                .map(CommitmentView::of)
                .toList();
    }

    @PostMapping("/instruments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an instrument with its commitments and participations (secretariat)")
    public InstrumentDetail record(@RequestBody InstrumentRequest request) {
        Instrument instrument = request.instrument();
        List<Commitment> commitments = request.commitments(instrument.id());
        List<Participation> participations = request.participations(instrument.id());
        request.requireSaneDates(commitments, participations);
        regime.store().saveInstrument(instrument, commitments, participations, RegistryStore.SECRETARIAT);
        regime.reload();
        return instrument(instrument.id(), null);
    }

    @PostMapping("/participations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record one participation (secretariat)")
    public ParticipationView participate(@RequestBody ParticipationView.Request request) {
        Participation participation = request.participation();
        saneDates(participation);
        regime.store().saveParticipation(participation, RegistryStore.SECRETARIAT);
        regime.reload();
        return ParticipationView.of(participation);
    }

    @PostMapping(value = "/participations/status-list", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Record a whole status list of an instrument or process from one source (secretariat): CSV with columns "
                            + "party,status,since[,until,reservations]; since as published (2014, 2014-06-26, or empty when unknown); all or nothing")
    public List<ParticipationView> statusList(
            @RequestBody String csv,
            @RequestParam String subject,
            @RequestParam String sourceTitle,
            @RequestParam String sourceReference,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "status-list.csv") String fileName) {
        return ParticipationView.of(statusLists.record(subject, fileName, csv, sourceTitle, sourceReference, asOf));
    }

    /** Refuses absurd dates (a ratification in the year 5000) before anything is written. */
    private static void saneDates(Participation participation) {
        RegimeService.requireSane("participation.since", participation.since());
        RegimeService.requireSane("participation.until", participation.until());
        if (participation.source() != null)
            RegimeService.requireSane(
                    "participation.source.asOf", participation.source().asOf());
    }
}
