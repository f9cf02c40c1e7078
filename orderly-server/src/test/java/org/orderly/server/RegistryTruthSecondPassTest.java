package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24 ("registry truth, second pass") through the server, on the real public data: what an outside audit found
 * wrong, each checked against the raw files or the legal facts the reference data cite.
 */
class RegistryTruthSecondPassTest extends ServerTest {
    private static final Path DATA = SharedData.root();
    private static final Path COVID_SNAPSHOT = DATA.resolve("visa/history/passport-index-tidy-iso3-2022-07-03.csv");

    private static void assumeSharedData() {
        SharedData.file("visa/history/passport-index-tidy-iso3-2022-07-03.csv");
        SharedData.file("ratifications/hr_status_icmw.csv");
    }

    private JsonNode travel(String passport, String destination, String date, String purpose) {
        Response response = get("/api/v1/travel-requirements?passport=" + passport + "&destination=" + destination
                + (date == null ? "" : "&date=" + date) + (purpose == null ? "" : "&purpose=" + purpose));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    // Item 1: the 1,658 "covid ban" cells of the 2022-07-03 snapshot.

    @Test
    void aCovidBanIsATemporaryMeasureOfItsOwnKindWithItsSnapshotDate() {
        assumeSharedData();
        JsonNode answer = travel("AFG", "JPN", "2021-06-01", null);
        assertThat(answer.get("category").asString()).isEqualTo("COVID_ENTRY_BAN");
        assertThat(answer.get("explanation").asString())
                .contains("temporary")
                .contains("COVID-19")
                .contains("2022-07-03")
                .doesNotContain("national policy");
        assertThat(answer.get("authority").get("decision").asString())
                .doesNotContain("does not admit holders of this passport under its national");
    }

    @Test
    void aCovidBanIsNeverProjectedBefore2020() throws IOException {
        assumeSharedData();
        JsonNode answer = travel("AFG", "JPN", "2010-06-01", null);
        assertThat(answer.get("category").asString())
                .isNotEqualTo("COVID_ENTRY_BAN")
                .isNotEqualTo("NO_ADMISSION");
        // The nearest snapshot that records ordinary policy for the pair is the 2023-08-15 one: its cell decides.
        String cell = cells(DATA.resolve("visa/history/passport-index-tidy-iso3-2023-08-15.csv"))
                .get("AFG,JPN");
        assertThat(answer.get("categoryLabel").asString()).isEqualTo(cell);
        assertThat(answer.get("dataAsOf").asString()).isEqualTo("2023-08-15");
    }

    @Test
    void reciprocityOn2022LeavesCovidBansOutAsAnIndependentRecountDoes() throws IOException {
        assumeSharedData();
        Map<String, String> cells = cells(COVID_SNAPSHOT);
        for (String state : List.of("ARM", "AZE", "GEO", "TWN", "JPN")) {
            JsonNode value = valueFor("visa-reciprocity", state, "2022-07-03");
            Double recount = recountReciprocity(cells, state);
            if (recount == null) {
                // Taiwan banned every passport but its own in the 2022 snapshot: no partner with ordinary policy both
                // ways.
                assertThat(value.get("value").isNull()).as(state).isTrue();
                assertThat(value.get("note").asString()).as(state).contains("no partner");
            } else {
                assertThat(value.get("value").asDouble()).as(state).isEqualTo(recount);
            }
        }
    }

    @Test
    void aCovidBanLiftedIsNoVisaRequirementLifted() throws IOException {
        assumeSharedData();
        Map<String, String> before = cells(COVID_SNAPSHOT);
        Map<String, String> after = cells(DATA.resolve("visa/history/passport-index-tidy-iso3-2023-08-15.csv"));
        for (String state : List.of("JPN", "CHN", "AUS")) {
            long lifted = before.keySet().stream()
                    .filter(pair -> pair.endsWith("," + state))
                    .filter(pair -> !before.get(pair).equals("covid ban") && after.containsKey(pair))
                    .filter(pair -> needsVisa(before.get(pair)) && !needsVisa(after.get(pair)))
                    .count();
            assertThat(valueFor("visa-restrictions-lifted", state, "2023-08-15")
                            .get("value")
                            .asDouble())
                    .as(state)
                    .isEqualTo(lifted);
        }
    }

    // Item 2: one rule "who is bound on D".

    @Test
    void theMapBindsNobodyBeforeTheTreatyWasInForceAndAgreesWithThePageAndTheApi() {
        assumeSharedData();
        assertThat(bound(get("/map/ICMW.json?date=1995-06-01").json())).isEmpty();
        assertThat(bound(get("/map/ICMW.json?date=2003-06-30").json())).isEmpty();
        assertThat(get("/instruments/ICMW?date=2003-06-30").body()).contains("0 parties bound on 2003-06-30");
        assertThat(bound(get("/map/CAT.json?date=1987-06-25").json())).isEmpty();
        JsonNode api = get("/api/v1/instruments/ICMW?date=2003-06-30").json();
        assertThat(api.get("boundParties").size()).isZero();

        Set<String> onMap = bound(get("/map/ICMW.json?date=2022-06-01").json());
        JsonNode apiBound =
                get("/api/v1/instruments/ICMW?date=2022-06-01").json().get("boundParties");
        Set<String> fromApi = new TreeSet<>();
        apiBound.forEach(code -> fromApi.add(code.asString()));
        assertThat(fromApi).isNotEmpty();
        Set<String> namesFromApi = new TreeSet<>();
        for (String code : fromApi)
            namesFromApi.add(get("/api/v1/parties/" + code)
                    .json()
                    .get("party")
                    .get("name")
                    .asString());
        JsonNode unmapped = get("/map/ICMW/without-shape.json?date=2022-06-01").json();
        Set<String> drawn = new TreeSet<>(onMap);
        unmapped.forEach(u -> {
            if (fromApi.contains(u.get("code").asString()))
                drawn.add(u.get("name").asString());
        });
        assertThat(drawn).isEqualTo(namesFromApi);
        assertThat(get("/instruments/ICMW?date=2022-06-01").body())
                .contains(fromApi.size() + " parties bound on 2022-06-01");
    }

    // Item 3: dates as published; unknown dates unknown.

    @Test
    void aYearOnlyRatificationIsReturnedAsTheYearAndUndatedSignaturesExistOnNoDate() {
        assumeSharedData();
        JsonNode albania =
                get("/api/v1/participations?subject=ICMW&party=ALB").json().get(0);
        assertThat(albania.get("since").asString()).isEqualTo("2007");
        JsonNode in1995 = get("/map/ICMW.json?date=1995-06-01").json();
        List<String> labels = new java.util.ArrayList<>();
        in1995.forEach(e -> labels.add(e.get("label").asString()));
        assertThat(labels).doesNotContain("Montenegro", "Serbia");
        JsonNode in2022 = get("/map/ICMW.json?date=2022-06-01").json();
        in2022.forEach(e -> assertThat(e.get("status").asString())
                .as(e.get("label").asString())
                .doesNotContain("date unknown"));
        assertThat(get("/instruments/ICMW?date=2022-06-01").body())
                .contains("date unknown")
                .contains("counted on no date");
    }

    // Items 4, 5 and 8: legal facts.

    @Test
    void bulgariaAndRomaniaIssuedSchengenVisasFrom31March2024() {
        JsonNode answer = travel("IND", "BGR", "2024-06-01", null);
        assertThat(answer.get("authority").get("instrumentId").asString()).isEqualTo("SCHENGEN");
        assertThat(answer.get("authority").get("decision").asString()).contains("Schengen short-stay visa");
        assertThat(travel("IND", "BGR", "2024-03-01", null)
                        .get("authority")
                        .get("instrumentId")
                        .isNull())
                .isTrue();
        assertThat(get("/api/v1/participations?subject=SCHENGEN&party=ROU")
                        .json()
                        .get(0)
                        .get("source")
                        .get("reference")
                        .asString())
                .contains("2024/210")
                .contains("internal land borders");
    }

    @Test
    void anAmericanMayApplyForAGermanResidenceTitleInGermanyAfterAVisaFreeEntry() {
        for (String passport : List.of("USA", "AUS", "ISR", "JPN", "CAN", "KOR", "NZL", "GBR")) {
            JsonNode authority = travel(passport, "DEU", "2026-06-01", "work").get("authority");
            assertThat(authority.get("applyAt").asString())
                    .as(passport)
                    .contains("in Germany")
                    .doesNotContain("country of residence");
            assertThat(authority.get("source").get("title").asString()).contains("§ 41");
        }
        assertThat(travel("NGA", "DEU", "2026-06-01", "work")
                        .get("authority")
                        .get("applyAt")
                        .asString())
                .contains("country of residence");
    }

    @Test
    void switzerlandAndTheEeaStatesExtendedFreeMovementToNewMemberStatesOnlyWhenTheirProtocolsApplied() {
        assertThat(travel("POL", "CHE", "2005-06-01", null).get("category").asString())
                .isNotEqualTo("FREE_MOVEMENT");
        assertThat(travel("POL", "CHE", "2006-06-01", null).get("category").asString())
                .isEqualTo("FREE_MOVEMENT");
        assertThat(travel("ROU", "CHE", "2008-06-01", null).get("category").asString())
                .isNotEqualTo("FREE_MOVEMENT");
        assertThat(travel("ROU", "CHE", "2009-07-01", null).get("category").asString())
                .isEqualTo("FREE_MOVEMENT");
        assertThat(travel("HRV", "CHE", "2015-06-01", null).get("category").asString())
                .isNotEqualTo("FREE_MOVEMENT");
        assertThat(travel("HRV", "CHE", "2017-02-01", null).get("category").asString())
                .isEqualTo("FREE_MOVEMENT");
        assertThat(travel("CHE", "HRV", "2015-06-01", null).get("category").asString())
                .isNotEqualTo("FREE_MOVEMENT");
        assertThat(travel("ROU", "NOR", "2007-03-01", null).get("category").asString())
                .isNotEqualTo("FREE_MOVEMENT");
        JsonNode extended = travel("ROU", "NOR", "2007-09-01", null);
        assertThat(extended.get("category").asString()).isEqualTo("FREE_MOVEMENT");
        assertThat(extended.get("explanation").asString()).contains("not modelled");
        assertThat(travel("HRV", "ISL", "2014-01-01", null).get("category").asString())
                .isNotEqualTo("FREE_MOVEMENT");
        assertThat(travel("HRV", "ISL", "2014-05-01", null).get("category").asString())
                .isEqualTo("FREE_MOVEMENT");
        // Before 30 April 2006 the authority is the Community law of the time, not Directive 2004/38/EC.
        JsonNode founders = travel("FRA", "DEU", "1975-06-01", null).get("authority");
        assertThat(founders.get("decision").asString())
                .contains("law of the time")
                .doesNotContain("(Directive 2004/38/EC art. 5)");
        assertThat(founders.get("source").get("title").asString())
                .doesNotStartWith("Directive 2004/38/EC on the right");
        assertThat(travel("FRA", "DEU", "2010-06-01", null)
                        .get("authority")
                        .get("decision")
                        .asString())
                .contains("(Directive 2004/38/EC art. 5)");
    }

    @Test
    void theSchengenConventionEnteredIntoForceIn1993AndWasAppliedFrom1995() {
        JsonNode schengen = get("/api/v1/instruments/SCHENGEN").json().get("instrument");
        assertThat(schengen.get("inForce").asString()).isEqualTo("1993-09-01");
        assertThat(schengen.get("appliedFrom").asString()).isEqualTo("1995-03-26");
        assertThat(get("/instruments/SCHENGEN").body()).contains("Applied from").contains("1995-03-26");
        assertThat(schengen.get("source").get("reference").asString())
                .contains("in force 1 September 1993")
                .contains("applied from 26 March 1995");
    }

    @Test
    void vanuatuKeptItsWaiverUntilTheTotalSuspensionOf4February2023() {
        JsonNode in2020 = travel("VUT", "FRA", "2020-06-01", null);
        assertThat(in2020.get("basis").asString()).isEqualTo("COMMITMENT");
        assertThat(in2020.get("instrumentId").asString()).isEqualTo("EU_VISA_REGULATION");
        assertThat(travel("VUT", "FRA", "2022-09-01", null).get("explanation").asString())
                .contains("not modelled");
        // From the total suspension the exemption no longer holds: the obligation the suspension leaves decides, and it
        // is
        // no waiver (the suspension's implementing act is marked unverified in the reference data).
        JsonNode suspended = travel("VUT", "FRA", "2023-06-01", null);
        assertThat(suspended.get("category").asString()).isEqualTo("VISA_REQUIRED");
        assertThat(suspended.get("explanation").asString()).contains("suspension");
    }

    @Test
    void nonRefoulementInThe1951ConventionAdmitsTheExceptionsOfArticle33Paragraph2() {
        JsonNode refugee =
                get("/api/v1/commitments?instrument=REFUGEE_1951").json().get(0);
        assertThat(refugee.get("terms").get("non_derogable").asString()).isEqualTo("false");
        assertThat(refugee.get("source").get("reference").asString()).contains("33(2)");
        JsonNode torture = get("/api/v1/commitments?instrument=CAT").json().get(0);
        assertThat(torture.get("terms").get("non_derogable").asString()).isEqualTo("true");
    }

    @Test
    void registryWordingNamesAndRegionsAreThoseOfTheirSources() {
        assertThat(get("/api/v1/parties/FSM").json().get("party").get("name").asString())
                .isEqualTo("Micronesia (Federated States of)");
        Set<String> subRegions = new HashSet<>();
        get("/api/v1/parties?kind=STATE")
                .json()
                .forEach(s -> subRegions.add(s.get("subRegion").asString()));
        assertThat(subRegions)
                .doesNotContain("Western Africa", "Eastern Africa", "Caribbean", "South America", "Central America")
                .contains(
                        "Sub-Saharan Africa", "Latin America and the Caribbean", "Northern Africa", "Northern America");
        String network = get("/api/v1/parties/GMG").json().get("party").toString();
        assertThat(network).contains("established by the UN Secretary-General");
        assertThat(get("/api/v1/parties/GFMD").json().get("party").toString()).doesNotContain("yearly since 2007");
        JsonNode c189 = get("/api/v1/instruments/ILO_C189").json().get("instrument");
        assertThat(c189.get("inForce").asString()).isEqualTo("2013-09-05");
        assertThat(get("/instruments/ILO_C189").body()).contains("Participation not recorded in Orderly");
    }

    @Test
    void aCommitmentOverridesTheUnilateralPolicyOnlyWhenItChangesTheAnswer() {
        assumeSharedData();
        JsonNode same = travel("USA", "FRA", "2025-01-12", null);
        assertThat(same.get("basis").asString()).isEqualTo("COMMITMENT");
        assertThat(same.get("unilateralStayDays").asInt()).isEqualTo(90);
        assertThat(same.get("overridesUnilateral").asBoolean()).isFalse();
        assertThat(travel("NRU", "FRA", "2025-01-12", null)
                        .get("overridesUnilateral")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void treatyImportSourcesNameTheIntermediaryExtractAndProcessMembershipsAreNeverCountedWithoutADate() {
        assumeSharedData();
        assertThat(get("/api/v1/participations?subject=ICMW&party=ALB")
                        .json()
                        .get(0)
                        .get("source")
                        .get("title")
                        .asString())
                .contains("world-politics-datalab");
        assertThat(get("/parties/BALI").body()).contains("date unknown");
        assertThat(get("/api/v1/instruments/SCHENGEN?date=2026-06-01")
                        .json()
                        .get("boundParties")
                        .size())
                .isEqualTo(29);
    }

    // Item 6: counts with the extract's date; staleness from the date asked.

    @Test
    void countsSayWhichExtractTheyComeFromAndTravelDataAgeIsMeasuredFromTheDateAsked() {
        assumeSharedData();
        assertThat(get("/instruments/ICMW").body()).contains("in the extract of 2022-08");
        assertThat(get("/instruments/CAT?date=2026-01-01").body()).contains("in the extract of 2022-08");
        assertThat(get("/instruments").body()).contains("in the extract of 2022-08");
        String party = get("/parties/DEU").body();
        assertThat(party).contains("visa matrix of 2025-01-12").contains("more than a year");

        JsonNode near = travel("AFG", "ALB", "2022-07-10", null);
        assertThat(near.get("stale").asBoolean()).isFalse();
        JsonNode far = travel("AFG", "ALB", "2010-01-01", null);
        assertThat(far.get("stale").asBoolean()).isTrue();
        assertThat(far.get("warning").asString()).contains("after the date asked");
    }

    // Item 7: no commitment is not a target met.

    @Test
    void aStateThatOwesNoWaiverHasNoCommitmentRatherThanAGapOfZero() {
        assumeSharedData();
        JsonNode afghanistan = valueFor("implementation-gaps", "AFG", "2025-01-12");
        assertThat(afghanistan.get("value").isNull()).isTrue();
        assertThat(afghanistan.get("note").asString()).contains("no commitment");
        assertThat(valueFor("implementation-gaps", "DEU", "2025-01-12")
                        .get("value")
                        .isNull())
                .isFalse();
        String scorecard = get("/scorecards/AFG").body();
        assertThat(scorecard).contains("no commitment");
    }

    // The secretariat's recording path: a whole status list as CSV with its source. (The server tests share one
    // database: these lists go to the trafficking and smuggling protocols, which no other test expects unrecorded.)

    @Test
    void theSecretariatRecordsAWholeStatusListAsCsvAndAWrongListIsRefusedWithLineAndColumn() {
        String source =
                "sourceTitle=Test%20status%20list&sourceReference=test%20fixture%2C%20not%20a%20fact&asOf=2026-11-30";
        String bad = "party,status,since,until\nKEN,RATIFIED,2014,\nFJI,MAYBE,2019-06-01,\n";
        Response refused = post(
                "/api/v1/participations/status-list?subject=TIP_PROTOCOL&" + source,
                "text/csv",
                bad,
                "secretariat",
                "test-only-secretariat");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("line 3")
                .contains("column 2")
                .contains("status")
                .contains("MAYBE");
        assertThat(get("/api/v1/participations?subject=TIP_PROTOCOL").json().size())
                .as("a refused list changes nothing")
                .isZero();

        String good = "party,status,since,until\nKEN,RATIFIED,2014,\nFJI,SIGNED,,\n";
        Response saved = post(
                "/api/v1/participations/status-list?subject=TIP_PROTOCOL&" + source,
                "text/csv",
                good,
                "secretariat",
                "test-only-secretariat");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        JsonNode recorded = get("/api/v1/participations?subject=TIP_PROTOCOL").json();
        assertThat(recorded.size()).isEqualTo(2);
        assertThat(recorded.toString()).contains("\"since\":\"2014\"").contains("Test status list");
        assertThat(post(
                                "/api/v1/participations/status-list?subject=TIP_PROTOCOL&" + source,
                                "text/csv",
                                good,
                                null,
                                null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theSecretariatsPageRefusesAWrongStatusListWithLineAndColumnAndRecordsARightOne() throws Exception {
        Session session = signIn("secretariat", "test-only-secretariat");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String form = client.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/secretariat/participations")))
                                .header("Cookie", session.cookie())
                                .GET()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(csrf.find()).isTrue();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", csrf.group(1));
        fields.put("subject", "SOM_PROTOCOL");
        fields.put("list", "party,status,since\nKEN,RATIFIED,2014\nFJI,RATIFIED,14 June 2019\n");
        fields.put("sourceTitle", "Test status list");
        fields.put("sourceReference", "test fixture, not a fact");
        fields.put("asOf", "2026-11-30");
        java.util.function.Function<Map<String, String>, java.net.http.HttpResponse<String>> post = f -> {
            try {
                return client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(url("/secretariat/participations/status-list")))
                                .header("Cookie", session.cookie())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(f.entrySet().stream()
                                        .map(e -> e.getKey() + "="
                                                + java.net.URLEncoder.encode(
                                                        e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                                        .collect(java.util.stream.Collectors.joining("&"))))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        };
        var refused = post.apply(fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("line 3, column 3 (since)").contains("nothing was recorded");
        assertThat(get("/api/v1/participations?subject=SOM_PROTOCOL").json().size())
                .isZero();
        fields.put("list", "party,status,since\nKEN,RATIFIED,2014\nFJI,RATIFIED,2019-06-14\n");
        var saved = post.apply(fields);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("2 participations in SOM_PROTOCOL recorded");
        assertThat(get("/api/v1/participations?subject=SOM_PROTOCOL").json().size())
                .isEqualTo(2);
    }

    private JsonNode valueFor(String indicator, String party, String period) {
        JsonNode values = get("/api/v1/indicators/" + indicator + "/values?party=" + party)
                .json();
        for (JsonNode value : values) if (value.get("period").asString().equals(period)) return value;
        throw new AssertionError("no " + indicator + " value for " + party + " in " + period + ": " + values);
    }

    private static Set<String> bound(JsonNode map) {
        Set<String> names = new TreeSet<>();
        map.forEach(e -> {
            if (e.get("value").get(0).asInt() == 3) names.add(e.get("label").asString());
        });
        return names;
    }

    /** Every cell of a published matrix, keyed "PASSPORT,DESTINATION", read as plain text (the oracle, not Orderly's reader). */
    static Map<String, String> cells(Path file) throws IOException {
        Map<String, String> cells = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            int last = line.lastIndexOf(',');
            cells.put(line.substring(0, last), line.substring(last + 1).trim());
        }
        return cells;
    }

    /** Reciprocity recounted from the raw cells: partners listed both ways with ordinary policy on both sides. */
    static Double recountReciprocity(Map<String, String> cells, String state) {
        Set<String> others = new TreeSet<>();
        cells.keySet().forEach(pair -> others.add(pair.substring(0, 3)));
        int partners = 0;
        int same = 0;
        for (String other : others) {
            if (other.equals(state)) continue;
            String admits = cells.get(other + "," + state);
            String admitted = cells.get(state + "," + other);
            if (admits == null || admitted == null || admits.equals("covid ban") || admitted.equals("covid ban"))
                continue;
            partners++;
            if (kind(admits).equals(kind(admitted))) same++;
        }
        return partners == 0 ? null : (double) same / partners;
    }

    private static String kind(String cell) {
        return cell.matches("[0-9]+") ? "visa free" : cell;
    }

    private static boolean needsVisa(String cell) {
        return cell.equals("e-visa")
                || cell.equals("visa required")
                || cell.equals("no admission")
                || cell.equals("covid ban");
    }
}
