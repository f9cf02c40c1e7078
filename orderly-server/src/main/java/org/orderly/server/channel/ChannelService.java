package org.orderly.server.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Instrument;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;
import org.orderly.regime.channel.Quota;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.RegistryStore;
import org.orderly.store.channel.QuotaLedger;
import org.orderly.travel.channel.ChannelFinder;
import org.orderly.travel.channel.occupation.EscoOccupations;
import org.orderly.travel.requirement.TravelQueries;

/**
 * Legal channels for the API, the pages and the command line: the finder over the current registry, the ESCO
 * occupations and the quota ledgers; channels as the JSON that defines them; a channel defined by the secretariat; and
 * first-come allocations, each against the quota the channel records for the year.
 */
public final class ChannelService {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final RegimeService regime;
    private final QuotaLedger ledger;
    private final Path occupationsFolder;
    private final ChannelFinder finder;
    private final TravelQueries states;
    private volatile Optional<EscoOccupations> occupations;

    /**
     * @param occupationsFolder where the ESCO files are (shared data's {@code occupations}); null when there is none
     */
    public ChannelService(RegimeService regime, QuotaLedger ledger, Path occupationsFolder) {
        this.regime = regime;
        this.ledger = ledger;
        this.occupationsFolder = occupationsFolder;
        this.states = new TravelQueries(regime::registry, regime::travelRules, regime.clock());
        this.finder = new ChannelFinder(states, regime::rulebook, this::occupations, ledger::allocated);
    }

    /** The one finder the page, the API and the command line ask. */
    public ChannelFinder finder() {
        return finder;
    }

    public QuotaLedger ledger() {
        return ledger;
    }

    /** The ESCO occupations, read once when first needed; empty when the files are not there. */
    public Optional<EscoOccupations> occupations() {
        Optional<EscoOccupations> held = occupations;
        if (held == null) {
            synchronized (this) {
                if (occupations == null) {
                    occupations = occupationsFolder != null
                                    && Files.isRegularFile(occupationsFolder.resolve(EscoOccupations.OCCUPATIONS_FILE))
                            ? Optional.of(EscoOccupations.read(occupationsFolder))
                            : Optional.empty();
                }
                held = occupations;
            }
        }
        return held;
    }

    /** Every legal channel in the registry. */
    public List<LegalChannel> channels() {
        return channels(regime.registry());
    }

    static List<LegalChannel> channels(Registry registry) {
        return registry.commitments().stream()
                .filter(LegalChannel.class::isInstance)
                .map(LegalChannel.class::cast)
                .toList();
    }

    /** The channel with this id. @throws NoSuchElementException when there is none */
    public LegalChannel channel(String id) {
        return channels().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no legal channel '" + id + "'"));
    }

    /**
     * Grants a place of the channel's first-come quota for {@code year}, or says why not: the quota the channel records
     * for the year (a refusal {@code NO_QUOTA} when it records none).
     */
    public QuotaLedger.Outcome allocate(String channelId, int year, String applicant, QuotaLedger.Actor actor) {
        LegalChannel channel = channel(channelId);
        Optional<Quota> quota = channel.quota(year);
        if (quota.isEmpty()) {
            return new QuotaLedger.Refused(
                    applicant, "NO_QUOTA", "channel " + channelId + " records no quota for " + year);
        }
        return ledger.allocate(
                channelId, year, quota.get().places(), quota.get().procedure(), applicant, actor);
    }

    /**
     * Records a channel the secretariat defines, as a commitment built by the one builder. Without an instrument the
     * channel is the destination's own policy: an instrument of national law with the channel's id, in force from today,
     * binding the destination. Re-sending the same id replaces it.
     */
    public LegalChannel define(ChannelDocument document, String principal) {
        if (document == null)
            throw new IllegalArgumentException(
                    "the request body is missing: give at least id, title, destination, purpose and annualQuota");
        String id = required("id", document.id());
        if (!IDENTIFIER.matcher(id).matches())
            throw new IllegalArgumentException(
                    "id '" + id + "' must be upper-case letters, digits and '_', starting with a letter");
        Registry registry = regime.registry();
        String destination = states.stateCode("destination", required("destination", document.destination()));
        LocalDate today = regime.today();
        Source source = document.source() != null
                ? document.source().toSource()
                : new Source("Recorded by the secretariat", "POST /api/v1/channels by " + principal, today);
        Set<String> eligible = new LinkedHashSet<>();
        for (String code : document.eligible() == null || document.eligible().isEmpty()
                ? List.of(Scope.ANY)
                : document.eligible()) {
            eligible.add(
                    Scope.ANY.equals(code) || Scope.PARTIES.equals(code) ? code : states.stateCode("eligible", code));
        }
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("channel", id);
        terms.put("title", required("title", document.title()));
        terms.put("purpose", required("purpose", document.purpose()));
        if (document.occupations() != null && !document.occupations().isEmpty())
            terms.put("occupations", String.join("|", document.occupations()));
        if (document.decision() != null) terms.put("decision", document.decision());
        if (document.applyAt() != null) terms.put("apply_at", document.applyAt());
        if (document.verified() != null)
            terms.put("verified", document.verified().toString());
        if (document.annualQuota() != null)
            terms.put("annual_quota", document.annualQuota().toString());
        if (document.procedure() != null) terms.put("procedure", document.procedure());
        if (document.facts() != null && !document.facts().isEmpty())
            terms.put("facts", ChannelDocument.facts(document.facts(), source).write());
        Instrument instrument;
        List<Participation> participations = new ArrayList<>();
        if (document.instrument() == null || document.instrument().isBlank()) {
            if (registry.party(id).isPresent())
                throw new IllegalArgumentException("id '" + id + "' is already a party id");
            instrument = registry.instrument(id)
                    .orElse(new Instrument(
                            id,
                            document.title(),
                            Instrument.Kind.NATIONAL_LAW,
                            Instrument.Level.NATIONAL,
                            true,
                            today,
                            today,
                            Set.of(Pillar.LEGAL_MOVEMENT),
                            source));
            participations.add(new Participation(
                    destination, id, Participation.Status.MEMBER, instrument.inForce(), null, List.of(), source));
        } else {
            instrument = registry.instrument(document.instrument())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "instrument '" + document.instrument() + "' is not in the registry"));
        }
        Commitment channel = CommitmentTerms.toCommitment(
                Commitment.Kind.LEGAL_CHANNEL,
                instrument.id(),
                Scope.directed(Set.of(destination), eligible),
                new Term(document.from(), document.until()),
                terms,
                source);
        // One origin per channel: sending the channel again replaces it, and no other channel under the instrument.
        regime.store()
                .saveInstrument(
                        instrument, List.of(channel), participations, RegistryStore.SECRETARIAT + "-channel:" + id);
        regime.reload();
        return channel(id);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is missing");
        return value.strip();
    }
}
