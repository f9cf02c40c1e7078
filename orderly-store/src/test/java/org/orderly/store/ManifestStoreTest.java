package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.exchange.sharing.RetentionSchedule;
import org.orderly.passengers.assessment.Finding;
import org.orderly.passengers.assessment.TravellerAssessment;
import org.orderly.store.passengers.ManifestStore;
import org.orderly.store.passengers.ManifestStore.Ingestion;
import org.springframework.jdbc.core.simple.JdbcClient;

class ManifestStoreTest {
    static final String PAXLST = """
            UNB+UNOA:4+CARRIER+GOV+260110:0900+7'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+XX100+++XX'LOC+125+CDG'DTM+189:2601101230:201'
            LOC+87+FRA'NAD+FL+++BERG:ANNA'DTM+329:700101'NAT+2+SWE'DOC+P:110:111+SE1234567'DTM+36:300101'LOC+91+SWE'
            NAD+FL+++CRASH:TEST'DTM+329:800101'CNT+42:2'UNT+14+1'UNZ+1+7'""";
    ManifestStore store;
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        jdbc.sql("truncate manifest, manifest_traveller, manifest_hit, manifest_rejected, manifest_transfer")
                .update();
        store = new ManifestStore(TestDatabase.get().dataSource());
    }

    private static List<TravellerAssessment> oneHit(org.orderly.passengers.manifest.Manifest m) {
        return List.of(new TravellerAssessment(
                "T1",
                "ANNA BERG",
                List.of(new Finding(Finding.Kind.WATCHLIST, "wanted #W1", 0.97, "listed as Anna Berg")),
                null));
    }

    @Test
    void aReSentMessageIsRecognisedNotDoubled() {
        byte[] raw = PAXLST.getBytes(StandardCharsets.US_ASCII);
        Instant at = Instant.parse("2026-01-10T09:00:00Z");
        Ingestion first = store.ingest(raw, "carrier-xx", "DEU", at, ManifestStoreTest::oneHit);
        assertThat(first).isInstanceOfSatisfying(Ingestion.Stored.class, s -> {
            assertThat(s.travellers()).isEqualTo(2);
            assertThat(s.travellersWithHits()).isEqualTo(1);
        });
        assertThat(store.ingest(raw, "carrier-xx", "DEU", at.plusSeconds(60), ManifestStoreTest::oneHit))
                .isEqualTo(new Ingestion.Duplicate(first.id()));
        assertThat(store.held("DEU")).hasSize(1);
        assertThat(store.held("FRA")).isEmpty();
        assertThat(store.travellers(first.id()))
                .extracting(ManifestStore.StoredTraveller::surname)
                .containsExactly("BERG", "CRASH");
        assertThat(store.hits(first.id()))
                .singleElement()
                .extracting(ManifestStore.StoredHit::reference)
                .isEqualTo("wanted #W1");
    }

    @Test
    void anUnreadableMessageIsKeptAsideWithTheReason() {
        byte[] raw = "UNB+UNOA:4+X'UNH+1+CUSRES:D:05B:UN'UNT+2+1'".getBytes(StandardCharsets.US_ASCII);
        Ingestion result = store.ingest(raw, "carrier-xx", "DEU", Instant.now(), m -> List.of());
        assertThat(result)
                .isInstanceOfSatisfying(
                        Ingestion.Rejected.class, r -> assertThat(r.reason()).contains("segment 2 (UNH)"));
        assertThat(store.rejected("carrier-xx", null))
                .singleElement()
                .extracting(ManifestStore.Rejected::reason)
                .asString()
                .contains("CUSRES");
        assertThat(store.held("DEU")).isEmpty();
        assertThat(store.ingest(raw, "carrier-xx", "DEU", Instant.now(), m -> List.of())
                        .id())
                .isEqualTo(result.id());
        assertThat(store.rejected("carrier-xx", null)).hasSize(1);
    }

    @Test
    void aFailureHalfWayThroughStoresNothing() {
        // A trigger fails the second traveller's row, after the message row and the first traveller were written.
        jdbc.sql("""
                create or replace function fail_on_crash() returns trigger as $$
                begin if new.surname = 'CRASH' then raise exception 'simulated crash'; end if; return new; end $$ language plpgsql""").update();
        jdbc.sql(
                        "create trigger fail_on_crash before insert on manifest_traveller for each row execute function fail_on_crash()")
                .update();
        try {
            byte[] raw = PAXLST.getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> store.ingest(raw, "carrier-xx", "DEU", Instant.now(), m -> List.of()))
                    .hasMessageContaining("simulated crash");
            assertThat(jdbc.sql("select count(*) from manifest")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from manifest_traveller")
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            jdbc.sql("drop trigger fail_on_crash on manifest_traveller").update();
        }
        // Sent again once the fault is gone, it is stored once.
        assertThat(store.ingest(
                        PAXLST.getBytes(StandardCharsets.US_ASCII), "carrier-xx", "DEU", Instant.now(), m -> List.of()))
                .isInstanceOf(Ingestion.Stored.class);
    }

    @Test
    void retentionMasksThenDeletesAndTheSubjectReportFindsOnlyWhatIsHeld() {
        Instant received = Instant.parse("2026-01-10T09:00:00Z");
        long id = store.ingest(
                        PAXLST.getBytes(StandardCharsets.US_ASCII),
                        "carrier-xx",
                        "DEU",
                        received,
                        ManifestStoreTest::oneHit)
                .id();
        assertThat(store.subject("berg", LocalDate.of(1970, 1, 1))).hasSize(1);
        long transfer = store.recordTransfer(id, "DEU", "FRA", "border_control", List.of("name"), "PACT", 10, received);
        RetentionSchedule schedule = new RetentionSchedule(30, 60);

        ManifestStore.RetentionRun early = store.applyRetention(schedule, received.plusSeconds(20L * 86400));
        assertThat(early.manifestsMasked()).isZero();
        assertThat(early.transfersMasked()).isEqualTo(1);
        assertThat(store.transfer(transfer).orElseThrow().maskedAt()).isNotNull();

        ManifestStore.RetentionRun masking = store.applyRetention(schedule, received.plusSeconds(31L * 86400));
        assertThat(masking.manifestsMasked()).isEqualTo(1);
        assertThat(store.travellers(id)).allSatisfy(t -> {
            assertThat(t.surname()).isNull();
            assertThat(t.birthDate()).isNull();
            assertThat(t.documentNumbers()).isNull();
        });
        assertThat(store.travellers(id).get(0).nationality()).isEqualTo("SWE");
        assertThat(store.hits(id))
                .singleElement()
                .satisfies(h -> assertThat(h.explanation()).isNull());
        assertThat(store.subject("berg", LocalDate.of(1970, 1, 1))).isEmpty();

        ManifestStore.RetentionRun deleting = store.applyRetention(schedule, received.plusSeconds(91L * 86400));
        assertThat(deleting.manifestsDeleted()).isEqualTo(1);
        assertThat(store.find(id)).isEmpty();
        assertThat(store.travellers(id)).isEmpty();
    }
}
