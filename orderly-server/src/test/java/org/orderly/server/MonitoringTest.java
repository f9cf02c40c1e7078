package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.orderly.testing.SharedData;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring as the public sees it: the indicators API, CSV downloads, the Atom feed, and the indicator, scorecard and
 * country-review pages in a real headless Chromium at desk and phone width.
 */
class MonitoringTest extends ServerTest {
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    private static void assumeVisaMatrices() {
        SharedData.folder("visa/history");
    }

    @Test
    void listsEveryIndicatorPublicly() {
        Response response = get("/api/v1/indicators");
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids)
                .contains(
                        "implementation-gaps",
                        "visa-openness",
                        "visa-reciprocity",
                        "remittance-cost-to",
                        "readmission-answered-in-time");
    }

    @Test
    void everyStateHasAValueOrNoRecordsYetAndOperationsAreNeverZero() {
        Response response = get("/api/v1/indicators/readmission-answered-in-time/values?party=deu");
        assertThat(response.status()).isEqualTo(200);
        JsonNode values = response.json();
        assertThat(values.size()).isEqualTo(1);
        assertThat(values.get(0).get("value").isNull()).isTrue();
        assertThat(values.get(0).get("note").asString()).startsWith("no records yet");
    }

    @Test
    void opennessValuesFollowTheImportedSnapshotsAndDownloadAsCsv() throws Exception {
        assumeVisaMatrices();
        JsonNode values = get("/api/v1/indicators/visa-openness/values?party=DEU&from=2024-01-01")
                .json();
        assertThat(values.size()).isGreaterThanOrEqualTo(2);
        values.forEach(v ->
                assertThat(v.get("period").asString().compareTo("2024-01-01")).isPositive());

        Response csv = get("/api/v1/indicators/visa-openness/values.csv?party=DEU&from=2024-01-01");
        assertThat(csv.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows).hasSize(values.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(Double.parseDouble(rows.get(i).get("value")))
                    .isEqualTo(values.get(i).get("value").asDouble());
            assertThat(rows.get(i).get("provenance")).contains("entry policies imported from");
        }
    }

    @Test
    void theIndicatorMapPutsEveryStateInTheBandOfItsValueLowestFirst() {
        assumeVisaMatrices();
        JsonNode entries = get("/indicators/visa-openness/map.json").json();
        assertThat(entries.size()).isGreaterThan(150);
        java.util.Map<Integer, java.util.DoubleSummaryStatistics> byBand = new java.util.TreeMap<>();
        entries.forEach(e -> {
            int band = e.get("band").asInt();
            if (e.get("value").isNull()) {
                assertThat(band).isEqualTo(-1);
                assertThat(e.get("shown").asString()).isEqualTo("no records yet");
            } else {
                assertThat(band).isBetween(0, 3);
                byBand.computeIfAbsent(band, b -> new java.util.DoubleSummaryStatistics())
                        .accept(e.get("value").asDouble());
            }
        });
        assertThat(byBand).hasSizeGreaterThan(1);
        Double previousHighest = null;
        for (var band : byBand.values()) {
            if (previousHighest != null)
                assertThat(band.getMin()).as("bands do not overlap").isGreaterThan(previousHighest);
            previousHighest = band.getMax();
        }
    }

    @Test
    void anUnknownIndicatorOrAnAbsurdDateIsAClearClientError() {
        assertThat(get("/api/v1/indicators/happiness/values").status()).isEqualTo(404);
        assertThat(get("/api/v1/indicators/visa-openness/values?from=5000-01-01")
                        .status())
                .isEqualTo(400);
        assertThat(get("/api/v1/indicators/visa-openness/values?from=yesterday").status())
                .isEqualTo(400);
    }

    @Test
    void theFeedIsAtomWithAnEntryPerDestinationWhosePolicyChanged() throws Exception {
        assumeVisaMatrices();
        Response feed = get("/indicators/feed.atom");
        assertThat(feed.status()).isEqualTo(200);
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(feed.body())));
        assertThat(
                        document.getDocumentElement().getLocalName() == null
                                ? document.getDocumentElement().getTagName()
                                : document.getDocumentElement().getLocalName())
                .isEqualTo("feed");
        assertThat(document.getElementsByTagName("entry").getLength()).isPositive();
    }

    @Test
    void indicatorScorecardAndReviewPagesWorkAtDeskAndPhoneWidth() {
        assumeVisaMatrices();
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));

            browser.get(url("/indicators"));
            assertThat(browser.findElement(By.id("indicators")).getText()).contains("Implementation gaps");
            Browser.screenshot(browser, "indicators-" + width);

            browser.get(url("/indicators/visa-openness"));
            // On a phone the table shows 25 rows at a time: Germany is in it, shown or behind "Show more".
            assertThat(browser.findElement(By.id("values")).getAttribute("textContent"))
                    .contains("Germany");
            assertThat(browser.findElement(By.id("download-csv")).getAttribute("href"))
                    .endsWith("/api/v1/indicators/visa-openness/values.csv");
            Browser.waiting(browser)
                    .until(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-ready")));
            assertThat(browser.findElements(By.cssSelector("#map canvas, #map svg")))
                    .as("the world map is drawn at " + width + " px")
                    .isNotEmpty();
            assertThat(browser.findElement(By.id("map-legend")).getText())
                    .contains("plain", "dotted", "no value for this period");
            Browser.screenshot(browser, "indicator-visa-openness-" + width);
            browser.executeScript("document.getElementById('map').scrollIntoView()");
            Browser.screenshot(browser, "indicator-visa-openness-map-" + width);

            browser.get(url("/scorecards/DEU"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Scorecard: Germany");
            assertThat(browser.findElements(By.cssSelector(".trend svg")))
                    .as("trend charts drawn")
                    .isNotEmpty();
            Browser.screenshot(browser, "scorecard-DEU-" + width);

            browser.get(url("/scorecards/DEU/review"));
            assertThat(browser.findElement(By.id("review-indicators")).getText())
                    .contains("Visa openness");
            Browser.screenshot(browser, "review-DEU-" + width);

            Object overflow =
                    browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow)
                    .as("no sideways scrolling on the country review at " + width + " px")
                    .isEqualTo(false);
        }
    }

    private static String submission(String value, String period, String source) {
        return "{\"value\":" + value + ",\"period\":\"" + period + "\",\"source\":" + source + "}";
    }

    private static final String SOURCE =
            "{\"title\":\"Federal Foreign Office, visa policy overview\",\"reference\":\"test submission\",\"asOf\":\"2025-01-10\"}";

    @Test
    void aPartyReportsItsOwnValueWhichIsShownBesideTheComputedOneAndFlaggedWhenTheyDisagree() {
        assumeVisaMatrices();
        JsonNode computedValues =
                get("/api/v1/indicators/visa-openness/values?party=DEU").json();
        JsonNode latest = computedValues.get(computedValues.size() - 1);
        String period = latest.get("period").asString();
        double computed = latest.get("value").asDouble();
        String path = "/api/v1/indicators/visa-openness/reported-values";

        Response agreeing = post(
                path, "application/json", submission(number(computed), period, SOURCE), "deu-clerk", "test-only-clerk");
        assertThat(agreeing.status()).as(agreeing.body()).isEqualTo(201);
        assertThat(agreeing.json().get("disagrees").asBoolean()).isFalse();
        assertThat(agreeing.json().get("computed").asDouble()).isEqualTo(computed);
        assertThat(agreeing.json().get("reported").get("party").asString()).isEqualTo("DEU");
        assertThat(agreeing.json().get("reported").get("submittedBy").asString())
                .isEqualTo("deu-clerk");
        assertThat(germanyRow(period)).contains("(agrees)", "Federal Foreign Office, visa policy overview");

        Response disagreeing = post(
                path,
                "application/json",
                submission(number(computed + 3), period, SOURCE),
                "deu-negotiator",
                "test-only-deu");
        assertThat(disagreeing.status()).as(disagreeing.body()).isEqualTo(201);
        assertThat(disagreeing.json().get("disagrees").asBoolean()).isTrue();
        JsonNode listed = null;
        for (JsonNode c : get(path).json()) {
            if (c.get("reported").get("party").asString().equals("DEU")
                    && c.get("reported").get("period").asString().equals(period)) listed = c;
        }
        assertThat(listed).as("the latest DEU report is listed").isNotNull();
        assertThat(listed.get("reported").get("value").asDouble()).isEqualTo(computed + 3);
        assertThat(listed.get("disagrees").asBoolean()).isTrue();
        assertThat(germanyRow(period))
                .contains("disagrees with the computed value")
                .doesNotContain("(agrees)");
        String scorecard = get("/scorecards/DEU").body();
        assertThat(scorecard).contains("Reported by", "they disagree", "Federal Foreign Office, visa policy overview");
    }

    /** The text of Germany's row in the indicator page's table for a period. */
    private String germanyRow(String period) {
        browser.get(url("/indicators/visa-openness?period=" + period));
        return browser.findElements(By.cssSelector("#values tbody tr")).stream()
                .map(r -> r.getText())
                .filter(t -> t.startsWith("Germany"))
                .findFirst()
                .orElseThrow();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Test
    void onlyAPrincipalOfThePartyReportsAndBadInputIsRefusedNamingTheField() {
        String path = "/api/v1/indicators/visa-openness/reported-values";
        int before = get(path).json().size();
        String good = submission("12", "2024", SOURCE);
        assertThat(post(path, "application/json", good, null, null).status())
                .as("anonymous")
                .isEqualTo(401);
        Response noParty = post(path, "application/json", good, "secretariat", "test-only-secretariat");
        assertThat(noParty.status()).as("an account acting for no party").isEqualTo(403);
        Response otherParty = post(
                path, "application/json", "{\"party\":\"MAR\"," + good.substring(1), "deu-clerk", "test-only-clerk");
        assertThat(otherParty.status()).as("another party's value").isEqualTo(403);

        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"period\":\"2024\",\"source\":" + SOURCE + "}", "value");
        bad.put(submission("\"many\"", "2024", SOURCE), "value");
        bad.put(submission("12", "2024-13-01", SOURCE), "period");
        bad.put(submission("12", "recently", SOURCE), "period");
        bad.put("{\"value\":12,\"period\":\"2024\"}", "source");
        bad.put(submission("12", "2024", "{\"title\":\" \",\"asOf\":\"2025-01-10\"}"), "source.title");
        bad.put(submission("12", "2024", "{\"title\":\"Report\"}"), "source.asOf");
        bad.put(submission("12", "2024", "{\"title\":\"Report\",\"asOf\":\"5000-01-01\"}"), "source.asOf");
        bad.forEach((body, field) -> {
            Response response = post(path, "application/json", body, "deu-clerk", "test-only-clerk");
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains(field);
        });
        assertThat(post(
                                "/api/v1/indicators/happiness/reported-values",
                                "application/json",
                                good,
                                "deu-clerk",
                                "test-only-clerk")
                        .status())
                .isEqualTo(404);
        assertThat(get(path).json().size()).as("nothing refused was stored").isEqualTo(before);
    }

    @Test
    void aBrowserSessionReportsOnlyWithItsCsrfToken() {
        String path = "/api/v1/indicators/remittance-cost-to/reported-values";
        Session session = signIn("mar-negotiator", "test-only-mar");
        assertThat(send(session, "POST", path, "application/json", submission("6.5", "2022", SOURCE), false)
                        .status())
                .isEqualTo(403);
        Response sent = send(session, "POST", path, "application/json", submission("6.5", "2022", SOURCE), true);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("reported").get("party").asString()).isEqualTo("MAR");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.orderly.store.monitoring.WdiSeriesStore wdiSeries;

    @Test
    void aWdiSeriesImportedIntoTheDatabaseIsPreferredToTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path original = SharedData.file("remittances/sending-cost-to-country.xls");
        JsonNode fromFile =
                get("/api/v1/indicators/remittance-cost-to/values?party=MEX").json();
        JsonNode last = fromFile.get(fromFile.size() - 1);
        String year = last.get("period").asString();
        assertThat(last.get("provenance").get(0).get("kind").asString()).isEqualTo("file");

        // The same export with one cell changed (Mexico, the latest year), written by POI as Excel writes it.
        Path changed = dir.resolve("sending-cost-to-country.xls");
        try (var in = Files.newInputStream(original);
                var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(in)) {
            var data = workbook.getSheet("Data");
            int yearColumn = -1;
            for (var row : data) {
                if (yearColumn < 0) {
                    for (var cell : row)
                        if (cell.toString().replace(".0", "").equals(year)) yearColumn = cell.getColumnIndex();
                    continue;
                }
                if (row.getCell(1) != null && row.getCell(1).toString().equals("MEX"))
                    row.getCell(yearColumn).setCellValue(42.5);
            }
            try (var out = Files.newOutputStream(changed)) {
                workbook.write(out);
            }
        }
        try {
            wdiSeries.importFile(changed);
            JsonNode stored = get("/api/v1/indicators/remittance-cost-to/values?party=MEX")
                    .json();
            JsonNode now = stored.get(stored.size() - 1);
            assertThat(now.get("period").asString()).isEqualTo(year);
            assertThat(now.get("value").asDouble()).isEqualTo(42.5);
            assertThat(now.get("provenance").get(0).get("kind").asString()).isEqualTo("import run");
            // The policy lab prices remittances to Mexico with the same series (issue 27 item 3).
            if (SharedData.has("migration")) {
                assertThat(labCostToMexico(year)).isEqualTo(42.5);
            }
        } finally {
            wdiSeries.importFile(original);
        }
        JsonNode restored =
                get("/api/v1/indicators/remittance-cost-to/values?party=MEX").json();
        assertThat(restored.get(restored.size() - 1).get("value").asDouble())
                .isEqualTo(last.get("value").asDouble());
        if (SharedData.has("migration")) {
            assertThat(labCostToMexico(year)).isEqualTo(last.get("value").asDouble());
        }
    }

    /** The cost of the lab's corridors priced at the average cost of sending to Mexico in {@code year} (all alike). */
    private double labCostToMexico(String year) {
        Response response = get("/api/v1/lab/remittances?limit=1000");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        java.util.Set<Double> costs = new java.util.TreeSet<>();
        for (JsonNode corridor : response.json().get("corridors")) {
            if (corridor.get("origin").asString().equals("MEX")
                    && corridor.get("costBasis").asString().equals("average cost of sending to MEX (" + year + ")")) {
                costs.add(corridor.get("costPercent").asDouble());
            }
        }
        assertThat(costs)
                .as("the lab's corridors priced at the cost of sending to Mexico")
                .hasSize(1);
        return costs.iterator().next();
    }

    @Test
    void anUnknownStateHasNoScorecard() {
        Response response = get("/scorecards/XYZ");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("There is no state &#39;XYZ&#39; in the registry.");
    }
}
