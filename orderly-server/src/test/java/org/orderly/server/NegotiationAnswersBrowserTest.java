package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.solver.Objective;
import org.orderly.server.negotiation.NegotiationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 25, item 1, in a real Chromium at a phone's 390 px and a desktop's 1400 px: each party answers in its room, and
 * the public page and the rooms then show every answer with its reason, what changed between proposals, and offer the
 * secretariat "Conclude" only once the procedure adopts the proposal. The room explains the objectives in words, lists
 * as given only what costs the party, and puts the answer before the long tables.
 */
class NegotiationAnswersBrowserTest extends ServerTest {
    @Autowired
    NegotiationService negotiations;

    @Autowired
    DataSource dataSource;

    private String id;

    @AfterEach
    void removeTheNegotiation() {
        if (id != null)
            JdbcClient.create(dataSource)
                    .sql("delete from negotiation where id = ?")
                    .param(id)
                    .update();
    }

    @ParameterizedTest
    @ValueSource(ints = {PageChecks.PHONE, PageChecks.DESK})
    void everyAnswerAndReasonIsShownAndConcludeIsOfferedOnlyOnceAdopted(int width) {
        id = "ANSWERS-" + width;
        var demo = NegotiationJson.demo();
        ObjectNode definition = (ObjectNode) JSON.readTree(NegotiationDefinition.write(demo.negotiation()));
        definition.put("id", id).put("title", "Germany–Morocco partnership (browser test " + width + " px)");
        Proceedings.Actor secretariat = Proceedings.Actor.secretariat("secretariat");
        negotiations.open(definition.toString(), secretariat);
        for (String party : List.of("DEU", "MAR")) {
            negotiations.enterValuation(
                    id,
                    party,
                    Proceedings.Actor.forParty(party.toLowerCase() + "-negotiator", party),
                    NegotiationDefinition.writeValuation(demo.valuation(party)));
        }
        negotiations.propose(id, Objective.JOINT, secretariat);

        ChromeDriver browser = PageChecks.open(width);
        try {
            // Germany accepts, in its room; the decision comes before the long tables.
            Browser.signIn(browser, url(""), "deu-negotiator", "test-only-deu");
            browser.get(url("/negotiations/" + id + "/room"));
            WebElement accept = browser.findElement(By.cssSelector("#answer button[value=ACCEPT]"));
            long wordsBefore = (Long) browser.executeScript("""
                    const r = document.createRange(); r.setStartBefore(document.querySelector('main'));
                    r.setEndBefore(arguments[0]); return r.toString().split(/\\s+/).filter(Boolean).length;""", accept);
            assertThat(wordsBefore).as("words before Accept").isLessThan(200);
            assertThat(browser.findElements(By.cssSelector("#you-give li")))
                    .allMatch(li -> li.getText().contains("(-"));
            assertThat(browser.findElement(By.id("you-give")).getText()).doesNotContain("A legal channel into Germany");
            String candidates = browser.findElement(By.id("candidates")).getText();
            assertThat(candidates)
                    .contains("the package that gives the worst-off party the most")
                    .doesNotContain("MAXMIN");
            noSidewaysScroll(browser, width);
            PageChecks.screenshot(browser, "negotiation-answers-room-deu-" + width);
            accept.click();
            Browser.waiting(browser)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("answered")).getText().contains("answered ACCEPT"));

            // Morocco rejects with its reason.
            Browser.signIn(browser, url(""), "mar-negotiator", "test-only-mar");
            browser.get(url("/negotiations/" + id + "/room"));
            browser.findElement(By.cssSelector("#answer input[name=reason]"))
                    .sendKeys("The readmission deadline is too short");
            browser.findElement(By.cssSelector("#answer button[value=REJECT]")).click();
            Browser.waiting(browser)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("answered")).getText().contains("answered REJECT"));

            // The public page, anonymous: both answers, the reason, the decision.
            browser.manage().deleteAllCookies();
            browser.get(url("/negotiations/" + id));
            String answers = browser.findElement(By.id("answers-1")).getText();
            assertThat(answers)
                    .contains("DEU accepted")
                    .contains("MAR rejected The readmission deadline is too short")
                    .doesNotContain("waiting");
            assertThat(browser.findElement(By.id("proposals")).getText()).contains("Decision: blocked — MAR rejected");
            assertThat(browser.findElement(By.id("next-step")).getText())
                    .isEqualTo("Next: ask the engine for a proposal.");
            assertThat(browser.findElement(By.id("steps")).getText())
                    .contains("deu-negotiator for DEU accepted proposal 1")
                    .contains("mar-negotiator for MAR rejected proposal 1: The readmission deadline is too short");

            // The secretariat asks for another proposal; Conclude is not offered until every party accepts it.
            Browser.signIn(browser, url(""), "secretariat", "test-only-secretariat");
            browser.get(url("/negotiations/" + id + "/room"));
            assertThat(browser.findElements(By.id("conclude-button"))).isEmpty();
            browser.findElement(By.id("propose-button")).click();
            Browser.waiting(browser)
                    .until(d -> !d.findElements(By.id("answers-2")).isEmpty());
            assertThat(browser.findElement(By.id("proposal")).getText()).contains("Changed from proposal 1");
            for (String[] negotiator :
                    new String[][] {{"deu-negotiator", "test-only-deu"}, {"mar-negotiator", "test-only-mar"}}) {
                Browser.signIn(browser, url(""), "secretariat", "test-only-secretariat");
                browser.get(url("/negotiations/" + id + "/room"));
                assertThat(browser.findElements(By.id("conclude-button")))
                        .as("not adopted yet")
                        .isEmpty();
                Browser.signIn(browser, url(""), negotiator[0], negotiator[1]);
                browser.get(url("/negotiations/" + id + "/room"));
                browser.findElement(By.cssSelector("#answer button[value=ACCEPT]"))
                        .click();
                Browser.waiting(browser)
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.id("answered")).getText().contains("answered ACCEPT"));
            }
            // Both rooms and the public page read the answers.
            browser.get(url("/negotiations/" + id + "/room"));
            assertThat(browser.findElement(By.id("answers-2")).getText())
                    .contains("DEU accepted")
                    .contains("MAR accepted");
            assertThat(browser.findElement(By.id("answers-1")).getText())
                    .contains("MAR rejected The readmission deadline is too short");
            Browser.signIn(browser, url(""), "secretariat", "test-only-secretariat");
            browser.get(url("/negotiations/" + id + "/room"));
            assertThat(browser.findElement(By.id("next-step")).getText())
                    .isEqualTo("Adopted (every party accepted): the secretariat may conclude.");
            assertThat(browser.findElements(By.id("conclude-button"))).hasSize(1);
            browser.manage().deleteAllCookies();
            browser.get(url("/negotiations/" + id));
            assertThat(browser.findElement(By.id("answers-2")).getText())
                    .contains("DEU accepted")
                    .contains("MAR accepted");
            noSidewaysScroll(browser, width);
            PageChecks.screenshot(browser, "negotiation-answers-public-" + width);
        } finally {
            browser.quit();
        }
    }

    private static void noSidewaysScroll(ChromeDriver browser, int width) {
        assertThat(PageChecks.overflow(browser))
                .as("wider than " + width + " px: " + PageChecks.overflowing(browser))
                .isLessThanOrEqualTo(0);
        assertThat(PageChecks.seriousViolations(browser))
                .as("axe-core, serious or critical")
                .isEmpty();
    }
}
