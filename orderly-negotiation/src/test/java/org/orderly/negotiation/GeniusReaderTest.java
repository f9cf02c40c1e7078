package org.orderly.negotiation;

import org.junit.jupiter.api.Test;
import org.orderly.negotiation.format.GeniusReader;
import org.orderly.negotiation.format.NegotiationFormatException;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.Enumeration;
import org.orderly.negotiation.solver.Objective;
import org.orderly.negotiation.solver.Outcome;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeniusReaderTest {
    private static Path file(String name) {
        try {
            return Path.of(GeniusReaderTest.class.getResource("/genius/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsDomainAndProfilesWithGeniusNormalisation() {
        Table table = GeniusReader.read(file("holiday-domain.xml"), List.of(file("holiday-ana.xml"), file("holiday-ben.xml")));
        assertThat(table.negotiation().parties()).containsExactly("holiday-ana", "holiday-ben");
        assertThat(table.negotiation().issues()).extracting(Issue::id).containsExactly("Destination", "Length", "Lodging");
        Deal deal = new Deal(Map.of("Destination", "Coast", "Length", "Week", "Lodging", "Tent"));
        double expected = 0.5 * 10 / 10 + 0.3 * 5 / 8 + 0.2 * 3 / 6;
        assertThat((double) table.utility("holiday-ana", deal) / table.pointsPerUnit()).isCloseTo(expected, within(3e-6));
        assertThat(table.valuation("holiday-ben").reservation()).isEqualTo(300_000);
    }

    @Test
    void solvesGeniusDomainsLikeEnumeration() {
        Table table = GeniusReader.read(file("holiday-domain.xml"), List.of(file("holiday-ana.xml"), file("holiday-ben.xml")));
        for (Objective objective : Objective.values()) {
            Outcome.Proposal engine = (Outcome.Proposal) new DealSolver().propose(table, objective);
            Outcome.Proposal baseline = (Outcome.Proposal) Enumeration.propose(table, objective);
            assertThat(engine.value()).isCloseTo(baseline.value(), within(1e-6 * Math.abs(baseline.value()) + 1e-9));
        }
        assertThat(new DealSolver().paretoFrontier(table, false, 1000).size()).isEqualTo(Enumeration.paretoFrontier(table, false).size());
    }

    @Test
    void rejectsProfileNamingAnUnknownIssueWithFileAndElement() {
        assertThatThrownBy(() -> GeniusReader.read(file("holiday-domain.xml"), List.of(file("holiday-ana.xml"), file("holiday-unknown-issue.xml"))))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageContaining("holiday-unknown-issue.xml")
                .hasMessageContaining("<issue name=\"Transport\" index=\"3\">")
                .hasMessageContaining("which the domain does not have");
    }

    @Test
    void rejectsWeightsThatDoNotSumToOne() {
        assertThatThrownBy(() -> GeniusReader.read(file("holiday-domain.xml"), List.of(file("holiday-ana.xml"), file("holiday-bad-weights.xml"))))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageContaining("holiday-bad-weights.xml")
                .hasMessageContaining("<weight>")
                .hasMessageContaining("not 1");
    }

    @Test
    void rejectsAProfileMissingAnEvaluation() {
        assertThatThrownBy(() -> GeniusReader.read(file("holiday-domain.xml"), List.of(file("holiday-ana.xml"), file("holiday-missing-evaluation.xml"))))
                .isInstanceOf(NegotiationFormatException.class)
                .hasMessageContaining("holiday-missing-evaluation.xml")
                .hasMessageContaining("<issue name=\"Destination\" index=\"1\">")
                .hasMessageContaining("no evaluation for item City");
    }
}
