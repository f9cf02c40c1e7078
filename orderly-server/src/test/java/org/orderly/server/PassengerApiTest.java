package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Passenger data through every endpoint: carriers send, the holding state reads, a transfer goes only where a
 * DataSharing commitment in force allows it (fields not allowed removed), and a state without an agreement reads
 * none of another state's passenger data anywhere.
 */
@TestPropertySource(
        properties = {
            "orderly.users[0].name=secretariat",
            "orderly.users[0].password={noop}s",
            "orderly.users[0].roles=SECRETARIAT",
            "orderly.users[1].name=carrier-xx",
            "orderly.users[1].password={noop}c",
            "orderly.users[1].roles=CARRIER",
            "orderly.users[2].name=deu-officer",
            "orderly.users[2].password={noop}d",
            "orderly.users[2].party=DEU",
            "orderly.users[2].roles=BORDER",
            "orderly.users[3].name=fra-officer",
            "orderly.users[3].password={noop}f",
            "orderly.users[3].party=FRA",
            "orderly.users[3].roles=BORDER",
            "orderly.users[4].name=usa-officer",
            "orderly.users[4].password={noop}u",
            "orderly.users[4].party=USA",
            "orderly.users[4].roles=BORDER",
            "orderly.users[5].name=deu-negotiator",
            "orderly.users[5].password={noop}n",
            "orderly.users[5].party=DEU",
            "orderly.users[5].roles=NEGOTIATOR"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PassengerApiTest extends ServerTest {
    @Autowired
    DataSource dataSource;

    static final String PAXLST =
            "UNA:+.? 'UNB+UNOA:4+CARRIERXX+DEUAPI+260110:0900+41'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'"
                    + "TDT+20+XX100+++XX'LOC+125+CDG'DTM+189:2601101230:201'LOC+87+FRA'DTM+232:2601101400:201'"
                    + "NAD+FL+++BERGSTROM:ANNIKA'ATT+2++F'DTM+329:700101'NAT+2+SWE'DOC+P:110:111+SE1234567'DTM+36:300101'LOC+91+SWE'"
                    + "NAD+FL+++OKONKWO:CHIDI'DTM+329:851224'NAT+2+NGA'CNT+42:2'UNT+20+1'UNZ+1+41'";

    static long manifest;

    private Response postMessage(String body, String user, String password) {
        return post("/api/v1/manifests?destination=DEU", "application/edifact", body, user, password);
    }

    @Test
    @Order(1)
    void aCarrierSendsOnceAndAReSentMessageIsNotDoubled() {
        assertThat(postMessage(PAXLST, null, null).status()).isEqualTo(401);
        assertThat(postMessage(PAXLST, "deu-officer", "d").status()).isEqualTo(403);
        Response first = postMessage(PAXLST, "carrier-xx", "c");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        manifest = first.json().get("id").asLong();
        assertThat(first.json().get("travellers").asInt()).isEqualTo(2);
        Response again = postMessage(PAXLST, "carrier-xx", "c");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(manifest);
        assertThat(get("/api/v1/manifests", "deu-officer", "d").json().size()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anUnreadableMessageIsKeptAsideWithTheReason() {
        Response refused = postMessage("UNB+UNOA:4+X'UNH+1+CUSRES:D:05B:UN'UNT+2+1'", "carrier-xx", "c");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("segment 2 (UNH)");
        assertThat(get("/api/v1/manifests/rejected", "carrier-xx", "c").body()).contains("CUSRES");
        assertThat(postMessage(PAXLST, "carrier-xx", "c").json().get("id").asLong())
                .isEqualTo(manifest);
        assertThat(post("/api/v1/manifests?destination=ZZZ", "application/edifact", PAXLST, "carrier-xx", "c")
                        .status())
                .isEqualTo(400);
    }

    @Test
    @Order(3)
    void theHoldingStateReadsTravellersAndHits() {
        Response read = get("/api/v1/manifests/" + manifest, "deu-officer", "d");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("travellers").size()).isEqualTo(2);
        assertThat(read.body()).contains("BERGSTROM").contains("SE1234567");
        Response page = get("/manifests/" + manifest, "deu-officer", "d");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("BERGSTROM").contains("XX100 CDG→FRA").contains("no hit");
        assertThat(get("/manifests", "deu-officer", "d").body()).contains("/manifests/" + manifest);
    }

    /** Every passenger-data endpoint, as a principal of another state sees it. */
    private List<Response> everyEndpointAs(String user, String password) {
        return List.of(
                get("/api/v1/manifests", user, password),
                get("/api/v1/manifests/" + manifest, user, password),
                get("/api/v1/manifests/rejected", user, password),
                post(
                        "/api/v1/manifests/" + manifest + "/transfers",
                        "application/json",
                        "{\"to\":\"" + (user.startsWith("fra") ? "USA" : "FRA")
                                + "\",\"purpose\":\"border_control\",\"fields\":[\"name\"]}",
                        user,
                        password),
                get("/api/v1/transfers", user, password),
                get("/api/v1/transfers/1", user, password),
                get("/api/v1/data-subjects?surname=BERGSTROM&birthDate=1970-01-01", user, password),
                get("/manifests", user, password),
                get("/manifests/" + manifest, user, password));
    }

    @Test
    @Order(4)
    void aStateWithoutAnAgreementReadsNoneOfAnotherStatesPassengerData() {
        for (String[] other : new String[][] {{"fra-officer", "f"}, {"usa-officer", "u"}}) {
            for (Response r : everyEndpointAs(other[0], other[1])) {
                assertThat(r.status()).as(r.body()).isIn(200, 404);
                assertThat(r.body())
                        .doesNotContain("BERGSTROM")
                        .doesNotContain("OKONKWO")
                        .doesNotContain("SE1234567")
                        .doesNotContain("1970-01-01\",\"sex");
            }
        }
        for (Response r : everyEndpointAs("deu-negotiator", "n"))
            assertThat(r.status()).isEqualTo(403);
        for (Response r : List.of(
                get("/api/v1/manifests"),
                get("/api/v1/manifests/" + manifest),
                get("/api/v1/transfers/1"),
                get("/api/v1/data-subjects?surname=BERGSTROM&birthDate=1970-01-01"))) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(get("/manifests/" + manifest).status())
                .as("the page sends anonymous visitors to sign in")
                .isEqualTo(302);
    }

    @Test
    @Order(5)
    void aTransferTheAgreementsDoNotAllowIsRefusedWithTheReason() {
        Response refused = post(
                "/api/v1/manifests/" + manifest + "/transfers",
                "application/json",
                "{\"to\":\"FRA\",\"purpose\":\"border_control\",\"fields\":[\"name\"]}",
                "deu-officer",
                "d");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString())
                .contains("no DataSharing commitment in force")
                .contains("DEU pass API to FRA");
    }

    @Test
    @Order(6)
    void underAnAgreementOnlyTheAllowedFieldsGoAndOnlyToTheRecipient() {
        String instrument = """
                {"instrument": {"id": "TEST_API_DEU_FRA", "title": "Test API sharing Germany to France", "kind": "BILATERAL_AGREEMENT",
                  "level": "BILATERAL", "binding": true, "adopted": "2020-01-01", "inForce": "2020-02-01",
                  "pillars": ["SECURITY"], "source": {"title": "test fixture", "reference": "PassengerApiTest", "asOf": "2026-01-01"}},
                 "commitments": [{"kind": "DATA_SHARING", "grantors": ["DEU"], "beneficiaries": ["FRA"],
                  "terms": {"dataset": "API", "purposes": "border_control", "fields": "name|nationality", "retention_days": "30"}}],
                 "participations": [{"party": "DEU", "status": "RATIFIED", "since": "2020-02-01"},
                                    {"party": "FRA", "status": "RATIFIED", "since": "2020-02-01"}]}""";
        assertThat(post("/api/v1/instruments", "application/json", instrument, "secretariat", "s")
                        .status())
                .isEqualTo(201);
        Response wrongPurpose = post(
                "/api/v1/manifests/" + manifest + "/transfers",
                "application/json",
                "{\"to\":\"FRA\",\"purpose\":\"marketing\",\"fields\":[\"name\"]}",
                "deu-officer",
                "d");
        assertThat(wrongPurpose.status()).isEqualTo(403);
        Response sent = post(
                "/api/v1/manifests/" + manifest + "/transfers",
                "application/json",
                "{\"to\":\"FRA\",\"purpose\":\"border_control\",\"fields\":[\"name\",\"birth_date\",\"nationality\"]}",
                "deu-officer",
                "d");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("removed").toString()).contains("birth_date");
        long transfer = sent.json().get("transfer").asLong();

        Response received = get("/api/v1/transfers/" + transfer, "fra-officer", "f");
        assertThat(received.status()).isEqualTo(200);
        JsonNode first = received.json().get("travellers").get(0);
        assertThat(first.get("name").asString()).isEqualTo("ANNIKA BERGSTROM");
        assertThat(first.get("nationality").asString()).isEqualTo("SWE");
        assertThat(first.has("birth_date")).isFalse();
        assertThat(received.body()).doesNotContain("SE1234567");
        // The manifest itself stays DEU's; the USA sees nothing of the transfer.
        assertThat(get("/api/v1/manifests/" + manifest, "fra-officer", "f").status())
                .isEqualTo(404);
        assertThat(get("/api/v1/transfers/" + transfer, "usa-officer", "u").status())
                .isEqualTo(404);
    }

    @Test
    @Order(7)
    void theDataSubjectReportListsWhatIsHeldAndWhoSawIt() {
        Response report = get("/api/v1/data-subjects?surname=bergstrom&birthDate=1970-01-01", "deu-officer", "d");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("records").size()).isEqualTo(1);
        String accesses = report.json().get("accesses").toString();
        assertThat(accesses)
                .contains("MANIFEST_INGESTED")
                .contains("MANIFEST_READ")
                .contains("PASSENGER_TRANSFER")
                .contains("TRANSFER_READ")
                .contains("fra-officer");
        assertThat(get("/api/v1/audit/verification", "secretariat", "s")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    @Order(8)
    void theSameMessageSentToASecondStateIsThatStatesAndTellsTheCarrierNothingOfTheFirst() {
        Response toFrance = post("/api/v1/manifests?destination=FRA", "application/edifact", PAXLST, "carrier-xx", "c");
        assertThat(toFrance.status()).as(toFrance.body()).isEqualTo(201);
        long french = toFrance.json().get("id").asLong();
        assertThat(french).isNotEqualTo(manifest);
        assertThat(post("/api/v1/manifests?destination=FRA", "application/edifact", PAXLST, "carrier-xx", "c")
                        .json()
                        .get("id")
                        .asLong())
                .isEqualTo(french);
        assertThat(get("/api/v1/manifests/" + french, "fra-officer", "f").body())
                .contains("BERGSTROM");
        assertThat(get("/api/v1/manifests/" + french, "deu-officer", "d").status())
                .isEqualTo(404);
    }

    @Test
    @Order(9)
    void aTransferToTextThatIsNoStateIsRefusedBeforeUseAndNeverReachesTheAuditLog() {
        Response forged = post(
                "/api/v1/manifests/" + manifest + "/transfers",
                "application/json",
                "{\"to\":\"FRA\\n9999 forged-officer MANIFEST_READ\",\"purpose\":\"border_control\",\"fields\":[\"name\"]}",
                "deu-officer",
                "d");
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("9999 forged-officer MANIFEST_RE…' is not a state in the registry");
        Response purpose = post(
                "/api/v1/manifests/" + manifest + "/transfers",
                "application/json",
                "{\"to\":\"usa\",\"purpose\":\"x\\ny\",\"fields\":[\"name\"]}",
                "deu-officer",
                "d");
        assertThat(purpose.status()).as(purpose.body()).isEqualTo(400);
        String audit = get("/api/v1/audit?limit=10000", "secretariat", "s").body();
        assertThat(audit).doesNotContain("forged-officer").contains("to FRA: no DataSharing");
    }

    /**
     * A transfer and its audit entry are one transaction: when the audit append fails (a trigger refuses it), no
     * transfer is recorded, so no state can read data whose passing the log does not show.
     */
    @Test
    @Order(10)
    void aTransferWhoseAuditEntryFailsIsNotRecorded() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long before = jdbc.sql("select count(*) from manifest_transfer")
                .query(Long.class)
                .single();
        jdbc.sql("""
                create or replace function refuse_transfer_audit() returns trigger language plpgsql as $$
                begin
                  if new.action = 'PASSENGER_TRANSFER' then raise exception 'injected failure: the audit append fails'; end if;
                  return new;
                end $$""").update();
        jdbc.sql(
                        "create trigger refuse_transfer_audit before insert on audit_entry for each row execute function refuse_transfer_audit()")
                .update();
        try {
            Response failed = post(
                    "/api/v1/manifests/" + manifest + "/transfers",
                    "application/json",
                    "{\"to\":\"FRA\",\"purpose\":\"border_control\",\"fields\":[\"name\"]}",
                    "deu-officer",
                    "d");
            assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.sql("drop trigger refuse_transfer_audit on audit_entry").update();
            jdbc.sql("drop function refuse_transfer_audit()").update();
        }
        assertThat(jdbc.sql("select count(*) from manifest_transfer")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(get("/api/v1/transfers", "fra-officer", "f").json().size()).isEqualTo((int) before);
        assertThat(get("/api/v1/audit/verification", "secretariat", "s")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    /**
     * A flight that landed on 1 June 2023 is assessed under the rules of that day: a Kosovar then needed a visa for
     * Germany (Annex I of Regulation (EU) 2018/1806 until 1 January 2024), whatever the rules on the day it is sent.
     */
    @Test
    @Order(11)
    void aMessageIsAssessedUnderTheRulesOfItsArrivalDate() {
        String kosovar = "UNA:+.? 'UNB+UNOA:4+CARRIERXX+DEUAPI+230601:0900+42'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'"
                + "TDT+20+XX200+++XX'LOC+125+PRN'DTM+189:2306011030:201'LOC+87+MUC'DTM+232:2306011230:201'"
                + "NAD+FL+++KRASNIQI:ARTA'ATT+2++F'DTM+329:900315'NAT+2+XKX'DOC+P:110:111+P01234567'DTM+36:300101'LOC+91+XKX'"
                + "CNT+42:1'UNT+11+1'UNZ+1+42'";
        Response sent = postMessage(kosovar, "carrier-xx", "c");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        Response read = get("/api/v1/manifests/" + sent.json().get("id").asLong(), "deu-officer", "d");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body())
                .as("the requirement on the arrival date, 2023-06-01, not today's visa waiver")
                .contains("for a national of XKX entering DEU and no visa declared");
    }
}
