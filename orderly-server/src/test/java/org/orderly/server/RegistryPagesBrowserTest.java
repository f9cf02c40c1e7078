package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.orderly.testing.SharedData;

/** What the instrument pages say, as a reader sees them in Chromium (screenshots in target/screenshots). */
class RegistryPagesBrowserTest extends ServerTest {
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void anInstrumentWithoutRecordedParticipationSaysSoInsteadOfAnEmptyMap() {
        browser.get(url("/instruments/ILO_C143"));
        assertThat(browser.findElement(By.id("not-recorded")).getText())
                .contains("Participation not recorded in Orderly")
                // How one is added, in words: a public page gives no operator's address (issue 25 item 6).
                .contains("added by the secretariat, always with its source")
                .doesNotContain("/secretariat/participations");
        assertThat(browser.findElements(By.id("map"))).isEmpty();
        Browser.screenshot(browser, "instrument-not-recorded");
    }

    @Test
    void theMigrantWorkersConventionIn2007ShowsYearOnlyRatificationsAsDuringTheYear() {
        SharedData.file("ratifications/hr_status_icmw.csv");
        browser.get(url("/instruments/ICMW?date=2007-06-01"));
        String table = browser.findElement(By.id("participations")).getText();
        // The table names the kind of act and the ISO code (issue 25 item 6) beside the year-only date.
        assertThat(table)
                .contains("Albania ALB ratification or accession ratified during 2007 (day not recorded) during 2007");
        assertThat(table).doesNotContain("-01-01");
        assertThat(browser.findElement(By.id("coverage")).getText()).contains("Holy See");
        assertThat(browser.findElement(By.id("participation-summary")).getText())
                .contains("bound on 2007-06-01");
        Browser.screenshot(browser, "instrument-year-only");
    }
}
