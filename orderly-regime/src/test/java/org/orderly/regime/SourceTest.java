package org.orderly.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.orderly.regime.reference.ReferenceData;

class SourceTest {
    private static Source source(String reference) {
        return new Source("t", reference, LocalDate.of(2025, 1, 1));
    }

    @Test
    void findsTheFirstWebAddressWithoutTrailingPunctuation() {
        assertThat(source("ILO NORMLEX, C097: adopted 1949, https://normlex.ilo.org/")
                        .url())
                .contains("https://normlex.ilo.org/");
        assertThat(source("entry DZ, https://www.iso.org/obp/ui/#iso:code:3166:DZ; UN M49, https://unstats.un.org/")
                        .url())
                .contains("https://www.iso.org/obp/ui/#iso:code:3166:DZ");
        assertThat(source("see https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:42000A0922(02).")
                        .url())
                .contains("https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:42000A0922(02)");
        assertThat(source("(at https://example.org/a)").url()).contains("https://example.org/a");
        assertThat(source("United Nations Treaty Series vol. 189, p. 137").url())
                .isEmpty();
    }

    @Test
    void everyShippedStateWithAnIsoEntryLinksToIt() {
        // Kosovo (XKX) has no ISO 3166-1 entry, so its source has no address to link.
        assertThat(ReferenceData.load().states().stream().filter(s -> !s.id().equals("XKX")))
                .allSatisfy(s -> assertThat(s.source().url()).get().asString().startsWith("https://www.iso.org/"));
    }
}
