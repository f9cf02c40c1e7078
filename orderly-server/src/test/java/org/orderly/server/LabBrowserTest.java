package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.format.NegotiationDefinition;
import org.orderly.negotiation.format.NegotiationJson;
import org.orderly.server.regime.RegimeService;
import org.orderly.testing.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * The policy lab in a real headless Chromium at 1400 and 390 px: the scenario page with its charts and tables (fits the
 * screen, no serious axe-core violation, screenshots kept), a draft deal run from the page, and the lab in a negotiation
 * room: the secretariat sees each party's projected effect of the proposal, a negotiator seeds its valuation and enters it.
 */
class LabBrowserTest extends DeskAndPhoneBrowserTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    RegimeService regime;

    @BeforeEach
    void needsTheMigrationData() {
        SharedData.folder("migration");
    }

    /** Other test classes share this server: remove the negotiations opened here. */
    @AfterEach
    void removeTheseNegotiations() {
        JdbcClient.create(dataSource)
                .sql("delete from negotiation where id like 'LAB-%'")
                .update();
    }

    @ParameterizedTest(name = "the scenario page at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void theScenarioPageShowsProjectionsWithBandsAndRunsADraftDeal(int width) {
        ChromeDriver browser = width == PageChecks.PHONE ? phone : desk;
        browser.manage().deleteAllCookies();
        browser.get(url("/lab?year=2030"));
        Browser.waiting(browser)
                .until(d -> "true".equals(d.findElement(By.id("corridor-chart")).getDomAttribute("data-ready")));
        assertThat(browser.findElement(By.id("corridors")).getText())
                .contains("MEX")
                .contains("USA");
        assertThat(browser.findElement(By.id("coefficients")).getText())
                .contains("network")
                .contains("free movement opened");
        assertThat(browser.findElement(By.id("validation")).getText())
                .contains("gravity")
                .contains("2015");
        check(browser, "lab-" + width);

        browser.findElement(By.id("run")).click();
        Browser.waiting(browser)
                .until(d -> !d.findElements(By.id("state-chart")).isEmpty()
                        && "true".equals(d.findElement(By.id("state-chart")).getDomAttribute("data-ready")));
        String states = browser.findElement(By.id("states")).getText();
        assertThat(states).contains("MAR").contains("DEU").contains("ESP");
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("legal channel: 5000 places a year")
                .contains("free movement");
        assertThat(browser.findElement(By.id("policy-effects")).getText()).contains("visa lifted: not estimated");
        check(browser, "lab-scenario-" + width);

        WebElement deal = browser.findElement(By.id("deal"));
        deal.clear();
        deal.sendKeys("{\"instrument\": {\"id\": \"BAD\"}, \"commitments\": []}");
        browser.findElement(By.id("run")).click();
        WebElement error = Browser.waiting(browser)
                .until(d -> d.findElements(By.id("error")).isEmpty() ? null : d.findElement(By.id("error")));
        assertThat(error.getText()).isEqualTo("the draft deal: $.instrument.inForce: is required");
        assertThat(browser.findElement(By.id("deal")).getDomProperty("value"))
                .as("the text typed is kept")
                .contains("\"BAD\"");
    }

    private void check(ChromeDriver browser, String name) {
        PageChecks.screenshot(browser, name);
        assertThat(PageChecks.overflow(browser))
                .as("%s is wider than the screen: %s", name, PageChecks.overflowing(browser))
                .isLessThanOrEqualTo(0);
        assertThat(PageChecks.seriousViolations(browser))
                .as("axe-core on %s", name)
                .isEmpty();
    }

    @Test
    void theSecretariatSeesEachPartysProjectedEffectOfTheProposalBesideItsProof() {
        Table demo = NegotiationJson.demo();
        String id = "LAB-EFFECTS";
        open(id, demo);
        String base = "/api/v1/negotiations/" + id;
        put(
                base + "/valuations/DEU",
                NegotiationDefinition.writeValuation(demo.valuation("DEU")),
                "deu-negotiator",
                "test-only-deu");
        put(
                base + "/valuations/MAR",
                NegotiationDefinition.writeValuation(demo.valuation("MAR")),
                "mar-negotiator",
                "test-only-mar");
        Response proposed = post(
                base + "/proposals?objective=joint", "application/json", "", "secretariat", "test-only-secretariat");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);

        Browser.signIn(desk, url(""), "secretariat", "test-only-secretariat");
        desk.get(url("/negotiations/" + id + "/room"));
        WebElement effects = desk.findElement(By.id("projected-effects"));
        assertThat(desk.findElement(By.id("proposal")).getText()).contains("Proven optimal");
        assertThat(effects.getText())
                .contains("Projected effect of the proposed package in 2030")
                .contains("DEU")
                .contains("MAR");
        List<WebElement> rows = desk.findElements(By.cssSelector("#package-effects tbody tr"));
        assertThat(rows).hasSize(2);
        check(desk, "negotiation-secretariat-lab-1400");
        desk.manage().deleteAllCookies();
    }

    @ParameterizedTest(name = "a negotiator seeds its valuation at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void aNegotiatorSeedsItsValuationFromTheLabSeesItAsSuchEditsItAndEntersIt(int width) {
        ChromeDriver browser = width == PageChecks.PHONE ? phone : desk;
        Table demo = NegotiationJson.demo();
        String id = "LAB-SEED-" + width;
        open(id, demo);
        Browser.signIn(browser, url(""), "mar-negotiator", "test-only-mar");
        browser.get(url("/negotiations/" + id + "/room"));
        assertThat(browser.findElements(By.id("seed-note")))
                .as("nothing is seeded unless asked")
                .isEmpty();
        browser.findElement(By.id("seed-button")).click();
        WebElement note = Browser.waiting(browser)
                .until(d -> d.findElements(By.id("seed-note")).isEmpty() ? null : d.findElement(By.id("seed-note")));
        assertThat(note.getText())
                .contains("Seeded from the policy lab, not entered")
                .contains("net remittances received");
        WebElement q10000 = browser.findElement(By.name("v.labour-care.q10000"));
        WebElement q1000 = browser.findElement(By.name("v.labour-care.q1000"));
        long large = Long.parseLong(q10000.getDomProperty("value"));
        assertThat(large).isPositive().isGreaterThan(Long.parseLong(q1000.getDomProperty("value")));
        assertThat(browser.findElement(By.name("v.readmission.r30")).getDomProperty("value"))
                .isEqualTo("0");
        check(browser, "negotiation-seed-" + width);
        assertThat(get("/api/v1/negotiations/" + id).json().get("partiesWithValuations"))
                .as("seeding enters nothing")
                .isEmpty();

        q1000.clear();
        q1000.sendKeys("4");
        browser.findElement(By.id("reservation")).clear();
        browser.findElement(By.id("reservation")).sendKeys("2");
        browser.findElement(By.id("valuation-button")).click();
        Browser.waiting(browser).until(d -> !d.findElements(By.id("message")).isEmpty());
        Response own = get("/api/v1/negotiations/" + id + "/valuations/MAR", "mar-negotiator", "test-only-mar");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("values").get("labour-care").get("q1000").asLong())
                .as("the edited value")
                .isEqualTo(4);
        assertThat(own.json().get("values").get("labour-care").get("q10000").asLong())
                .as("the seeded value, entered")
                .isEqualTo(large);
        browser.manage().deleteAllCookies();
    }

    private void open(String id, Table demo) {
        ObjectNode definition = (ObjectNode) JSON.readTree(NegotiationDefinition.write(demo.negotiation()));
        definition.put("id", id);
        Response opened = post(
                "/api/v1/negotiations",
                "application/json",
                definition.toString(),
                "secretariat",
                "test-only-secretariat");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    private void put(String path, String body, String user, String password) {
        Response response = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user, password))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
