package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The negotiation room in a real headless Chromium: the public room shows no valuation; a party's
 * negotiator (HTTP Basic sent through the DevTools protocol) sees its own valuation, its explanation
 * and the Pareto frontier chart with the proposal marked.
 */
class NegotiationRoomBrowserTest extends ServerTest {
    private static final String DEMO = "DEU-MAR-MOBILITY-PARTNERSHIP";
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 2200);
        browser.executeCdpCommand("Network.enable", Map.of());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void thePublicRoomShowsTheProposalButNoValuation() {
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        browser.get(url("/negotiations/" + DEMO));
        assertThat(browser.findElement(By.id("issues")).getText()).contains("Labour access");
        assertThat(browser.findElement(By.id("proposal")).getText()).containsIgnoringCase("proven optimal");
        assertThat(browser.findElements(By.id("valuation"))).isEmpty();
        assertThat(browser.findElements(By.id("frontier"))).isEmpty();
    }

    @Test
    void aPartySeesItsOwnValuationExplanationAndTheFrontierChart() {
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", basic("deu-negotiator", "test-only-deu"))));
        browser.get(url("/negotiations/" + DEMO + "/room"));
        assertThat(browser.findElement(By.id("valuation")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("explanation")).getText()).isNotBlank();
        WebElement canvas = Browser.waiting(browser).until(d ->
                d.findElements(By.cssSelector("#frontier canvas")).stream().findFirst().orElse(null));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        Browser.screenshot(browser, "negotiation-room");
    }
}
