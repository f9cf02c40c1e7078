package org.orderly.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one dispatch over scopes, and what the commitments built on it answer through it. */
class ScopeTest {
    private static final Source SOURCE = new Source("Concluded deal", "DEAL", LocalDate.of(2026, 1, 1));

    @Test
    void matchHandsEachKindOfScopeToItsOwnFunction() {
        Scope reciprocal = Scope.reciprocal();
        Scope directed = Scope.directed(Set.of("DEU", Scope.PARTIES), Set.of("MAR"));
        assertThat(reciprocal.<Object>match(r -> r, d -> "directed")).isSameAs(reciprocal);
        assertThat(directed.<Object>match(r -> "reciprocal", d -> d)).isSameAs(directed);
        assertThat(reciprocal.isReciprocal()).isTrue();
        assertThat(directed.isReciprocal()).isFalse();
    }

    @Test
    void aLegalChannelAnswersFromItsDirectedScopeAndRefusesAReciprocalOne() {
        LegalChannel channel = (LegalChannel) CommitmentTerms.toCommitment(
                Commitment.Kind.LEGAL_CHANNEL,
                "DEAL",
                Scope.directed(Set.of("DEU"), Set.of("MAR", "TUN")),
                Term.OPEN,
                Map.of("annual_quota", "100"),
                SOURCE);
        assertThat(channel.destination()).isEqualTo("DEU");
        assertThat(channel.eligible()).containsExactlyInAnyOrder("MAR", "TUN");
        assertThat(channel.anyNationality()).isFalse();
        for (Scope scope : List.of(Scope.reciprocal(), Scope.directed(Set.of(Scope.PARTIES), Set.of("MAR")))) {
            assertThatThrownBy(() -> CommitmentTerms.toCommitment(
                            Commitment.Kind.LEGAL_CHANNEL, "DEAL", scope, Term.OPEN, Map.of(), SOURCE))
                    .as(scope.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a legal channel has one destination: its one named grantor");
        }
    }

    @Test
    void freeMovementNotYetExtendedMustNameTheStatesItDoesNotReach() {
        assertThatThrownBy(() -> new FreeMovement("DEAL", Scope.reciprocal(), Term.OPEN, false, false, SOURCE))
                .hasMessage(
                        "free movement not yet extended names the states it does not reach: give grantors and beneficiaries");
        assertThat(new FreeMovement("DEAL", Scope.bilateral("DEU", "MAR"), Term.OPEN, false, false, SOURCE).extended())
                .isFalse();
    }
}
