package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orderly.testing.SharedData;

/**
 * The explorer and the travel check in a real headless Chromium (Debian's chromium and chromedriver).
 * Skips when they are not installed, unless ORDERLY_REQUIRE_BROWSER is set (as CI does).
 * Screenshots go to target/screenshots.
 */
class PagesBrowserTest extends ServerTest {
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    /** The demo data imports the visa matrix only when ../shared/data is beside the project. */
    private static boolean visaMatrixLoaded() {
        return SharedData.has("visa/passport-index-tidy-iso3.csv");
    }

    private WebDriverWait waiting() {
        return Browser.waiting(browser);
    }

    private static void screenshot(String name) {
        Browser.screenshot(browser, name);
    }

    @Test
    void travelCheckAnswersInPlaceWithTheAuthorityAndItsSources() throws IOException {
        browser.get(url("/travel"));
        browser.findElement(By.id("passport")).sendKeys("FRA");
        browser.findElement(By.id("destination")).sendKeys("Germany");
        browser.findElement(By.id("check")).click();
        WebElement answer = waiting().until(d -> {
            WebElement a = d.findElement(By.id("answer"));
            return a.getText().contains("France passport") ? a : null;
        });
        assertThat(answer.findElement(By.cssSelector(".verdict")).getText()).containsIgnoringCase("free movement");
        assertThat(answer.getText()).contains("Who decides").contains("Directive 2004/38/EC");
        if (visaMatrixLoaded()) {
            assertThat(answer.getText()).contains("overrides the destination's unilateral policy");
        }
        assertThat(answer.findElements(By.cssSelector(".sources li"))).isNotEmpty();
        assertThat(browser.getCurrentUrl())
                .as("htmx swapped the answer in place and put the question in the address")
                .contains("/travel?passport=FRA&destination=Germany");
        screenshot("travel");
    }

    @Test
    void travelCheckSaysWhatIsWrongWithAnUnknownCode() {
        browser.get(url("/travel?passport=ZZZ&destination=DEU"));
        assertThat(browser.findElement(By.cssSelector("#answer .error")).getText())
                .contains("'ZZZ' is not a state Orderly knows");
    }

    @Test
    void instrumentPageDrawsTheParticipationMap() throws IOException {
        browser.get(url("/instruments/EU_FREE_MOVEMENT"));
        waiting().until(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-ready")));
        // ECharts paints on the next animation frame: wait for its canvas to appear and take the map's size.
        WebElement canvas = waiting()
                .until(d -> d.findElements(By.cssSelector("#map canvas")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        assertThat(browser.findElement(By.id("participations")).getText())
                .contains("Germany")
                .contains("member");
        assertThat(browser.findElement(By.id("commitments")).getText()).contains("free movement");
        screenshot("instrument");
    }

    @Test
    void partyPageListsWhatTheStateTakesPartIn() throws IOException {
        browser.get(url("/parties/DEU"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Germany");
        assertThat(browser.findElement(By.id("participations")).getText()).contains("Schengen");
        assertThat(browser.findElement(By.id("owed-to")).getText())
                .contains("free movement")
                .contains("states");
        screenshot("party");
    }

    @Test
    void partiesPageFiltersAsYouType() {
        browser.get(url("/parties"));
        browser.findElement(By.id("filter-states")).sendKeys("Morocco");
        long visible = browser.findElements(By.cssSelector("#states tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .count();
        assertThat(visible).isEqualTo(1);
    }
}
