package org.orderly.server.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.server.Session;
import org.orderly.server.regime.RegimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The negotiation forum over HTTP on a real embedded PostgreSQL: private valuations stay private
 * on every endpoint, a full round concludes into the registry and changes the travel answer, and
 * bad input gets clear problems.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderly.home=temporary",
            "orderly.demo=false",
            "orderly.users[0].name=secretariat",
            "orderly.users[0].password={noop}s3cret",
            "orderly.users[0].roles=SECRETARIAT",
            "orderly.users[1].name=deu",
            "orderly.users[1].password={noop}deu-pass",
            "orderly.users[1].party=DEU",
            "orderly.users[1].roles=NEGOTIATOR",
            "orderly.users[2].name=mar",
            "orderly.users[2].password={noop}mar-pass",
            "orderly.users[2].party=MAR",
            "orderly.users[2].roles=NEGOTIATOR",
            "orderly.users[3].name=fra",
            "orderly.users[3].password={noop}fra-pass",
            "orderly.users[3].party=FRA",
            "orderly.users[3].roles=NEGOTIATOR"
        })
class NegotiationApiTest {
    /** The demo package waives German visas for Moroccans against Annex I of Regulation (EU) 2018/1806: concluding it needs this. */
    private static final String OVERRIDE =
            "{\"override\":\"the German waiver against Annex I is recorded to test the procedure\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] SECRETARIAT = {"secretariat", "s3cret"};
    private static final String[] DEU = {"deu", "deu-pass"};
    private static final String[] MAR = {"mar", "mar-pass"};
    private static final String[] FRA = {"fra", "fra-pass"};
    private static final String[] ANONYMOUS = null;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    RegimeService regime;

