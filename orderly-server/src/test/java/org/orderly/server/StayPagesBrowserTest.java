package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The stay, overstay and readmission pages in a real headless Chromium, signed in as a border officer of Germany:
 * a traveller who overstayed is shown in red with the calendar, listed among the overstays, and a readmission request
 * is opened through the page's form. Screenshots go to target/screenshots. Skips without Chromium.
 */
class StayPagesBrowserTest extends ServerTest {
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1600);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void anOverstayingTravellerIsRedWithTheCalendarListedAndAReadmissionRequestIsOpenedByTheForm() throws IOException {
        String document = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response entry = post(
                "/api/v1/crossings",
                "application/json",
                "{\"id\":\"" + document + "\",\"direction\":\"entry\","
                        + "\"at\":\"2021-01-01T10:00:00Z\",\"crossingPoint\":\"MUC-T2\",\"documentNumber\":\""
                        + document + "\","
                        + "\"issuingState\":\"BRA\",\"rule\":\"90/180\"}",
                "border-officer",
                "test-only-border");
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);

        browser.get(url("/"));
        if (browser.findElements(By.id("signed-in")).isEmpty())
            Browser.signIn(browser, url(""), "border-officer", "test-only-border");
        browser.get(url("/border/stays?traveller=BRA:" + document + "&on=2021-04-10"));
        WebElement control = browser.findElement(By.id("control"));
        assertThat(control.getAttribute("class")).contains("verdict-stop");
        assertThat(control.getText()).containsIgnoringCase("overstay: 10 days past the limit");
        assertThat(browser.findElements(By.cssSelector("#calendar .days .day.stay")))
                .hasSize(100);
        Browser.screenshot(browser, "border-stays");

        browser.get(url("/border/overstays"));
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("BRA:" + document);
        Browser.screenshot(browser, "border-overstays");

        browser.get(url("/border/readmission"));
        browser.findElement(By.id("requested")).sendKeys("BRA");
        browser.findElement(By.id("personReference")).sendKeys(document);
        browser.findElement(By.id("open")).click();
        assertThat(Browser.waiting(browser)
                        .until(d -> d.findElement(By.id("cases")).getText().contains(document) ? d : null)
                        .findElement(By.id("cases"))
                        .getText())
                .contains("DEU → BRA")
                .contains("outside any agreement");
        Browser.screenshot(browser, "border-readmission");
    }
}
