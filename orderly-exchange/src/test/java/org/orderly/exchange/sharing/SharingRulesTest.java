package org.orderly.exchange.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.regime.DataSharing;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;

class SharingRulesTest {
    private static final Source SOURCE = new Source("test fixture", "SharingRulesTest", LocalDate.of(2026, 1, 1));

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

    /** AAA sends API data to BBB for border control (names, birth date, document), kept 30 days; nothing to CCC; nothing back. */
    private static Rulebook rulebook(LocalDate on) {
        Instrument pact = new Instrument(
                "PACT",
                "API pact",
                Instrument.Kind.BILATERAL_AGREEMENT,
                Instrument.Level.BILATERAL,
                true,
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 1, 1),
                Set.of(Pillar.SECURITY),
                SOURCE);
        Registry registry = new Registry(
                List.of(state("AAA"), state("BBB"), state("CCC")),
                List.of(pact),
                List.of(
                        new Participation(
                                "AAA",
                                "PACT",
                                Participation.Status.RATIFIED,
                                LocalDate.of(2021, 1, 1),
                                null,
                                List.of(),
                                SOURCE),
                        new Participation(
                                "BBB",
                                "PACT",
                                Participation.Status.RATIFIED,
                                LocalDate.of(2021, 1, 1),
                                null,
                                List.of(),
                                SOURCE)),
                List.of(new DataSharing(
                        "PACT",
                        Scope.directed(Set.of("AAA"), Set.of("BBB")),
                        Term.OPEN,
                        "API",
                        Set.of("border_control"),
                        Set.of("name", "birth_date", "document_number"),
                        30,
                        SOURCE)),
                List.of());
        return Rulebook.compile(registry, on);
    }

    private static TransferRequest request(String from, String to, String dataset, String purpose, String... fields) {
        return new TransferRequest(from, to, dataset, purpose, Set.of(fields));
    }

    @Test
    void allowsOnlyTheCoveredFieldsAndNamesThoseRemoved() {
        TransferDecision d = SharingRules.decide(
                rulebook(LocalDate.of(2026, 1, 1)),
                request("AAA", "BBB", "API", "border_control", "name", "birth_date", "payment"));
        assertThat(d).isInstanceOfSatisfying(TransferDecision.Allowed.class, a -> {
            assertThat(a.fields()).containsExactlyInAnyOrder("name", "birth_date");
            assertThat(a.removed()).containsExactly("payment");
            assertThat(a.retentionDays()).isEqualTo(30);
            assertThat(a.instrumentId()).isEqualTo("PACT");
        });
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("name", "ANNA BERG");
        record.put("payment", "CC");
        record.put("birth_date", "1970-01-01");
        assertThat(SharingRules.filter(record, ((TransferDecision.Allowed) d).fields()))
                .containsOnlyKeys("name", "birth_date");
    }

    @Test
    void refusesWithTheReason() {
        Rulebook now = rulebook(LocalDate.of(2026, 1, 1));
        assertThat(SharingRules.decide(now, request("AAA", "CCC", "API", "border_control", "name"))
                        .explanation())
                .isEqualTo("no DataSharing commitment in force on 2026-01-01 lets AAA pass API to CCC");
        assertThat(SharingRules.decide(now, request("BBB", "AAA", "API", "border_control", "name")))
                .as("the commitment is directed: BBB owes AAA nothing")
                .isInstanceOf(TransferDecision.Refused.class);
        assertThat(SharingRules.decide(now, request("AAA", "BBB", "PNR", "border_control", "name")))
                .isInstanceOf(TransferDecision.Refused.class);
        assertThat(SharingRules.decide(now, request("AAA", "BBB", "API", "marketing", "name"))
                        .explanation())
                .isEqualTo("the commitments in force cover API from AAA to BBB for border_control, not for marketing");
        assertThat(SharingRules.decide(now, request("AAA", "BBB", "API", "border_control", "payment"))
                        .explanation())
                .contains("none of those asked for");
        assertThat(SharingRules.decide(
                        rulebook(LocalDate.of(2020, 6, 1)), request("AAA", "BBB", "API", "border_control", "name")))
                .as("before entry into force")
                .isInstanceOf(TransferDecision.Refused.class);
    }

    @Test
    void retentionMasksThenDeletes() {
        RetentionSchedule schedule = new RetentionSchedule(30, 60);
        Instant received = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(schedule.stage(received, Instant.parse("2026-01-30T23:59:59Z")))
                .isEqualTo(RetentionSchedule.Stage.HELD);
        assertThat(schedule.stage(received, Instant.parse("2026-01-31T00:00:00Z")))
                .isEqualTo(RetentionSchedule.Stage.MASK);
        assertThat(schedule.stage(received, Instant.parse("2026-04-01T00:00:00Z")))
                .isEqualTo(RetentionSchedule.Stage.DELETE);
    }
}
