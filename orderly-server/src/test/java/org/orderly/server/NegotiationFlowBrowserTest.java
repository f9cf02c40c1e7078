package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.orderly.negotiation.solver.Objective;
import org.orderly.server.negotiation.NegotiationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demonstration negotiation run by people in a real headless Chromium, from opening to conclusion: the secretariat
 * opens it, each party's negotiator enters its valuation, the secretariat asks for a proposal, both parties accept, the
 * secretariat concludes; the ILLUSTRATIVE negotiation ends without an instrument and no travel answer changes.
 */
class NegotiationFlowBrowserTest extends ServerTest {
    private static final String DEMO = "DEU-MAR-MOBILITY-PARTNERSHIP";
    private static ChromeDriver browser;

    @Autowired
    DataSource dataSource;

    @Autowired
    NegotiationService negotiations;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 2400);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @BeforeEach
    void withoutTheDemonstration() {
        JdbcClient.create(dataSource)
                .sql("delete from negotiation where id = ?")
                .param(DEMO)
                .update();
    }

    /** Other tests expect the demonstration as the server opens it: valuations entered and a joint-gain proposal. */
    @AfterEach
    void restoreTheDemonstration() {
        JdbcClient.create(dataSource)
                .sql("delete from negotiation where id = ?")
                .param(DEMO)
                .update();
        negotiations.openDemonstration();
        negotiations.propose(
                DEMO,
                Objective.JOINT,
                org.orderly.negotiation.procedure.Proceedings.Actor.secretariat("demonstration"));
    }

    @Test
    void theDemonstrationRunsFromOpeningToConclusionInTheBrowser() {
        String travelBefore =
                get("/api/v1/travel-requirements?passport=MAR&destination=DEU").body();

        Browser.signIn(browser, url(""), "secretariat", "test-only-secretariat");
        browser.get(url("/negotiations"));
        browser.findElement(By.id("open-demo-button")).click();
        Browser.waiting(browser).until(d -> d.getCurrentUrl().endsWith("/negotiations/" + DEMO + "/room"));
        assertThat(browser.findElement(By.id("next-step")).getText()).isEqualTo("Next: ask the engine for a proposal.");

        for (String[] negotiator :
                new String[][] {{"deu-negotiator", "test-only-deu"}, {"mar-negotiator", "test-only-mar"}}) {
            Browser.signIn(browser, url(""), negotiator[0], negotiator[1]);
            browser.get(url("/negotiations/" + DEMO + "/room"));
            var reservation = browser.findElement(By.id("reservation"));
            String value = reservation.getAttribute("value");
            reservation.clear();
            reservation.sendKeys(value);
            browser.findElement(By.id("valuation-button")).click();
            Browser.waiting(browser)
                    .until(d -> !d.findElements(By.id("message")).isEmpty());
            assertThat(browser.findElement(By.id("message")).getText())
                    .isEqualTo("Your valuation is entered. Only you and the engine see it.");
        }

        Browser.signIn(browser, url(""), "secretariat", "test-only-secretariat");
        browser.get(url("/negotiations/" + DEMO + "/room"));
        browser.findElement(By.id("propose-button")).click();
        Browser.waiting(browser).until(d -> !d.findElements(By.id("proposal")).isEmpty());
        assertThat(browser.findElement(By.id("next-step")).getText())
                .isEqualTo("Next: every party answers the proposal; when all accept, conclude.");
        // The chosen options are marked in words, not by colour alone.
        assertThat(browser.findElement(By.id("issues")).getText())
                .contains("(proposed)")
                .contains("✓");
        // Norm checks speak in titles and labels, never internal ids.
        String norms = browser.findElement(By.id("norms")).getText();
        assertThat(norms)
                .contains("Readmission by Morocco")
                .doesNotContain("r7-accelerated")
                .doesNotContain("labour-care");
        Browser.screenshot(browser, "negotiation-flow-proposed");

        for (String[] negotiator :
                new String[][] {{"deu-negotiator", "test-only-deu", "DEU"}, {"mar-negotiator", "test-only-mar", "MAR"}
                }) {
            Browser.signIn(browser, url(""), negotiator[0], negotiator[1]);
            browser.get(url("/negotiations/" + DEMO + "/room"));
            assertThat(browser.findElement(By.id("explanation")).getText()).contains("What the proposal means for you");
            browser.findElement(By.cssSelector("#answer button[value=ACCEPT]")).click();
            // htmx swaps the answer line in place: wait past the stale element.
            Browser.waiting(browser)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("answered")).getText().contains("answered ACCEPT"));
            assertThat(browser.findElement(By.id("answered")).getText())
                    .isEqualTo(negotiator[2] + " answered ACCEPT. Next: "
                            + (negotiator[2].equals("DEU")
                                    ? "waiting for MAR."
                                    : "adopted (every party accepted): the secretariat may conclude."));
        }

        Browser.signIn(browser, url(""), "secretariat", "test-only-secretariat");
        browser.get(url("/negotiations/" + DEMO + "/room"));
        browser.findElement(By.id("conclude-button")).click();
        Browser.waiting(browser)
                .until(d -> !d.findElements(By.id("concluded-illustration")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText())
                .isEqualTo("Concluded as an illustration: no instrument and no commitment were created.");
        assertThat(browser.findElement(By.id("next-step")).getText()).isEqualTo("Concluded: nothing left to do.");
        Browser.screenshot(browser, "negotiation-flow-concluded");

        assertThat(get("/api/v1/negotiations/" + DEMO).json().get("status").asString())
                .isEqualTo("CONCLUDED");
        assertThat(get("/api/v1/instruments/" + DEMO).status()).isEqualTo(404);
        assertThat(get("/api/v1/travel-requirements?passport=MAR&destination=DEU")
                        .body())
                .isEqualTo(travelBefore);
    }
}
