package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The border officer's day count, at a desk (1400 px) and on a phone (390 px): a US traveller who used 73 of the 90
 * days of the Schengen rule is checked at the German border and the check itself says the days used, the days left and
 * the last legal day from the crossings ledger, links to the stays, and the stays page plans an entry and counts stays
 * typed from passport stamps. The ICAO specimen state UTO is named as a specimen, and stops the officer. No sideways scrolling, no serious
 * axe-core violation (amber text included), screenshots in target/screenshots.
 */
class BorderDaysBrowserTest extends DeskAndPhoneBrowserTest {
    private ChromeDriver signedIn(int width) {
        ChromeDriver browser = browser(width);
        browser.get(url("/"));
        if (browser.findElements(By.id("signed-in")).isEmpty())
            Browser.signIn(browser, url(""), "border-officer", "test-only-border");
        return browser;
    }

    private WebElement check(ChromeDriver browser, String zone, String on) {
        browser.get(url("/border"));
        browser.findElement(By.id("mrz")).sendKeys(zone);
        browser.executeScript("document.getElementById('on').value = arguments[0];", on);
        browser.findElement(By.id("check")).click();
        return Browser.waiting(browser).until(d -> {
            WebElement result = d.findElement(By.id("result"));
            return result.getText().contains("Travel requirement") ? result : null;
        });
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void theCheckCountsTheDaysOfAUsTravellerAndTheStaysPagePlansAndCountsStamps(int width) {
        String number = "U" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        // 1 February to 14 April 2026: 73 days of stay, all inside the 180 days ending 1 June 2026.
        for (String[] crossing : new String[][] {{"entry", "2026-02-01T09:00:00Z"}, {"exit", "2026-04-14T18:00:00Z"}}) {
            Response recorded = post(
                    "/api/v1/crossings",
                    "application/json",
                    "{\"direction\":\"" + crossing[0] + "\",\"at\":\"" + crossing[1]
                            + "\",\"crossingPoint\":\"FRA-T1\",\"documentNumber\":\"" + number
                            + "\",\"issuingState\":\"USA\",\"rule\":\"90/180\"}",
                    "border-officer",
                    "test-only-border");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        }
        ChromeDriver browser = signedIn(width);
        String[] zone = BorderZones.passport("USA", "MILLER", "JOHN", number, "800101", "M", "320101");
        WebElement result = check(browser, zone[0] + "\n" + zone[1], "2026-06-01");
        WebElement days = result.findElement(By.id("days"));
        assertThat(days.getText())
                .contains("73 of 90 days used")
                .contains("17 days left")
                .contains("2026-06-17")
                .contains("1 stay");
        WebElement stays = days.findElement(By.id("stays-link"));
        assertThat(stays.getDomAttribute("href"))
                .contains("traveller=USA:" + number)
                .contains("on=2026-06-01");
        fitsAndIsAccessible(browser, "border-days", width);

        stays.click();
        Browser.waiting(browser).until(d -> !d.findElements(By.id("control")).isEmpty());
        // The holder is outside: the stays page gives the days of an entry on the check's date, the check's last legal
        // day.
        assertThat(browser.findElement(By.id("control")).getText())
                .containsIgnoringCase("17 days left")
                .contains("if admitted on 2026-06-01")
                .contains("2026-06-17")
                .doesNotContain("2026-06-18");
        // The calendar shades the same days: 1 to 17 June may be stayed, not 2 to 18.
        java.util.List<String> left = browser.findElements(By.cssSelector("#calendar .days .day.left")).stream()
                .map(d -> d.getDomAttribute("title").substring(0, 10))
                .toList();
        assertThat(left).hasSize(17).startsWith("2026-06-01").endsWith("2026-06-17");
        browser.executeScript("document.getElementById('enter').value = '2026-07-20';");
        browser.findElement(By.id("plan-button")).click();
        // Entering on 20 July, the February days leave the window while he stays: 90 days, to 17 October.
        String plan = Browser.waiting(browser)
                .until(d -> d.findElements(By.id("plan")).isEmpty() ? null : d.findElement(By.id("plan")))
                .getText();
        assertThat(plan).contains("2026-07-20").contains("90 days").contains("2026-10-17");
        fitsAndIsAccessible(browser, "border-stays-plan", width);

        browser.get(url("/border/stays"));
        browser.findElement(By.id("stamps")).sendKeys("2026-01-10..2026-02-20\n2026-03-01..2026-03-30");
        browser.executeScript("document.getElementById('stamps-on').value = '2026-04-01';");
        browser.findElement(By.id("count-stamps")).click();
        // 42 + 30 days in the window ending 1 April 2026.
        String counted = Browser.waiting(browser)
                .until(d ->
                        d.findElements(By.id("stamps-answer")).isEmpty() ? null : d.findElement(By.id("stamps-answer")))
                .getText();
        assertThat(counted).contains("72 of 90 days used").containsIgnoringCase("18 days left");
        fitsAndIsAccessible(browser, "border-stamps", width);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void theIcaoSpecimenStopsTheOfficerAndTheAmberVerdictIsReadable(int width) {
        ChromeDriver browser = signedIn(width);
        WebElement result = check(
                browser,
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
                "2010-01-01");
        assertThat(result.findElement(By.id("travel")).getText())
                .contains("specimen")
                .contains("Utopia")
                .doesNotContain("did you mean");
        assertThat(result.findElement(By.id("verdict")).getText())
                .startsWithIgnoringCase("Stop")
                .contains("specimen")
                .doesNotContain("Trinidad");
        fitsAndIsAccessible(browser, "border-specimen", width);

        // A Nigerian at the German border needs a visa to be seen: the amber verdict, whose text axe checks for
        // contrast.
        String[] zone = BorderZones.passport(
                "NGA",
                "OKAFOR",
                "CHIDI",
                "A" + UUID.randomUUID().toString().substring(0, 7).toUpperCase(),
                "900101",
                "M",
                "320101");
        WebElement amber =
                check(browser, zone[0] + "\n" + zone[1], "2026-06-01").findElement(By.id("verdict"));
        assertThat(amber.getText()).startsWithIgnoringCase("Caution").contains("visa");
        assertThat(amber.getDomAttribute("class")).contains("verdict-caution");
        fitsAndIsAccessible(browser, "border-amber", width);
    }
}