    /** Other test classes may share this JVM's temporary database: leave the registry as it was found. */
    @AfterEach
    void removeWhatTheseTestsWrote() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> instruments = jdbc.sql("select instrument_id from negotiation where instrument_id is not null")
                .query(String.class)
                .list();
        jdbc.sql("delete from commitment where origin = ?")
                .param(NegotiationService.ORIGIN)
                .update();
        jdbc.sql("delete from participation where origin = ?")
                .param(NegotiationService.ORIGIN)
                .update();
        instruments.forEach(
                id -> jdbc.sql("delete from instrument where id = ?").param(id).update());
        jdbc.sql("delete from negotiation where not illustrative").update();
        regime.reload();
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @Test
    void aPartysValuationCannotBeReadByAnyOtherPartyTheSecretariatOrAnonymousThroughAnyEndpoint() {
        String id = "LEAK-CHECK";
        Table demo = NegotiationJson.demo();
        // Shifting every option of every issue by the same constant changes no gain, hence no deal,
        // but makes DEU's numbers distinctive enough to search every response for them.
        Valuation deu = shifted(demo.valuation("DEU"), demo, 104_729);
        Valuation mar = shifted(demo.valuation("MAR"), demo, 130_003);
        open(id, demo);
        assertThat(send(
                                "PUT",
                                "/api/v1/negotiations/" + id + "/valuations/DEU",
                                NegotiationDefinition.writeValuation(deu),
                                DEU)
                        .status())
                .isEqualTo(200);
        assertThat(send(
                                "PUT",
                                "/api/v1/negotiations/" + id + "/valuations/MAR",
                                NegotiationDefinition.writeValuation(mar),
                                MAR)
                        .status())
                .isEqualTo(200);
        Response proposal = send("POST", "/api/v1/negotiations/" + id + "/proposals?objective=nash", "", SECRETARIAT);
        assertThat(proposal.status()).isEqualTo(201);
        Deal deal = new Deal(JSON.convertValue(
                proposal.json().get("deal"), new tools.jackson.core.type.TypeReference<Map<String, String>>() {}));
        Set<Long> secrets = numbers(deu, demo, deal);

        String base = "/api/v1/negotiations/" + id;
        List<Response> seenByOthers = new ArrayList<>();
        seenByOthers.add(proposal);
        for (String[] user : new String[][] {MAR, SECRETARIAT, FRA, ANONYMOUS}) {
            for (String path : List.of(
                    "/api/v1/negotiations",
                    base,
                    base + "/valuations/DEU",
                    base + "/valuations/MAR",
                    base + "/explanations/DEU",
                    base + "/explanations/MAR",
                    base + "/frontier",
                    "/negotiations",
                    "/negotiations/" + id,
                    "/negotiations/" + id + "/room")) {
                seenByOthers.add(send("GET", path, null, user));
            }
            seenByOthers.add(send("PUT", base + "/valuations/DEU", NegotiationDefinition.writeValuation(mar), user));
        }
        assertThat(send("GET", base + "/valuations/DEU", null, MAR).status()).isEqualTo(403);
        assertThat(send("GET", base + "/valuations/DEU", null, SECRETARIAT).status())
                .isEqualTo(403);
        assertThat(send("GET", base + "/explanations/DEU", null, SECRETARIAT).status())
                .isEqualTo(403);
        assertThat(send("GET", base + "/valuations/DEU", null, ANONYMOUS).status())
                .isEqualTo(401);
        assertThat(send("GET", base + "/frontier", null, FRA).status()).isEqualTo(403);
        assertThat(send("GET", base + "/valuations/MAR", null, MAR).status()).isEqualTo(200);
        assertThat(send("GET", base + "/frontier", null, MAR)
                        .json()
                        .get("points")
                        .size())
                .isGreaterThan(1);
        seenByOthers.add(send("POST", base + "/answers/MAR", "{\"answer\":\"ACCEPT\"}", MAR));
        seenByOthers.add(send("POST", base + "/answers/DEU", "{\"answer\":\"ACCEPT\"}", MAR));
        for (Response response : seenByOthers) {
            for (long secret : secrets) {
                assertThat(Pattern.compile("(?<![0-9])" + secret + "(?![0-9])")
                                .matcher(response.body())
                                .find())
                        .as("DEU's number %d in a response not meant for DEU: %s", secret, response.body())
                        .isFalse();
            }
        }
        // The search can fail: DEU's own view holds exactly these numbers.
        String own = send("GET", base + "/valuations/DEU", null, DEU).body()
                + send("GET", base + "/explanations/DEU", null, DEU).body()
                + send("GET", "/negotiations/" + id + "/room", null, DEU).body();
        assertThat(secrets)
                .allMatch(secret ->
                        own.contains(Long.toString(secret)) || secret == deu.utility(demo.negotiation(), deal));
        assertThat(own).contains(Long.toString(deu.reservation()));
    }

