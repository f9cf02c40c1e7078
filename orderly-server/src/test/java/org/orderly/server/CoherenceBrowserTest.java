package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public coherence page in Chromium at a desk and a phone width: a recorded Hungarian visa waiver for Russian nationals
 * (Russia is in Annex I of Regulation (EU) 2018/1806, which binds Hungary) is listed with both sources, found by the
 * filters, downloaded as CSV; axe finds no serious violation and nothing overflows the phone.
 */
class CoherenceBrowserTest extends ServerTest {
    private static final String ID = "TEST_HUN_RUS_WAIVER";

    private void record() {
        String body = """
                {"instrument": {"id": "%s", "title": "Test Hungarian visa waiver for Russian nationals", "kind": "BILATERAL_AGREEMENT",
                  "level": "BILATERAL", "binding": true, "adopted": "2025-01-10", "inForce": "2025-02-01",
                  "pillars": ["LEGAL_MOVEMENT"], "source": {"title": "test fixture", "reference": "CoherenceBrowserTest", "asOf": "2026-01-01"}},
                 "commitments": [{"kind": "VISA_WAIVER", "grantors": ["HUN"], "beneficiaries": ["RUS"],
                  "terms": {"stay_days": "90", "window_days": "180"}}],
                 "participations": [{"party": "HUN", "status": "RATIFIED", "since": "2025-02-01"},
                                    {"party": "RUS", "status": "RATIFIED", "since": "2025-02-01"}]}
                """.formatted(ID);
        Response created =
                post("/api/v1/instruments", "application/json", body, "secretariat", "test-only-secretariat");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void anAnalystFindsTheConflictFiltersItAndDownloadsIt(int width, @TempDir Path downloads) throws Exception {
        record();
        ChromeDriver browser = PageChecks.open(width);
        try {
            PageChecks.downloadInto(browser, downloads);
            browser.get(url("/coherence?date=2026-12-06"));
            new Select(browser.findElement(By.id("kind"))).selectByValue("VISA_WAIVER_AGAINST_COMMON_VISA_LIST");
            browser.findElement(By.id("party")).sendKeys("HUN");
            browser.findElement(By.id("show")).click();
            // Other tests' concluded negotiations may list conflicts on the unfiltered page: wait for the filtered one.
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("party=HUN"));
            WebElement table =
                    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("conflicts")));
            assertThat(browser.getCurrentUrl()).contains("kind=VISA_WAIVER_AGAINST_COMMON_VISA_LIST");
            assertThat(browser.findElement(By.id("summary")).getText())
                    .isEqualTo("1 conflict(s) and 0 risk(s) on 2026-12-06.");
            assertThat(table.getText())
                    .contains("Hungary (HUN)")
                    .contains("Russian Federation (RUS)")
                    .contains(ID + " #1")
                    .contains("Regulation (EU) 2018/1806, art. 3(1) and Annex I")
                    .contains("test fixture");
            assertThat(PageChecks.seriousViolations(browser)).isEmpty();
            assertThat(PageChecks.overflow(browser))
                    .as("overflowing: %s", PageChecks.overflowing(browser))
                    .isZero();
            PageChecks.screenshot(browser, "coherence-" + width);

            WebElement tools = browser.findElement(
                    By.xpath(
                            "//table[@id='conflicts']/ancestor::div[@class='table-frame']/preceding-sibling::div[@class='table-tools'][1]"));
            tools.findElement(By.cssSelector(".download-csv")).click();
            Path csv = downloads.resolve("coherence-conflicts.csv");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(csv));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("Severity,Rule,Why,Parties,Instruments,Commitments,Sources");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("conflict,common visa list,").contains("HUN, RUS");

            new Select(browser.findElement(By.id("severity"))).selectByValue("risk");
            browser.findElement(By.id("show")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("severity=risk"));
            assertThat(browser.findElement(By.id("summary")).getText())
                    .startsWith("Nothing found on 2026-12-06")
                    .contains("with these filters");
            assertThat(browser.findElements(By.id("conflicts"))).isEmpty();
        } finally {
            browser.quit();
        }
    }
}
