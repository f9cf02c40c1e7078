package org.orderly.server.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.LegalChannel;
import org.orderly.server.negotiation.ForbiddenException;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.orderly.store.channel.QuotaLedger;
import org.orderly.travel.channel.ChannelAnswer;
import org.orderly.travel.channel.ChannelQuestion;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Legal channels: the finder, the channels as data, quota totals (public) and allocations (a state's immigration authority). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Legal channels", description = "Legal ways in: channels, the finder, quota ledgers")
public class ChannelsApi {
    private final ChannelService channels;

    public ChannelsApi(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping("/channels")
    @Operation(summary = "Every legal channel, in the JSON that POST accepts (public)")
    public List<ChannelDocument> list() {
        return channels.channels().stream().map(ChannelDocument::of).toList();
    }

    @PostMapping("/channels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Define a legal channel (secretariat); the minimal form is {id, title, destination, purpose, annualQuota, procedure}")
    public ChannelDocument define(@RequestBody(required = false) ChannelDocument document, Authentication principal) {
        return ChannelDocument.of(channels.define(document, principal == null ? "anonymous" : principal.getName()));
    }

    @GetMapping("/channels/finder")
    @Operation(summary = "Every channel that could apply to a person, each criterion met, not met or unknown (public)")
    public ChannelAnswer find(
            @RequestParam(required = false) String passport,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String occupation,
            @RequestParam(required = false) String salary,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String qualification,
            @RequestParam(required = false) List<String> language,
            @RequestParam(required = false) String age,
            @RequestParam(required = false) String experience,
            @RequestParam(required = false) String jobOffer,
            @RequestParam(required = false) String recognised,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (date != null) RegimeService.requireSane("date", date);
        return channels.finder()
                .find(ChannelQuestion.of(
                        passport,
                        destination,
                        occupation,
                        salary,
                        currency,
                        period,
                        qualification,
                        language,
                        age,
                        experience,
                        jobOffer,
                        recognised,
                        date));
    }

    /**
     * Public totals of a channel's quota in a year: places, granted, refused; for a lottery, the seed's hash (published
     * before the draw), the entrants' tokens, and after the draw the seed and the tokens drawn, in order, so that anyone
     * can re-run it ({@code orderly channels redraw}). Tokens are hashes of the applicants' references and name no one.
     */
    public record QuotaView(
            String channel,
            int year,
            Integer places,
            String procedure,
            int granted,
            int refused,
            Integer remaining,
            boolean decided,
            String seedHash,
            String seed,
            List<String> entrants,
            List<String> drawn) {}

    @GetMapping("/channels/{id}/quota")
    @Operation(summary = "The quota's use in a year (public totals, no applicant)")
    public QuotaView quota(@PathVariable String id, @RequestParam int year) {
        requireYear(year);
        LegalChannel channel = channels.channel(id);
        var recorded = channel.quota(year);
        var ledger = channels.ledger();
        return ledger.status(id, year)
                .map(s -> {
                    boolean lottery = s.procedure() == org.orderly.regime.channel.AllocationProcedure.LOTTERY;
                    return new QuotaView(
                            id,
                            year,
                            s.places(),
                            s.procedure().name(),
                            s.granted(),
                            s.refused(),
                            s.remaining(),
                            s.closed(),
                            s.seedHash(),
                            s.seed(),
                            lottery ? ledger.tokens(id, year) : List.of(),
                            lottery && s.closed() ? ledger.grantedTokens(id, year) : List.of());
                })
                .orElseGet(() -> new QuotaView(
                        id,
                        year,
                        recorded.map(q -> q.places()).orElse(null),
                        recorded.map(q -> q.procedure().name()).orElse(null),
                        0,
                        0,
                        recorded.map(q -> q.places()).orElse(null),
                        false,
                        null,
                        null,
                        List.of(),
                        List.of()));
    }

    /** A request for a place: the application's reference (personal data) and the quota year. */
    public record AllocationRequest(String applicant, Integer year) {}

    /** A place granted; {@code already} when the applicant held it before (a repeated request). */
    public record AllocationView(
            long id,
            String channel,
            int year,
            int place,
            String applicant,
            String allocatedAt,
            String allocatedBy,
            boolean already) {
        static AllocationView of(QuotaLedger.Allocation a, boolean already) {
            return new AllocationView(
                    a.id(),
                    a.channelId(),
                    a.year(),
                    a.slot(),
                    a.applicant(),
                    a.at().toString(),
                    a.allocatedBy(),
                    already);
        }
    }

    @PostMapping("/channels/{id}/allocations")
    @Operation(
            summary =
                    "Grant a place of the channel's first-come quota (its destination's immigration authority): 201, or 409 with the reason")
    public ResponseEntity<AllocationView> allocate(
            @PathVariable String id,
            @RequestBody(required = false) AllocationRequest request,
            Authentication principal) {
        // Who may act is decided before what is asked is read: another state's authority learns nothing from its
        // errors.
        LegalChannel channel = channels.channel(id);
        String party = Roles.party(principal);
        if (!channel.destination().equals(party)) {
            throw new ForbiddenException(
                    "only " + channel.destination() + "'s immigration authority allocates the places of " + id
                            + (party == null ? "" : "; you act for " + party));
        }
        if (request == null)
            throw new IllegalArgumentException(
                    "the request body is missing: give {\"applicant\": \"…\", \"year\": 2027}");
        if (request.year() == null) throw new IllegalArgumentException("year is missing");
        requireYear(request.year());
        QuotaLedger.Outcome outcome = channels.allocate(
                id, request.year(), request.applicant(), new QuotaLedger.Actor(principal.getName(), party));
        if (outcome instanceof QuotaLedger.Refused r) throw new QuotaRefusedException(r);
        QuotaLedger.Granted g = (QuotaLedger.Granted) outcome; // the sealed Outcome's other case
        return ResponseEntity.status(g.already() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(AllocationView.of(g.allocation(), g.already()));
    }

    @GetMapping("/channels/{id}/allocations")
    @Operation(summary = "The places granted in a year, with the applicants (the destination's immigration authority)")
    public List<AllocationView> allocations(@PathVariable String id, @RequestParam int year, Authentication principal) {
        LegalChannel channel = channels.channel(id);
        if (!channel.destination().equals(Roles.party(principal))) {
            throw new ForbiddenException(
                    "only " + channel.destination() + "'s immigration authority reads the allocations of " + id);
        }
        requireYear(year);
        return channels.ledger().allocations(id, year).stream()
                .map(a -> AllocationView.of(a, false))
                .toList();
    }

    private static void requireYear(int year) {
        if (year < 1800 || year > 2199)
            throw new IllegalArgumentException("year " + year + " must lie within 1800 to 2199");
    }
}
