package org.orderly.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.watchlist.DocumentEntry;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.Watchlist;
import org.orderly.screening.watchlist.WatchlistCsv;
import org.orderly.testing.SharedData;

class ScreenerTest {
    private final Screener screener = new Screener(List.of(new Watchlist(
            "wanted",
            List.of(
                    new PersonEntry("1", "Muhammad Yusuf Khalil", List.of("Abu Yusuf"), null, "EGY"),
                    new PersonEntry("2", "Jean-Marie Runiga", List.of(), null, null),
                    new PersonEntry("3", "Patricia Wheeler", List.of(), null, null)),
            List.of(new DocumentEntry("d1", "X12-345<67", "NLD", "stolen")))));

    @Test
    void findsListedPersonUnderAnotherSpellingWithExplanation() {
        List<Hit> hits = screener.screen(PersonDetails.named("KHALIL, Mohamed Yousef"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).entry().id()).isEqualTo("1");
        assertThat(hits.get(0).matchedFields()).contains("name");
        assertThat(hits.get(0).explanation().matches()).hasSize(3);
    }

    @Test
    void returnsNoHitForUnlistedPerson() {
        assertThat(screener.screen(PersonDetails.named("Hannah Lynn Smith"))).isEmpty();
    }

    @Test
    void indexFindsWhatExhaustiveScoringFinds() {
        PersonDetails query = PersonDetails.named("Jean Marie Runiga");
        assertThat(screener.screen(query))
                .extracting(h -> h.entry().id())
                .isEqualTo(screener.screenExhaustively(query).stream()
                        .map(h -> h.entry().id())
                        .toList());
    }

    @Test
    void reportsListedNamesWithoutReadableLettersInsteadOfLeavingThemOut() {
        Screener withSymbols = new Screener(List.of(new Watchlist(
                "symbols",
                List.of(
                        new PersonEntry("7", "— ? —", List.of("Ana Lopez", "***"), null, null),
                        new PersonEntry("8", "Ana Lopez", List.of(), null, null)),
                List.of())));
        assertThat(withSymbols.unreadableNames())
                .containsExactly(
                        new Screener.UnreadableName("symbols", "7", "— ? —"),
                        new Screener.UnreadableName("symbols", "7", "***"));
        assertThat(withSymbols.screen(PersonDetails.named("Ana Lopez")))
                .extracting(h -> h.entry().id())
                .containsExactlyInAnyOrder("7", "8");
    }

    @Test
    void findsDocumentByNormalisedNumberAndState() {
        assertThat(screener.screenDocument("x1234567", "nld")).hasSize(1);
        assertThat(screener.screenDocument("X1234567", "DEU")).isEmpty();
        assertThat(screener.screenDocument("X12345G7", null)).isEmpty();
    }

    @Test
    void developmentSetReachesF1Floor() {
        Path directory = SharedData.file("screening/positives_un_untreated.csv").getParent();
        Watchlist un = WatchlistCsv.load(directory.resolve("positives_un_untreated.csv"));
        List<PersonEntry> treated =
                WatchlistCsv.load(directory.resolve("positives_un_treated.csv")).persons();
        List<PersonEntry> negatives =
                WatchlistCsv.load(directory.resolve("negatives_global.csv")).persons();
        Screener dev = new Screener(List.of(un));
        NameComparator comparator = dev.comparator();
        int truePositives = 0;
        for (int i = 0; i < treated.size(); i++) {
            PersonEntry t = treated.get(i);
            PersonEntry u = un.persons().get(i);
            if (comparator
                    .compare(
                            new PersonDetails(t.name(), t.birthDate(), t.nationality()),
                            new PersonDetails(u.name(), u.birthDate(), u.nationality()))
                    .match()) {
                truePositives++;
            }
        }
        int falsePositives = 0;
        for (PersonEntry n : negatives) {
            if (!dev.screen(new PersonDetails(n.name(), n.birthDate(), n.nationality()))
                    .isEmpty()) {
                falsePositives++;
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) treated.size();
        assertThat(2 * precision * recall / (precision + recall)).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void aShortNameFoundInOrderCountsOnlyWithAPartThatIsNotCommonOnTheList() {
        // 60 listed persons called Mohammad or Ahmad: on this list those two parts say little about who is meant.
        List<PersonEntry> persons = new java.util.ArrayList<>();
        String[] others = {"Barzani", "Qureshi", "Haddad", "Nasser", "Tahir", "Farouk"};
        for (int i = 0; i < 60; i++) {
            String other = others[i % others.length] + (char) ('a' + i / others.length);
            persons.add(new PersonEntry(
                    "c" + i, i % 2 == 0 ? "Mohammad " + other : other + " Ahmad", List.of(), null, null));
        }
        persons.add(new PersonEntry("long", "Mohammad Abdullah Hassan Ahmad", List.of(), null, null));
        persons.add(new PersonEntry("rare", "Ahmad Mahmoud Hassan Karimi", List.of(), null, null));
        Screener common = new Screener(List.of(new Watchlist("common", persons, List.of())));
        assertThat(common.screen(PersonDetails.named("Mohammad Ahmad")))
                .extracting(h -> h.entry().id())
                .doesNotContain("long");
        assertThat(common.screen(PersonDetails.named("Ahmad Karimi")))
                .extracting(h -> h.entry().id())
                .contains("rare");
        // Compared on their own, with no list, the same names are found in order.
        assertThat(new NameComparator()
                        .compare("Mohammad Ahmad", "Mohammad Abdullah Hassan Ahmad")
                        .match())
                .isTrue();
    }

    @Test
    void twoLettersWrongCountOnlyWhereAnAgreeingPartIsNotCommonOnTheList() {
        List<PersonEntry> persons = new java.util.ArrayList<>();
        String[] others = {"Barzani", "Qureshi", "Haddad", "Nasser", "Tahir", "Farouk"};
        for (int i = 0; i < 30; i++) {
            persons.add(new PersonEntry(
                    "c" + i, "Mohammad " + others[i % others.length] + (char) ('a' + i / 6), List.of(), null, null));
        }
        persons.add(new PersonEntry("common", "Mohammad Hadley", List.of(), null, null));
        persons.add(new PersonEntry("rare", "Jonas Kessler", List.of(), null, null));
        Screener screener = new Screener(List.of(new Watchlist("common", persons, List.of())));
        assertThat(screener.screen(PersonDetails.named("Mohammad Harvey")))
                .extracting(h -> h.entry().id())
                .doesNotContain("common");
        assertThat(screener.screen(PersonDetails.named("Jonas Kassner")))
                .extracting(h -> h.entry().id())
                .contains("rare");
        assertThat(new NameComparator()
                        .compare("Mohammad Harvey", "Mohammad Hadley")
                        .match())
                .as("no list")
                .isTrue();
    }
}
