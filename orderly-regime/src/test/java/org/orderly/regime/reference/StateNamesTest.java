package org.orderly.regime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderly.regime.Registry;
import org.orderly.regime.State;

class StateNamesTest {
    private static Registry registry;
    private static StateNames names;

    @BeforeAll
    static void load() {
        registry = ReferenceData.load();
        names = StateNames.of(registry);
    }

    private static String resolved(String input) {
        StateNames.Resolution r = names.resolve(input);
        return r instanceof StateNames.Found f ? f.state().id() : "not found";
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "UK;GBR",
                "Britain;GBR",
                "GBR;GBR",
                "GB;GBR",
                "gb;GBR",
                "826;GBR",
                "united kingdom;GBR",
                "United Kingdom of Great Britain and Northern Ireland;GBR",
                "Côte d'Ivoire;CIV",
                "Cote d'Ivoire;CIV",
                "cote divoire;CIV",
                "Ivory Coast;CIV",
                "CI;CIV",
                "Nigeria;NGA",
                " nigeria ;NGA",
                "NGA;NGA",
                "Germany;DEU",
                "de;DEU",
                "The Gambia;GMB",
                "Viet Nam;VNM",
                "Vietnam;VNM",
                "Türkiye;TUR",
                "Turkey;TUR",
                "South Korea;KOR",
                "Republic of Korea;KOR",
                "Guinea-Bissau;GNB",
                "guinea bissau;GNB"
            })
    void acceptsCodesNamesAndAliases(String input, String expected) {
        assertThat(resolved(input)).isEqualTo(expected);
    }

    @Test
    void everyStateIsFoundByItsCodesAndByItsNameInAnyCase() {
        for (State s : registry.states()) {
            assertThat(resolved(s.id())).isEqualTo(s.id());
            assertThat(resolved(s.alpha2().toLowerCase(Locale.ROOT))).isEqualTo(s.id());
            assertThat(resolved(s.name().toUpperCase(Locale.ROOT))).as(s.name()).isEqualTo(s.id());
        }
    }

    static Stream<Long> seeds() {
        return new Random(20261201L).longs(20).boxed();
    }

    /** Mangling the spacing, case and punctuation of a name never changes the state it names. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spacingCaseAndPunctuationDoNotMatter(long seed) {
        Random random = new Random(seed);
        for (State s : registry.states()) {
            StringBuilder mangled = new StringBuilder();
            for (char c : s.name().toCharArray()) {
                if (c == ' ' && random.nextInt(3) == 0) continue;
                if (Character.isLetter(c) && random.nextBoolean())
                    c = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                mangled.append(c);
                if (random.nextInt(12) == 0) mangled.append(random.nextBoolean() ? '.' : '-');
            }
            assertThat(resolved(mangled.toString()))
                    .as("seed %d: '%s'", seed, mangled)
                    .isEqualTo(s.id());
        }
    }

    @Test
    void everyAliasCarriesASourceWithALink() {
        assertThat(names.aliases()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.source().title()).isNotBlank();
            assertThat(m.source().reference()).contains("https://");
        });
    }

    @Test
    void aMisspelledNameGetsSuggestionsNotAGuess() {
        StateNames.Resolution r = names.resolve("Nigera");
        assertThat(r).isInstanceOf(StateNames.NotFound.class);
        assertThat(((StateNames.NotFound) r).suggestions())
                .extracting(State::id)
                .startsWith("NGA")
                .contains("NER");
        assertThat(((StateNames.NotFound) names.resolve("Korea")).suggestions())
                .extracting(State::id)
                .contains("KOR", "PRK");
        assertThat(((StateNames.NotFound) names.resolve("Palestine")).suggestions())
                .extracting(State::id)
                .containsExactly("PSE");
        assertThat(((StateNames.NotFound) names.resolve("Qqqqqqqq")).suggestions())
                .isEmpty();
        assertThat(((StateNames.NotFound) names.resolve("ZZZ")).suggestions()).doesNotContainNull();
    }

    @Test
    void refusesAnAliasForAnUnknownStateWithFileAndLine() {
        String text = "alias,state,source_title,source_reference,as_of\nAtlantis,ATL,Plato,Timaeus 24e,2020-01-01\n";
        assertThatThrownBy(() -> StateNames.of(registry, text))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("state-aliases.csv")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'ATL'");
    }

    @Test
    void refusesAnAliasThatWouldNameTwoStates() {
        String text = "alias,state,source_title,source_reference,as_of\nGermany,FRA,Nobody,none,2020-01-01\n";
        assertThatThrownBy(() -> StateNames.of(registry, text))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("both DEU and FRA");
    }

    @Test
    void distanceCountsEdits() {
        assertThat(StateNames.distance("nigera", "nigeria")).isEqualTo(1);
        assertThat(StateNames.distance("", "abc")).isEqualTo(3);
        assertThat(StateNames.distance("kitten", "sitting")).isEqualTo(3);
    }
}
