package org.orderly.travel.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.travel.requirement.TravelQueries;
import org.orderly.travel.requirement.TravelRules;
import org.orderly.travel.requirement.UnknownStateException;

/** The finder on the shipped reference data and the real ESCO files. */
class ChannelFinderTest {
    private static final Registry REGISTRY = ReferenceData.load();
    private static final LocalDate DATE = LocalDate.of(2026, 6, 1);
    private final Map<LocalDate, Rulebook> compiled = new HashMap<>();

    private ChannelFinder finder(QuotaUse use) {
        TravelQueries states = new TravelQueries(
                () -> REGISTRY, d -> TravelRules.compile(Rulebook.compile(REGISTRY, d)), java.time.Clock.systemUTC());
        return new ChannelFinder(
                states,
                d -> compiled.computeIfAbsent(d, x -> Rulebook.compile(REGISTRY, x)),
                () -> Optional.of(Esco.occupations()),
                use);
    }

    private static ChannelQuestion question(
            String passport,
            String destination,
            String occupation,
            String salary,
            String currency,
            String qualification,
            List<String> languages,
            String age,
            String jobOffer) {
        return ChannelQuestion.of(
                passport,
                destination,
                occupation,
                salary,
                currency,
                null,
                qualification,
                languages,
                age,
                null,
                jobOffer,
                null,
                DATE);
    }

