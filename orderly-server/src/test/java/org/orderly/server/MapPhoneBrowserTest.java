package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The map is no scroll trap on a phone (390 px): a tap leaves it still, so that the next swipe scrolls the page, and
 * the map moves only in an explicit exploring mode that its button switches on and off. At a desk (1400 px) a click
 * lets the mouse wheel zoom, as before.
 */
class MapPhoneBrowserTest extends DeskAndPhoneBrowserTest {
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void aTapLeavesTheMapStillOnAPhoneAndExploringIsSwitchedOnAndOff(int width) {
        ChromeDriver browser = browser(width);
        browser.get(url("/instruments/SCHENGEN"));
        Browser.waiting(browser)
                .until(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-ready")));
        WebElement map = browser.findElement(By.id("map"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        map.click();
        if (width == PageChecks.PHONE) {
            assertThat(map.getDomAttribute("data-roam"))
                    .as("a tap does not make the map take the swipes")
                    .isNull();
            WebElement explore = browser.findElement(By.cssSelector("[data-map=explore]"));
            assertThat(explore.isDisplayed()).isTrue();
            explore.click();
            assertThat(map.getDomAttribute("data-roam")).isEqualTo("true");
            assertThat(explore.getDomAttribute("aria-pressed")).isEqualTo("true");
            assertThat(explore.getText()).isEqualTo("Stop exploring");
            PageChecks.screenshot(browser, "map-exploring-" + width);
            explore.click();
            assertThat(map.getDomAttribute("data-roam")).isNull();
            assertThat(explore.getDomAttribute("aria-pressed")).isEqualTo("false");
        } else {
            assertThat(map.getDomAttribute("data-roam"))
                    .as("at a desk a click lets the wheel zoom")
                    .isEqualTo("true");
            assertThat(browser.findElements(By.cssSelector("[data-map=explore]")).stream()
                            .noneMatch(WebElement::isDisplayed))
                    .isTrue();
        }
        assertThat(PageChecks.seriousViolations(browser)).isEmpty();
    }
}