    @Test
    void aConcludedRoundBecomesAnInstrumentWithCommitmentsAndChangesTheTravelAnswer() {
        String id = "DEU-MAR-ROUND";
        Table demo = NegotiationJson.demo();
        JsonNode before = send("GET", "/api/v1/travel-requirements?passport=MAR&destination=DEU", null, ANONYMOUS)
                .json();
        assertThat(before.path("instrumentId").asString("")).isNotEqualTo(id);

        open(id, demo);
        String base = "/api/v1/negotiations/" + id;
        assertThat(send("POST", base + "/proposals", "", SECRETARIAT).status())
                .as("no proposal before every valuation")
                .isEqualTo(409);
        send("PUT", base + "/valuations/DEU", NegotiationDefinition.writeValuation(demo.valuation("DEU")), DEU);
        send("PUT", base + "/valuations/MAR", NegotiationDefinition.writeValuation(demo.valuation("MAR")), MAR);
        assertThat(send("GET", base, null, ANONYMOUS).json().get("partiesWithValuations"))
                .hasSize(2);

        Response proposed = send("POST", base + "/proposals?objective=joint", "", SECRETARIAT);
        assertThat(proposed.status()).isEqualTo(201);
        JsonNode proposal = proposed.json();
        assertThat(proposal.get("proven").asBoolean()).isTrue();
        assertThat(proposal.get("norms")).allMatch(check -> check.get("met").asBoolean());
        assertThat(proposal.get("deal").get("visa-short-stay").asString())
                .as("the joint optimum of the demo waives visas")
                .isNotEqualTo("none");

        JsonNode explanation =
                send("GET", base + "/explanations/MAR", null, MAR).json().get("explanation");
        assertThat(explanation.get("party").asString()).isEqualTo("MAR");
        assertThat(explanation.get("acceptable").asBoolean()).isTrue();
        assertThat(explanation.get("gets").toString()).contains("visa-short-stay");

        assertThat(send("POST", base + "/conclusion", "", SECRETARIAT).status())
                .as("not before every party accepts")
                .isEqualTo(409);
        assertThat(send("POST", base + "/answers/DEU", "{\"answer\":\"ACCEPT\"}", DEU)
                        .status())
                .isEqualTo(200);
        assertThat(send("POST", base + "/answers/MAR", "{\"answer\":\"ACCEPT\"}", MAR)
                        .status())
                .isEqualTo(200);
        // Morocco is in Annex I of Regulation (EU) 2018/1806, which binds Germany: the package's German visa waiver
        // breaks it,
        // so the coherence check refuses the conclusion until the secretariat records an override with its reason.
        Response refused = send("POST", base + "/conclusion", "", SECRETARIAT);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("Annex I").contains("Morocco (MAR)").contains("override");
        assertThat(send("GET", base, null, ANONYMOUS).json().get("status").asString())
                .as("nothing concluded")
                .isNotEqualTo("CONCLUDED");
        Response concluded = send(
                "POST",
                base + "/conclusion",
                "{\"override\":\"the waiver waits for an EU decision; recorded to show the package\"}",
                SECRETARIAT);
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(201);

        JsonNode instrument =
                send("GET", "/api/v1/instruments/" + id, null, ANONYMOUS).json();
        assertThat(instrument.get("instrument").get("id").asString()).isEqualTo(id);
        assertThat(instrument.get("commitments").toString())
                .contains("VISA_WAIVER")
                .contains("LEGAL_CHANNEL")
                .contains("READMISSION");
        assertThat(instrument.get("participations")).hasSize(2);
        assertThat(send("GET", base, null, ANONYMOUS).json().get("status").asString())
                .isEqualTo("CONCLUDED");

        // The labour quota traded against readmission is now a legal channel that the finder shows Moroccan nationals.
        String quota = proposal.get("deal").get("labour-care").asString();
        assertThat(quota)
                .as("the joint optimum of the demo opens a labour channel")
                .isNotEqualTo("none");
        JsonNode found = send("GET", "/api/v1/channels/finder?passport=MAR&destination=DEU", null, ANONYMOUS)
                .json();
        JsonNode channel = found.get("channels")
                .valueStream()
                .filter(c -> c.get("id").asString().equals(id + "_DEU"))
                .findFirst()
                .orElseThrow();
        assertThat(channel.get("instrument").asString()).isEqualTo(id);
        assertThat(channel.get("quota").get("places").asInt())
                .isEqualTo(demo.negotiation()
                        .issue("labour-care")
                        .orElseThrow()
                        .option(quota)
                        .orElseThrow()
                        .value()
                        .intValue());
        assertThat(send("GET", "/api/v1/channels/finder?passport=TUN&destination=DEU", null, ANONYMOUS)
                        .body())
                .doesNotContain(id + "_DEU");

        // The common list still decides a short stay (it prevails over the bilateral waiver, which the answer names);
        // the
        // package's labour channel decides work.
        JsonNode after = send("GET", "/api/v1/travel-requirements?passport=MAR&destination=DEU", null, ANONYMOUS)
                .json();
        assertThat(after.get("instrumentId").asString()).isEqualTo("EU_VISA_REGULATION");
        assertThat(after.get("category").asString()).isEqualTo("VISA_REQUIRED");
        assertThat(after.get("explanation").asString())
                .contains("waives it, but a state bound by a common visa list may not");
        JsonNode work = send(
                        "GET", "/api/v1/travel-requirements?passport=MAR&destination=DEU&purpose=work", null, ANONYMOUS)
                .json();
        assertThat(work.get("instrumentId").asString()).isEqualTo(id);
        JsonNode step = send("GET", base, null, ANONYMOUS).json();
        assertThat(step.toString()).contains("the waiver waits for an EU decision");
    }