    private static ChannelAnswer.Channel channel(ChannelAnswer answer, String id) {
        return answer.channels().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void aNigerianNurseAskingAboutGermanyGetsTheBlueCardAndTheSkilledWorkerRouteWithEachCriterion() {
        ChannelAnswer answer = finder(QuotaUse.NONE)
                .find(question("NGA", "DEU", "nurse", "52000", "EUR", "bachelor", List.of("de:B1"), "29", "yes"));
        assertThat(answer.occupation().isco()).isEqualTo("2221");
        assertThat(answer.occupation().label()).isEqualTo("Nursing professionals");
        assertThat(answer.channels())
                .extracting(ChannelAnswer.Channel::id)
                .contains("BLUE_CARD_DEU", "DEU_SKILLED_ACADEMIC")
                .doesNotContain("DEU_WESTERN_BALKANS")
                .allMatch(id -> !id.startsWith("BLUE_CARD_") || id.equals("BLUE_CARD_DEU"));
        ChannelAnswer.Channel blueCard = channel(answer, "BLUE_CARD_DEU");
        assertThat(blueCard.destination()).isEqualTo("DEU");
        assertThat(blueCard.instrument()).isEqualTo("EU_BLUE_CARD_DIRECTIVE");
        Map<String, String> status = new HashMap<>();
        blueCard.criteria().forEach(c -> status.put(c.criterion(), c.status()));
        assertThat(status)
                .containsEntry("nationality", "met")
                .containsEntry("job offer", "met")
                .containsEntry("salary floor", "met")
                .containsEntry("qualification", "met")
                .containsEntry("professional recognition", "unknown");
        assertThat(blueCard.verdict()).isEqualTo("could be eligible");
        assertThat(blueCard.verdictDetail()).isEqualTo("if these are met: professional recognition");
        assertThat(blueCard.quota().status()).isEqualTo("no numerical limit recorded");
        assertThat(blueCard.rights()).anyMatch(r -> r.statement().contains("equal treatment"));
        assertThat(blueCard.sources()).isNotEmpty().allMatch(s -> s.asOf() != null);
        // The criterion a figure backs that Orderly could not verify says so.
        assertThat(blueCard.criteria())
                .filteredOn(c -> c.criterion().equals("salary floor"))
                .singleElement()
                .satisfies(c -> assertThat(c.verified()).isFalse());
    }

    @Test
    void unknownIsNeverShownAsMet() {
        ChannelAnswer answer =
                finder(QuotaUse.NONE).find(question("NGA", null, null, null, null, null, List.of(), null, null));
        assertThat(answer.occupation()).isNull();
        assertThat(answer.channels()).hasSizeGreaterThan(20);
        for (ChannelAnswer.Channel c : answer.channels()) {
            for (ChannelAnswer.Criterion criterion : c.criteria()) {
                if (!criterion.criterion().equals("nationality")) {
                    assertThat(criterion.status())
                            .as(c.id() + " " + criterion.criterion())
                            .isNotEqualTo("met");
                }
            }
            assertThat(c.verdict()).as(c.id()).isNotEqualTo("eligible");
        }
    }

    @Test
    void acrossAllDestinationsOnlyChannelsOpenToTheNationalityAreAnsweredAndNotAnEuCitizensOwnFreeMovement() {
        ChannelFinder finder = finder(QuotaUse.NONE);
        List<String> serbian =
                finder.find(question("SRB", null, null, null, null, null, List.of(), null, null)).channels().stream()
                        .map(ChannelAnswer.Channel::id)
                        .toList();
        assertThat(serbian)
                .contains("DEU_WESTERN_BALKANS", "USA_H1B", "AUS_SKILLED_INDEPENDENT")
                .doesNotContain("GBR_INDIA_YOUNG_PROFESSIONALS");
        assertThat(finder.find(question("IND", null, null, null, null, null, List.of(), null, null))
                        .channels())
                .extracting(ChannelAnswer.Channel::id)
                .contains("GBR_INDIA_YOUNG_PROFESSIONALS")
                .doesNotContain("DEU_WESTERN_BALKANS");
        assertThat(finder.find(question("FRA", null, null, null, null, null, List.of(), null, null))
                        .channels())
                .extracting(ChannelAnswer.Channel::destination)
                .doesNotContain("DEU", "ITA")
                .contains("USA");
    }

    @Test
    void aCriterionNotMetMakesTheChannelNotEligibleAndTheQuotaShowsItsUse() {
        QuotaUse ledger = (channel, year) ->
                channel.equals("USA_H1B") && year == 2026 ? OptionalLong.of(65000) : OptionalLong.empty();
        ChannelAnswer answer = finder(ledger)
                .find(question("NGA", "USA", "software developer", null, null, "secondary", List.of(), "29", "yes"));
        ChannelAnswer.Channel h1b = channel(answer, "USA_H1B");
        assertThat(h1b.verdict()).isEqualTo("not eligible");
        assertThat(h1b.quota()).satisfies(q -> {
            assertThat(q.places()).isEqualTo(65000);
            assertThat(q.allocated()).isEqualTo(65000L);
            assertThat(q.remaining()).isZero();
            assertThat(q.status()).isEqualTo("exhausted");
            assertThat(q.procedure()).isEqualTo("lottery");
        });
        // Not eligible comes after the others.
        assertThat(answer.channels().get(answer.channels().size() - 1).verdict())
                .isEqualTo("not eligible");
    }

    @Test
    void badInputIsRefusedWithWhatAndWhere() {
        ChannelFinder finder = finder(QuotaUse.NONE);
        assertThatThrownBy(() -> question("NGA", null, null, "-5", "EUR", null, List.of(), null, null))
                .hasMessage("salary '-5' must not be negative");
        assertThatThrownBy(() -> question("NGA", null, null, "lots", "EUR", null, List.of(), null, null))
                .hasMessage("salary 'lots' is not a number");
        assertThatThrownBy(() -> question("NGA", null, null, "50000", "EUX", null, List.of(), null, null))
                .hasMessage("currency 'EUX' is not an ISO 4217 currency code (such as EUR, USD, GBP)");
        assertThatThrownBy(() -> question("NGA", null, null, null, null, null, List.of("de:B3"), null, null))
                .hasMessage("language level in 'de:B3' 'B3' is not a CEFR level [A1, A2, B1, B2, C1, C2]");
        assertThatThrownBy(() -> finder.find(question("Nigerya", null, null, null, null, null, List.of(), null, null)))
                .isInstanceOf(UnknownStateException.class)
                .hasMessageContaining("Nigeria (NGA)");
        assertThatThrownBy(() -> finder.find(question("NGA", null, "nurce", null, null, null, List.of(), null, null)))
                .isInstanceOf(UnknownOccupationException.class)
                .hasMessageContaining("did you mean")
                .hasMessageContaining("nurse");
    }

    @Test
    void theTravelAnswerForWorkAndTheFinderNameTheChannelsInOneOrderTheOneOpenedForTheNationalityFirst() {
        for (String passport : List.of("SRB", "ALB", "NGA", "IND")) {
            TravelRules rules = TravelRules.compile(Rulebook.compile(REGISTRY, DATE));
            var work = rules.requirement(passport, "DEU", org.orderly.regime.Purpose.WORK)
                    .orElseThrow();
            ChannelAnswer found = finder(QuotaUse.NONE)
                    .find(ChannelQuestion.of(
                            passport, "DEU", null, null, null, null, null, List.of(), null, null, null, null, DATE));
            assertThat(found.channels()).as(passport).isNotEmpty();
            List<ChannelAnswer.Channel> sameVerdict = found.channels().stream()
                    .filter(c -> c.verdict().equals(found.channels().get(0).verdict()))
                    .toList();
            assertThat(sameVerdict.get(0).instrument())
                    .as(passport + ": the answer rests on the first channel the finder names")
                    .isEqualTo(work.instrumentId());
        }
        assertThat(TravelRules.compile(Rulebook.compile(REGISTRY, DATE))
                        .requirement("SRB", "DEU", org.orderly.regime.Purpose.WORK)
                        .orElseThrow()
                        .instrumentId())
                .as("the Western Balkans regulation is opened for Serbia")
                .isNotEqualTo("EU_BLUE_CARD_DIRECTIVE");
    }
}
