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
 * negotiator (signed in through the sign-in page) sees its own valuation, its explanation
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
        browser.manage().deleteAllCookies();
        browser.get(url("/negotiations/" + DEMO));
        assertThat(browser.findElement(By.id("issues")).getText()).contains("A legal channel into Germany");
        assertThat(browser.findElement(By.id("proposal")).getText()).containsIgnoringCase("proven optimal");
        assertThat(browser.findElements(By.id("valuation"))).isEmpty();
        assertThat(browser.findElements(By.id("frontier"))).isEmpty();
    }

    @Test
    void aPartySeesItsOwnValuationExplanationAndTheFrontierChart() {
        browser.manage().deleteAllCookies();
        browser.get(url("/negotiations/" + DEMO + "/room"));
        // Sent to the sign-in page, and back to the room after signing in.
        Browser.waiting(browser).until(d -> d.getCurrentUrl().contains("/signin"));
        browser.findElement(By.id("username")).sendKeys("deu-negotiator");
        browser.findElement(By.id("password")).sendKeys("test-only-deu");
        browser.findElement(By.id("sign-in-button")).click();
        Browser.waiting(browser).until(d -> d.getCurrentUrl().endsWith("/negotiations/" + DEMO + "/room"));
        assertThat(browser.findElement(By.id("signed-in")).getText())
                .isEqualTo("Signed in as deu-negotiator for Germany");
        assertThat(browser.findElement(By.id("valuation")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("explanation")).getText()).isNotBlank();
        WebElement canvas = Browser.waiting(browser)
                .until(d -> d.findElements(By.cssSelector("#frontier canvas")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        Browser.screenshot(browser, "negotiation-room");
    }
}
