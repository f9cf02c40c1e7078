package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assumeTrue(Files.isDirectory(Path.of(System.getProperty("orderly.shared.data", "../shared/data"), "visa", "history")),
                "../shared/data is absent: the monitoring tests on the imported visa matrices skip");
    }

    @Test
    void listsEveryIndicatorPublicly() {
        Response response = get("/api/v1/indicators");
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).contains("implementation-gaps", "visa-openness", "visa-reciprocity", "remittance-cost-to",
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
        JsonNode values = get("/api/v1/indicators/visa-openness/values?party=DEU&from=2024-01-01").json();
        assertThat(values.size()).isGreaterThanOrEqualTo(2);
        values.forEach(v -> assertThat(v.get("period").asString().compareTo("2024-01-01")).isPositive());

        Response csv = get("/api/v1/indicators/visa-openness/values.csv?party=DEU&from=2024-01-01");
        assertThat(csv.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(values.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(Double.parseDouble(rows.get(i).get("value"))).isEqualTo(values.get(i).get("value").asDouble());
            assertThat(rows.get(i).get("provenance")).contains("entry policies imported from");
        }
    }

    @Test
    void anUnknownIndicatorOrAnAbsurdDateIsAClearClientError() {
        assertThat(get("/api/v1/indicators/happiness/values").status()).isEqualTo(404);
        assertThat(get("/api/v1/indicators/visa-openness/values?from=5000-01-01").status()).isEqualTo(400);
        assertThat(get("/api/v1/indicators/visa-openness/values?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theFeedIsAtomWithAnEntryPerDestinationWhosePolicyChanged() throws Exception {
        assumeVisaMatrices();
        Response feed = get("/indicators/feed.atom");
        assertThat(feed.status()).isEqualTo(200);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(feed.body())));
        assertThat(document.getDocumentElement().getLocalName() == null ? document.getDocumentElement().getTagName()
                : document.getDocumentElement().getLocalName()).isEqualTo("feed");
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
            assertThat(browser.findElement(By.id("values")).getText()).contains("Germany");
            assertThat(browser.findElement(By.id("download-csv")).getAttribute("href")).endsWith("/api/v1/indicators/visa-openness/values.csv");
            Browser.screenshot(browser, "indicator-visa-openness-" + width);

            browser.get(url("/scorecards/DEU"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Scorecard: Germany");
            assertThat(browser.findElements(By.cssSelector(".trend svg"))).as("trend charts drawn").isNotEmpty();
            Browser.screenshot(browser, "scorecard-DEU-" + width);

            browser.get(url("/scorecards/DEU/review"));
            assertThat(browser.findElement(By.id("review-indicators")).getText()).contains("Visa openness");
            Browser.screenshot(browser, "review-DEU-" + width);

            Object overflow = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).as("no sideways scrolling on the country review at " + width + " px").isEqualTo(false);
        }
    }

    @Test
    void anUnknownStateHasNoScorecard() {
        Response response = get("/scorecards/XYZ");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("There is no state &#39;XYZ&#39; in the registry.");
    }
}
