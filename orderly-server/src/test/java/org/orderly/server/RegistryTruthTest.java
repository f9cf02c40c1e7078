package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.orderly.testing.SharedData;

/** Issue 8 and issue 12 item 2 through the server: pages say only what the registry can vouch for. */
class RegistryTruthTest extends ServerTest {

    @Test
    void anInstrumentWhoseParticipationWasNeverRecordedSaysSoAndHowToAddIt() {
        // ILO C97: Orderly's reference data carry no participation for it, and no extract of it is imported.
        String page = get("/instruments/ILO_C97").body();
        assertThat(page)
                .contains("Participation not recorded in Orderly")
                .contains("added by the secretariat, always with its source")
                .doesNotContain("/secretariat/participations")
                .doesNotContain("id=\"map\"")
                .doesNotContain("0 parties");
        assertThat(get("/instruments").body()).contains("not recorded in Orderly");
    }

    @Test
    void nothingIsShownBeforeAnInstrumentExisted() {
        String page = get("/instruments/SCHENGEN?date=1980-01-01").body();
        assertThat(page).contains("did not exist on 1980-01-01").doesNotContain("id=\"participations\"");
        assertThat(get("/map/SCHENGEN.json?date=1980-01-01").json().size()).isZero();
    }

    @Test
    void theDateControlChangesTheTableAsWellAsTheMap() {
        // Bulgaria and Romania apply the Schengen acquis from 31 March 2024 (Council Decision (EU) 2024/210).
        String in2024 = get("/instruments/SCHENGEN?date=2024-03-01").body();
        String in2025 = get("/instruments/SCHENGEN?date=2025-06-01").body();
        assertThat(in2024).contains("Croatia").doesNotContain(">Bulgaria<");
        assertThat(in2025).contains(">Bulgaria<");
        assertThat(in2024).contains("27 parties bound on 2024-03-01");
        assertThat(in2025).contains("29 parties bound on 2025-06-01");
    }

    @Test
    void yearOnlyRatificationsAreShownAsYearsAndDuringTheirYearAndSignaturesAsDateUnknown() {
        SharedData.file("ratifications/hr_status_icmw.csv");
        String in2022 = get("/instruments/ICMW?date=2022-06-01").body();
        assertThat(in2022)
                .contains("Albania")
                .doesNotContain("2007-01-01")
                .contains(">2007<")
                .contains("date unknown");
        String in2007 = get("/instruments/ICMW?date=2007-06-01").body();
        assertThat(in2007).contains("ratified during 2007 (day not recorded)");
        assertThat(get("/instruments/ICMW?date=1989-01-01").body()).contains("did not exist on 1989-01-01");
        assertThat(in2022).contains("covers the 193 UN member states only").contains("Holy See");
        assertThat(get("/parties/ALB").body()).contains(">2007<").doesNotContain("2007-01-01");
    }

    @Test
    void aNauruPassportHolderGoingToFranceIsToldAVisaIsRequiredAndWhy() {
        var answer = get("/api/v1/travel-requirements?passport=NRU&destination=FRA&date=2026-12-01")
                .json();
        assertThat(answer.toString()).contains("VISA_REQUIRED").contains("does not apply yet");
    }

    @Test
    void theSecretariatRecordsTheHolySeeWithItsSourceOnItsPageAndAnonymousVisitorsCannot() throws Exception {
        assertThat(get("/secretariat/participations").status())
                .as("a page sends anonymous visitors to sign in")
                .isEqualTo(302);
        HttpClient client = HttpClient.newBuilder().build();
        // A browser's way: signed in through the sign-in page, the form posts with the session's CSRF token.
        Session session = signIn("secretariat", "test-only-secretariat");
        String form = client.send(
                        HttpRequest.newBuilder(URI.create(url("/secretariat/participations?subject=CAT")))
                                .header("Cookie", session.cookie())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", csrf.group(1));
        fields.put("party", "VAT");
        fields.put("subject", "CAT");
        fields.put("status", "ACCEDED");
        fields.put("since", "2002-06-26");
        fields.put("until", "");
        fields.put("sourceTitle", "UN Treaty Collection, Chapter IV, treaty 9, status");
        fields.put("sourceReference", "https://treaties.un.org/ (Holy See: accession 26 June 2002)");
        fields.put("asOf", "2026-11-30");
        HttpResponse<String> saved = client.send(
                HttpRequest.newBuilder(URI.create(url("/secretariat/participations")))
                        .header("Cookie", session.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Recorded:").contains("VAT acceded CAT, 2002-06-26");
        assertThat(get("/instruments/CAT?date=2026-01-01").body())
                .contains("Holy See")
                .contains("as of 2026-11-30");

        fields.put("since", "26 June 2002");
        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(URI.create(url("/secretariat/participations")))
                        .header("Cookie", session.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("since: &#39;26 June 2002&#39; is not a date")
                .contains("value=\"VAT\"");
    }

    @Test
    void theApiRecordsAYearOnlyParticipationWithItsPrecision() {
        String body = """
                {"partyId": "PSE", "subjectId": "CAT", "status": "ACCEDED", "since": "2014-01-01", "sincePrecision": "YEAR",
                 "source": {"title": "UN Treaty Collection, Chapter IV, treaty 9", "reference": "State of Palestine, accession 2014", "asOf": "2026-11-30"}}""";
        assertThat(post("/api/v1/participations", "application/json", body, "secretariat", "test-only-secretariat")
                        .status())
                .isEqualTo(201);
        var participations = get("/api/v1/participations?subject=CAT&party=PSE").json();
        assertThat(participations.get(0).get("sincePrecision").asString()).isEqualTo("YEAR");
        assertThat(get("/instruments/CAT?date=2014-06-01").body()).contains("acceded during 2014 (day not recorded)");
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
