package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.orderly.server.negotiation.NegotiationService;
import org.orderly.server.regime.RegimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A request-offer round run end to end on the pages in a real Chromium, among Germany, Morocco and France: requests,
 * offers, a schedule of exceptions, closing, valuations, the engine's package, the MFN extension (and what it is worth
 * to France, who asked for nothing), every party's acceptance and the conclusion into the registry.
 */
class RequestOfferBrowserTest extends ServerTest {
    private static final String ID = "RO-DEU-MAR-FRA";

    @Autowired
    DataSource dataSource;

    @Autowired
    RegimeService regime;

    @Autowired
    NegotiationService negotiations;

    /** The server's tests share one database: the concluded instrument must not change anyone else's travel answer. */
    @AfterEach
    void removeTheRound() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from commitment where instrument_id = ?").param(ID).update();
        jdbc.sql("delete from participation where subject_id = ?").param(ID).update();
        jdbc.sql("delete from instrument where id = ?").param(ID).update();
        jdbc.sql("delete from negotiation where id = ?").param(ID).update();
        regime.reload();
    }

    @Test
    void aRequestOfferRoundRunsFromRequestsToConclusionUnderMfn() {
        ChromeDriver browser = PageChecks.open(PageChecks.DESK);
        try {
            Browser.signIn(browser, url(""), "secretariat", "test-only-secretariat");
            browser.get(url("/negotiations"));
            browser.findElement(By.id("round-id")).sendKeys(ID);
            browser.findElement(By.id("round-title")).sendKeys("Mobility round among Germany, Morocco and France");
            browser.findElement(By.id("round-parties")).sendKeys("DEU, MAR, FRA");
            browser.findElement(By.id("open-round-button")).click();
            Browser.waiting(browser).until(d -> d.getCurrentUrl().endsWith("/negotiations/" + ID + "/room"));
            assertThat(browser.findElement(By.id("next-step")).getText())
                    .startsWith("Next: parties file requests, offers");

            as(browser, "mar-negotiator", "test-only-mar");
            fileRequest(browser, "mar-1", "DEU", "Visa-free short stays in Germany", "VISA_WAIVER", "90");
            as(browser, "deu-negotiator", "test-only-deu");
            fileRequest(browser, "deu-1", "MAR", "Readmission within 30 days", "READMISSION", "30");
            fileOffer(browser, "deu-visa", "90-day visa waiver", "VISA_WAIVER", "90", "windowDays=180", "mar-1");
            as(browser, "mar-negotiator", "test-only-mar");
            fileOffer(
                    browser,
                    "mar-readmission",
                    "Readmission of own nationals within 30 days",
                    "READMISSION",
                    "30",
                    "",
                    "deu-1");
            browser.findElement(By.cssSelector("#exceptions-form input[value=READMISSION]"))
                    .click();
            browser.findElement(By.cssSelector("#exceptions-form input[name=reason]"))
                    .sendKeys("readmission agreements are bilateral");
            submit(browser, "exceptions-button", "Your schedule of exceptions is filed.");
            assertThat(browser.findElement(By.id("offers")).getText())
                    .contains("bilateral only (schedule of exceptions)")
                    .contains("MFN: every party");

            as(browser, "secretariat", "test-only-secretariat");
            submit(browser, "close-button", "Requests and offers are closed");
            assertThat(browser.findElement(By.id("norms")).getText())
                    .contains("Most-favoured-nation: DEU's concession (90-day visa waiver) extends to every party");

            // Each party values each binding: bound for the requester only, or for every party under MFN.
            value(
                    browser,
                    "deu-negotiator",
                    "test-only-deu",
                    Map.of("v.deu-visa.bilateral", "-6", "v.deu-visa.mfn", "-10", "v.mar-readmission.bilateral", "20"));
            value(
                    browser,
                    "mar-negotiator",
                    "test-only-mar",
                    Map.of("v.deu-visa.bilateral", "25", "v.deu-visa.mfn", "22", "v.mar-readmission.bilateral", "-12"));
            value(browser, "fra-negotiator", "test-only-fra-negotiator", Map.of("v.deu-visa.mfn", "15"));

            as(browser, "secretariat", "test-only-secretariat");
            browser.findElement(By.id("propose-button")).click();
            Browser.waiting(browser)
                    .until(d -> !d.findElements(By.id("answers-1")).isEmpty());
            assertThat(browser.findElement(By.id("issues")).getText())
                    .contains("✓ bound for every party (MFN: MAR, FRA) (proposed)")
                    .contains("✓ bound for DEU only (proposed)");
            assertThat(browser.findElement(By.id("extensions")).getText())
                    .contains(
                            "DEU — 90-day visa waiver: bound for every party under MFN; extended to FRA, who did not request it")
                    .contains(
                            "MAR — Readmission of own nationals within 30 days: bound for DEU only, as MAR's schedule of exceptions lists readmission");

            // What the MFN extension is worth to each party: France gains, Germany pays for extending, each sees its
            // own only.
            as(browser, "fra-negotiator", "test-only-fra-negotiator");
            assertThat(browser.findElement(By.id("mfn-effect")).getText())
                    .contains("The MFN extension gains you 15 points")
                    .contains("(you receive it only through MFN)");
            PageChecks.screenshot(browser, "request-offer-room-fra-1400");
            accept(browser);
            as(browser, "deu-negotiator", "test-only-deu");
            assertThat(browser.findElement(By.id("mfn-effect")).getText())
                    .contains("The MFN extension costs you 4 points");
            accept(browser);
            as(browser, "mar-negotiator", "test-only-mar");
            assertThat(browser.findElement(By.id("mfn-effect")).getText())
                    .contains("The MFN extension costs you 3 points");
            accept(browser);

            as(browser, "secretariat", "test-only-secretariat");
            // Germany's 90-day waiver reaches Morocco, which Annex I of Regulation (EU) 2018/1806 (binding Germany)
            // lists:
            // the room shows the conflict beside the norm checks, and concluding needs the secretariat's recorded
            // override.
            assertThat(browser.findElement(By.id("coherence")).getText())
                    .contains("VISA_WAIVER_AGAINST_COMMON_VISA_LIST")
                    .contains("Morocco (MAR)")
                    .contains("Annex I");
            browser.findElement(By.id("conclude-button")).click();
            Browser.waiting(browser).until(d -> !d.findElements(By.id("error")).isEmpty());
            assertThat(browser.findElement(By.id("error")).getText())
                    .contains("concluding needs the secretariat's recorded override");
            browser.findElement(By.id("override"))
                    .sendKeys("Germany asks the EU for the waiver; recorded to keep the package together");
            browser.findElement(By.id("conclude-button")).click();
            Browser.waiting(browser)
                    .until(d -> !d.findElements(By.id("message")).isEmpty());
            assertThat(browser.findElement(By.id("message")).getText())
                    .isEqualTo("Concluded into the instrument " + ID + ".");
            assertThat(browser.findElement(By.id("steps")).getText())
                    .contains("secretariat concluded proposal 1 into the instrument " + ID)
                    .contains(
                            "mar-negotiator for MAR scheduled exceptions to MFN: readmission (readmission agreements are bilateral)");
            PageChecks.screenshot(browser, "request-offer-concluded-1400");

            JsonNode instrument = get("/api/v1/instruments/" + ID).json();
            String commitments = instrument.get("commitments").toString();
            assertThat(instrument.get("participations")).hasSize(3);
            for (JsonNode c : instrument.get("commitments")) {
                if (c.get("kind").asString().equals("VISA_WAIVER"))
                    assertThat(c.get("beneficiaries").toString())
                            .contains("MAR")
                            .contains("FRA");
                if (c.get("kind").asString().equals("READMISSION"))
                    assertThat(c.get("beneficiaries").toString())
                            .contains("DEU")
                            .doesNotContain("FRA");
            }
            assertThat(commitments).contains("VISA_WAIVER").contains("READMISSION");
        } finally {
            browser.quit();
        }
    }

    private void as(ChromeDriver browser, String user, String password) {
        Browser.signIn(browser, url(""), user, password);
        browser.get(url("/negotiations/" + ID + "/room"));
    }

    private static void submit(ChromeDriver browser, String button, String message) {
        browser.findElement(By.id(button)).click();
        Browser.waiting(browser)
                .until(d -> !d.findElements(By.id("message")).isEmpty()
                        || !d.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElements(By.id("error")))
                .as(
                        "error: %s",
                        browser.findElements(By.id("error")).stream()
                                .map(WebElement::getText)
                                .toList())
                .isEmpty();
        assertThat(browser.findElement(By.id("message")).getText()).startsWith(message);
    }

    private static void fileRequest(
            ChromeDriver browser, String id, String to, String title, String kind, String value) {
        WebElement form = browser.findElement(By.id("request-form"));
        form.findElement(By.name("id")).sendKeys(id);
        new Select(form.findElement(By.name("to"))).selectByValue(to);
        form.findElement(By.name("title")).sendKeys(title);
        new Select(form.findElement(By.name("commitment"))).selectByValue(kind);
        form.findElement(By.name("value")).sendKeys(value);
        submit(browser, "request-button", "Your request is filed.");
    }

    private static void fileOffer(
            ChromeDriver browser,
            String id,
            String title,
            String kind,
            String value,
            String attributes,
            String answering) {
        WebElement form = browser.findElement(By.id("offer-form"));
        form.findElement(By.name("id")).sendKeys(id);
        form.findElement(By.name("title")).sendKeys(title);
        new Select(form.findElement(By.name("commitment"))).selectByValue(kind);
        form.findElement(By.name("value")).sendKeys(value);
        form.findElement(By.name("attributes")).sendKeys(attributes);
        form.findElement(By.cssSelector("input[name=answering][value='" + answering + "']"))
                .click();
        submit(browser, "offer-button", "Your offer is filed.");
    }

    private void value(ChromeDriver browser, String user, String password, Map<String, String> values) {
        as(browser, user, password);
        WebElement reservation = browser.findElement(By.id("reservation"));
        reservation.clear();
        reservation.sendKeys("0");
        values.forEach((field, points) -> {
            WebElement input = browser.findElement(By.name(field));
            input.clear();
            input.sendKeys(points);
        });
        submit(browser, "valuation-button", "Your valuation is entered.");
    }

    private static void accept(ChromeDriver browser) {
        browser.findElement(By.cssSelector("#answer button[value=ACCEPT]")).click();
        Browser.waiting(browser)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("answered")).getText().contains("answered ACCEPT"));
    }
}
