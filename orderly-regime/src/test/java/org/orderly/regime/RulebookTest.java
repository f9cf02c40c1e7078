package org.orderly.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulebookTest {
    private static final Source SOURCE = new Source("test fixture", "RulebookTest", LocalDate.of(2026, 1, 1));
    private static final State AAA = state("AAA");
    private static final State BBB = state("BBB");
    private static final State CCC = state("CCC");
    private static final State DDD = state("DDD");

    private static State state(String code) {
        return new State(
                code,
                code.substring(0, 2),
                "999",
                "State " + code,
                "Region",
                "Sub-region",
                State.Standing.UN_MEMBER,
                SOURCE);
    }

    private static Instrument area(LocalDate inForce) {
        return new Instrument(
                "AREA",
                "Free movement area",
                Instrument.Kind.REGIONAL_AGREEMENT,
                Instrument.Level.REGIONAL,
                true,
                LocalDate.of(2000, 1, 1),
                inForce,
                Set.of(Pillar.LEGAL_MOVEMENT),
                SOURCE);
    }

    private static Participation member(String party, LocalDate since, LocalDate until) {
        return new Participation(party, "AREA", Participation.Status.RATIFIED, since, until, List.of(), SOURCE);
    }

    @Test
    void reciprocalCommitmentBindsEveryPairOfBoundPartiesButNotOthers() {
        Registry registry = new Registry(
                List.of(AAA, BBB, CCC, DDD),
                List.of(area(LocalDate.of(2001, 1, 1))),
                List.of(
                        member("AAA", LocalDate.of(2001, 1, 1), null),
                        member("BBB", LocalDate.of(2001, 1, 1), null),
                        member("CCC", LocalDate.of(2010, 1, 1), null)),
                List.of(new FreeMovement("AREA", Scope.reciprocal(), Term.OPEN, true, SOURCE)),
                List.of());

        Rulebook in2005 = Rulebook.compile(registry, LocalDate.of(2005, 6, 1));
        assertThat(in2005.first("AAA", "BBB", FreeMovement.class)).isPresent();
        assertThat(in2005.first("BBB", "AAA", FreeMovement.class)).isPresent();
        assertThat(in2005.between("AAA", "CCC")).as("CCC joins only in 2010").isEmpty();

        Rulebook in2015 = Rulebook.compile(registry, LocalDate.of(2015, 6, 1));
        assertThat(in2015.first("CCC", "AAA", FreeMovement.class)).isPresent();
        assertThat(in2015.between("AAA", "DDD")).isEmpty();
        assertThat(in2015.between("AAA", "AAA")).isEmpty();
    }

    @Test
    void nothingIsInForceBeforeTheInstrumentEntersIntoForce() {
        Registry registry = new Registry(
                List.of(AAA, BBB),
                List.of(area(LocalDate.of(2020, 1, 1))),
                List.of(member("AAA", LocalDate.of(2001, 1, 1), null), member("BBB", LocalDate.of(2001, 1, 1), null)),
                List.of(new FreeMovement("AREA", Scope.reciprocal(), Term.OPEN, true, SOURCE)),
                List.of());
        assertThat(Rulebook.compile(registry, LocalDate.of(2019, 12, 31)).between("AAA", "BBB"))
                .isEmpty();
        assertThat(Rulebook.compile(registry, LocalDate.of(2020, 1, 1)).between("AAA", "BBB"))
                .hasSize(1);
    }

    @Test
    void directedCommitmentFlowsFromBoundGrantorsToListedBeneficiariesOnly() {
        Registry registry = new Registry(
                List.of(AAA, BBB, CCC, DDD),
                List.of(area(LocalDate.of(2001, 1, 1))),
                List.of(
                        member("AAA", LocalDate.of(2001, 1, 1), null),
                        member("BBB", LocalDate.of(2001, 1, 1), LocalDate.of(2003, 1, 1))),
                List.of(new VisaWaiver(
                        "AREA",
                        Scope.directed(Set.of(Scope.PARTIES), Set.of("DDD")),
                        Term.OPEN,
                        90,
                        180,
                        null,
                        SOURCE)),
                List.of());
        Rulebook rulebook = Rulebook.compile(registry, LocalDate.of(2002, 1, 1));
        assertThat(rulebook.first("AAA", "DDD", VisaWaiver.class))
                .get()
                .extracting(VisaWaiver::stayDays)
                .isEqualTo(90);
        assertThat(rulebook.between("DDD", "AAA")).as("not reciprocal").isEmpty();
        assertThat(Rulebook.compile(registry, LocalDate.of(2004, 1, 1)).between("BBB", "DDD"))
                .as("BBB withdrew")
                .isEmpty();
    }

    @Test
    void refusesARegistryWithDanglingReferences() {
        assertThatThrownBy(() -> new Registry(
                        List.of(AAA),
                        List.of(),
                        List.of(),
                        List.of(new FreeMovement("NOWHERE", Scope.reciprocal(), Term.OPEN, true, SOURCE)),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown instrument NOWHERE");
    }

    @Test
    void refusesAVisaWaiverWhoseStayExceedsItsWindow() {
        assertThatThrownBy(() -> new VisaWaiver("AREA", Scope.reciprocal(), Term.OPEN, 200, 180, null, SOURCE))
                .hasMessageContaining("exceeds its window");
    }
}