    /**
     * A failure injected between the registry write and the status write (a trigger that refuses the negotiation's
     * move to CONCLUDED) leaves nothing written: no instrument, no commitment, no participation, the status unchanged.
     */
    @Test
    void aFailureBetweenTheRegistryWriteAndTheStatusWriteLeavesNothingWritten() {
        String id = "ATOMIC-CONCLUSION";
        Table demo = NegotiationJson.demo();
        open(id, demo);
        String base = "/api/v1/negotiations/" + id;
        send("PUT", base + "/valuations/DEU", NegotiationDefinition.writeValuation(demo.valuation("DEU")), DEU);
        send("PUT", base + "/valuations/MAR", NegotiationDefinition.writeValuation(demo.valuation("MAR")), MAR);
        assertThat(send("POST", base + "/proposals", "", SECRETARIAT).status()).isEqualTo(201);
        send("POST", base + "/answers/DEU", "{\"answer\":\"ACCEPT\"}", DEU);
        send("POST", base + "/answers/MAR", "{\"answer\":\"ACCEPT\"}", MAR);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                create or replace function refuse_conclusion() returns trigger language plpgsql as $$
                begin
                  if new.status = 'CONCLUDED' then raise exception 'injected failure: the status write fails'; end if;
                  return new;
                end $$""").update();
        jdbc.sql(
                        "create trigger refuse_conclusion before update on negotiation for each row execute function refuse_conclusion()")
                .update();
        try {
            Response failed = send("POST", base + "/conclusion", OVERRIDE, SECRETARIAT);
            assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.sql("drop trigger refuse_conclusion on negotiation").update();
            jdbc.sql("drop function refuse_conclusion()").update();
        }
        assertThat(jdbc.sql("select count(*) from instrument where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from commitment where instrument_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from participation where subject_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(send("GET", "/api/v1/instruments/" + id, null, ANONYMOUS).status())
                .isEqualTo(404);
        assertThat(send("GET", base, null, ANONYMOUS).json().get("status").asString())
                .isEqualTo("PROPOSED");
        // With the failure gone, the same conclusion goes through.
        assertThat(send("POST", base + "/conclusion", OVERRIDE, SECRETARIAT).status())
                .isEqualTo(201);
        assertThat(send("GET", "/api/v1/instruments/" + id, null, ANONYMOUS).status())
                .isEqualTo(200);
    }

    /**
     * Under consensus an objection filed before the deadline blocks the deal (the secretariat cannot conclude, the deal is
     * never proposed again); the next proposal, met with silence until its deadline, is adopted and concluded.
     */
    @Test
    void underConsensusAnObjectionBeforeTheDeadlineBlocksAndSilenceAdopts() throws InterruptedException {
        String id = "CONSENSUS";
        Table demo = NegotiationJson.demo();
        ObjectNode definition = definition(demo, id);
        definition
                .putObject("procedure")
                .putObject("rule")
                .put("type", "CONSENSUS")
                .put("objectionPeriod", "PT3S");
        assertThat(send("POST", "/api/v1/negotiations", definition.toString(), SECRETARIAT)
                        .status())
                .isEqualTo(201);
        String base = "/api/v1/negotiations/" + id;
        send("PUT", base + "/valuations/DEU", NegotiationDefinition.writeValuation(demo.valuation("DEU")), DEU);
        send("PUT", base + "/valuations/MAR", NegotiationDefinition.writeValuation(demo.valuation("MAR")), MAR);
        JsonNode first =
                send("POST", base + "/proposals", "", SECRETARIAT).json().get("deal");
        assertThat(send("POST", base + "/answers/MAR", "{\"answer\":\"OBJECT\"}", MAR)
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("an objection needs its reason");
        assertThat(send(
                                "POST",
                                base + "/answers/MAR",
                                "{\"answer\":\"OBJECT\",\"reason\":\"the readmission clause first\"}",
                                MAR)
                        .status())
                .isEqualTo(200);
        Thread.sleep(3500);
        JsonNode blocked = send("GET", base, null, ANONYMOUS).json();
        assertThat(blocked.get("status").asString()).isEqualTo("OPEN");
        assertThat(blocked.get("proposals").get(0).get("decisionReason").asString())
                .isEqualTo("MAR objected before the deadline");
        assertThat(send("POST", base + "/conclusion", "", SECRETARIAT).status()).isEqualTo(409);

        JsonNode second =
                send("POST", base + "/proposals", "", SECRETARIAT).json().get("deal");
        assertThat(second).isNotEqualTo(first);
        assertThat(send("POST", base + "/conclusion", "", SECRETARIAT).status())
                .as("not before the deadline")
                .isEqualTo(409);
        Thread.sleep(3500);
        Response late = send("POST", base + "/answers/DEU", "{\"answer\":\"OBJECT\",\"reason\":\"too late\"}", DEU);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("silence is consent");
        Response concluded = send("POST", base + "/conclusion", OVERRIDE, SECRETARIAT);
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(201);
        assertThat(send("GET", base, null, ANONYMOUS).json().get("steps").toString())
                .contains("\"what\":\"rejected proposal 1: the readmission clause first\"")
                .contains("\"what\":\"concluded proposal 2 into the instrument " + id
                        + "; overrode 1 conflict(s): the German waiver against Annex I");
    }

    /** A procedure that keeps answers private: the public view shows the decision, never who answered what. */
    @Test
    void answersThatTheProcedureKeepsPrivateAreNotShown() {
        String id = "PRIVATE-ANSWERS";
        Table demo = NegotiationJson.demo();
        ObjectNode definition = definition(demo, id);
        definition
                .putObject("procedure")
                .putArray("public")
                .add("OPENED")
                .add("PROPOSED")
                .add("CONCLUDED");
        assertThat(send("POST", "/api/v1/negotiations", definition.toString(), SECRETARIAT)
                        .status())
                .isEqualTo(201);
        String base = "/api/v1/negotiations/" + id;
        send("PUT", base + "/valuations/DEU", NegotiationDefinition.writeValuation(demo.valuation("DEU")), DEU);
        send("PUT", base + "/valuations/MAR", NegotiationDefinition.writeValuation(demo.valuation("MAR")), MAR);
        send("POST", base + "/proposals", "", SECRETARIAT);
        send(
                "POST",
                base + "/answers/MAR",
                "{\"answer\":\"REJECT\",\"reason\":\"a reason only the parties read\"}",
                MAR);
        String view = send("GET", base, null, ANONYMOUS).body();
        assertThat(view)
                .doesNotContain("a reason only the parties read")
                .doesNotContain("entered its valuation")
                .doesNotContain("MAR rejected")
                .contains("\"decisionReason\":\"not adopted\"");
        assertThat(send("GET", "/negotiations/" + id, null, ANONYMOUS).body())
                .doesNotContain("a reason only the parties read")
                .contains("who answered what is not public");
    }

    @Test
    void aRejectionNeedsAReasonAndTheEngineNeverProposesTheRejectedDealAgain() {
        String id = "REJECTION";
        Table demo = NegotiationJson.demo();
        open(id, demo);
        String base = "/api/v1/negotiations/" + id;
        send("PUT", base + "/valuations/DEU", NegotiationDefinition.writeValuation(demo.valuation("DEU")), DEU);
        send("PUT", base + "/valuations/MAR", NegotiationDefinition.writeValuation(demo.valuation("MAR")), MAR);
        JsonNode first =
                send("POST", base + "/proposals", "", SECRETARIAT).json().get("deal");
        Response noReason = send("POST", base + "/answers/MAR", "{\"answer\":\"REJECT\"}", MAR);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).contains("reason");
        assertThat(send("POST", base + "/answers/MAR", "{\"answer\":\"REJECT\",\"reason\":\"too few places\"}", MAR)
                        .status())
                .isEqualTo(200);
        JsonNode second =
                send("POST", base + "/proposals", "", SECRETARIAT).json().get("deal");
        assertThat(second).isNotEqualTo(first);
        assertThat(send("GET", base, null, ANONYMOUS)
                        .json()
                        .get("proposals")
                        .get(0)
                        .get("answers")
                        .get("MAR")
                        .get("reason")
                        .asString())
                .isEqualTo("too few places");
    }

    @Test
    void badInputGetsClearProblems() {
        Table demo = NegotiationJson.demo();
        Response withValuations = send("POST", "/api/v1/negotiations", NegotiationJson.write(demo), SECRETARIAT);
        assertThat(withValuations.status()).isEqualTo(400);
        assertThat(withValuations.json().get("detail").asString()).contains("valuations are private");

        ObjectNode unknownNormIssue = definition(demo, "BAD-NORM");
        ((ObjectNode) unknownNormIssue.get("norms").get(0).get("then")).put("issue", "rights-flor");
        Response badNorm = send("POST", "/api/v1/negotiations", unknownNormIssue.toString(), SECRETARIAT);
        assertThat(badNorm.status()).isEqualTo(400);
        assertThat(badNorm.json().get("detail").asString()).contains("unknown issue rights-flor");

        ObjectNode impossible = definition(demo, "IMPOSSIBLE");
        ObjectNode forbidsAll = ((ArrayNode) impossible.get("norms")).addObject();
        forbidsAll.put("id", "nothing-goes").put("type", "FORBIDS").put("issue", "api-data");
        forbidsAll.putArray("options").add("none").add("d30").add("d90");
        Response noDeal = send("POST", "/api/v1/negotiations", impossible.toString(), SECRETARIAT);
        assertThat(noDeal.status()).isEqualTo(400);
        assertThat(noDeal.json().get("detail").asString())
                .startsWith("no deal is possible, because")
                .contains("exclude every deal");

        open("BAD-VALUATIONS", demo);
        Response unknownIssue = send(
                "PUT",
                "/api/v1/negotiations/BAD-VALUATIONS/valuations/DEU",
                "{\"reservation\": 3, \"values\": {\"labour-cares\": {\"none\": 0}}}",
                DEU);
        assertThat(unknownIssue.status()).isEqualTo(400);
        assertThat(unknownIssue.json().get("detail").asString()).contains("unknown issue labour-cares");
        Response notJson = send("PUT", "/api/v1/negotiations/BAD-VALUATIONS/valuations/DEU", "{\"reservation\": ", DEU);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("where").asString()).contains("line 1");
        Response objective =
                send("POST", "/api/v1/negotiations/BAD-VALUATIONS/proposals?objective=fairest", "", SECRETARIAT);
        assertThat(objective.status()).isEqualTo(400);
        assertThat(objective.json().get("detail").asString()).contains("joint, nash or maxmin");
        assertThat(send("GET", "/api/v1/negotiations/NOPE", null, ANONYMOUS).status())
                .isEqualTo(404);
        assertThat(send(
                                "POST",
                                "/api/v1/negotiations",
                                definition(demo, "BY-A-PARTY").toString(),
                                DEU)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void reservationsNoDealCanMeetGetNoDealBecauseWithoutAnyPartysNumbers() {
        Table demo = NegotiationJson.demo();
        String id = "TOO-DEMANDING";
        open(id, demo);
        String base = "/api/v1/negotiations/" + id;
        send(
                "PUT",
                base + "/valuations/DEU",
                NegotiationDefinition.writeValuation(demo.valuation("DEU").withReservation(987_654)),
                DEU);
        send("PUT", base + "/valuations/MAR", NegotiationDefinition.writeValuation(demo.valuation("MAR")), MAR);
        Response noDeal = send("POST", base + "/proposals", "", SECRETARIAT);
        assertThat(noDeal.status()).isEqualTo(422);
        assertThat(noDeal.json().get("detail").asString())
                .startsWith("no deal, because")
                .contains("DEU");
        assertThat(noDeal.json().get("blockingParties").toString())
                .contains("DEU")
                .doesNotContain("MAR");
        assertThat(noDeal.body()).doesNotContain("987654").doesNotContain("987655");
    }

    @Test
    void theRoomPagesShowTheNegotiationPubliclyAndTheOwnValuationToTheSignedInParty() {
        Table demo = NegotiationJson.demo();
        String id = "ROOM";
        open(id, demo);
        send(
                "PUT",
                "/api/v1/negotiations/" + id + "/valuations/DEU",
                NegotiationDefinition.writeValuation(demo.valuation("DEU")),
                DEU);
        send(
                "PUT",
                "/api/v1/negotiations/" + id + "/valuations/MAR",
                NegotiationDefinition.writeValuation(demo.valuation("MAR")),
                MAR);
        send("POST", "/api/v1/negotiations/" + id + "/proposals", "", SECRETARIAT);
        Response list = send("GET", "/negotiations", null, ANONYMOUS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("/negotiations/" + id);
        Response room = send("GET", "/negotiations/" + id, null, ANONYMOUS);
        assertThat(room.body())
                .contains("Readmission comes with safeguards for returnees")
                .contains("Proven optimal")
                .doesNotContain("Your valuation");
        Response mine = send("GET", "/negotiations/" + id + "/room", null, DEU);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body())
                .contains("Your valuation (DEU)")
                .contains("data-frontier")
                .contains("/echarts")
                .contains("What the proposal means for you");
        Response anonymous = send("GET", "/negotiations/" + id + "/room", null, ANONYMOUS);
        assertThat(anonymous.status())
                .as("a page sends an anonymous visitor to sign in")
                .isEqualTo(302);

        // Signed in through the page, the answer form posts through htmx with the session's CSRF token and returns the
        // fragment it swaps in.
        Session session = Session.signIn("http://localhost:" + port, DEU[0], DEU[1]);
        HttpResponse<String> page =
                raw(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/negotiations/" + id + "/room"))
                        .header("Cookie", session.cookie())
                        .GET()
                        .build());
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body().substring(page.body().indexOf("id=\"answer\"")));
        assertThat(token.find()).as("the answer form carries a CSRF token").isTrue();
        assertThat(page.body()).contains("hx-post=\"/negotiations/" + id + "/room/answer\"");
        HttpResponse<String> forged = raw(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/negotiations/" + id + "/room/answer"))
                        .header("Cookie", session.cookie())
                        .header("HX-Request", "true")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("answer=REJECT&reason=forged"))
                        .build());
        assertThat(forged.statusCode())
                .as("without the token the session cookie does nothing")
                .isEqualTo(403);
        HttpResponse<String> answered = raw(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/negotiations/" + id + "/room/answer"))
                        .header("Cookie", session.cookie())
                        .header("HX-Request", "true")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("answer=ACCEPT&_csrf="
                                + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build());
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("DEU answered ACCEPT").doesNotContain("<html");
        assertThat(send("GET", "/api/v1/negotiations/" + id, null, ANONYMOUS)
                        .json()
                        .get("proposals")
                        .get(0)
                        .get("answers")
                        .get("DEU")
                        .get("answer")
                        .asString())
                .isEqualTo("ACCEPT");
    }

    private static HttpResponse<String> raw(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void open(String id, Table demo) {
        Response opened =
                send("POST", "/api/v1/negotiations", definition(demo, id).toString(), SECRETARIAT);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    private static ObjectNode definition(Table table, String id) {
        ObjectNode root = (ObjectNode) JSON.readTree(NegotiationDefinition.write(table.negotiation()));
        root.put("id", id);
        return root;
    }

    private static Valuation shifted(Valuation valuation, Table table, long constant) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (Issue issue : table.negotiation().issues()) {
            Map<String, Long> options = new LinkedHashMap<>();
            for (Option option : issue.options())
                options.put(option.id(), valuation.value(issue.id(), option.id()) + constant);
            values.put(issue.id(), options);
        }
        return new Valuation(
                valuation.party(),
                values,
                valuation.bundles(),
                valuation.reservation()
                        + constant * table.negotiation().issues().size());
    }

    /** Every number of a valuation that is its own (option values, reservation) and its utility from the deal. */
    private static Set<Long> numbers(Valuation valuation, Table table, Deal deal) {
        Set<Long> numbers = new LinkedHashSet<>();
        valuation.values().values().forEach(options -> numbers.addAll(options.values()));
        numbers.add(valuation.reservation());
        numbers.add(valuation.utility(table.negotiation(), deal));
        return numbers;
    }

    private Response send(String method, String path, String body, String[] user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (user != null)
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
