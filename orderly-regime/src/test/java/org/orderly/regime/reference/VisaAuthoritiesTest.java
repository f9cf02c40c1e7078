package org.orderly.regime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.VisaAuthority;

class VisaAuthoritiesTest {
    private static final String HEADER =
            "instrument,destinations,nationalities,from,until,purposes,categories,decision,apply_at,source_title,source_reference,as_of\n";

    @Test
    void shippedAuthoritiesNameInstrumentsOfTheReferenceDataAndLinkTheirSource() {
        Registry registry = ReferenceData.load();
        List<VisaAuthority> authorities = VisaAuthorities.load();
        assertThat(authorities).isNotEmpty().allSatisfy(a -> {
            assertThat(registry.instrument(a.instrumentId())).isPresent();
            assertThat(a.source().reference()).startsWith("https://");
        });
    }

    @Test
    void theSchengenShortStayVisaIsDecidedUnderTheVisaCode() {
        VisaAuthority shortStay = VisaAuthorities.load().stream()
                .filter(a ->
                        a.instrumentId().equals("SCHENGEN") && a.decides(Purpose.TOURISM, TravelCategory.VISA_REQUIRED))
                .findFirst()
                .orElseThrow();
        assertThat(shortStay.decision()).contains("Schengen short-stay visa").contains("Visa Code");
        assertThat(shortStay.applyAt()).contains("consulate").contains("main destination");
        assertThat(shortStay.source().reference()).contains("eur-lex.europa.eu/eli/reg/2009/810");
    }

    @Test
    void refusesAnUnknownPurposeWithFileAndLine() {
        String text = HEADER + "SCHENGEN,,,,,HOLIDAY,VISA_REQUIRED,a visa,a consulate,t,r,2020-01-01\n";
        assertThatThrownBy(() -> VisaAuthorities.read(text))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("visa-authorities.csv")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'HOLIDAY'");
    }

    @Test
    void refusesARowWithoutCategories() {
        String text = HEADER + "SCHENGEN,,,,,TOURISM,,a visa,a consulate,t,r,2020-01-01\n";
        assertThatThrownBy(() -> VisaAuthorities.read(text))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("categories is empty");
    }
}
