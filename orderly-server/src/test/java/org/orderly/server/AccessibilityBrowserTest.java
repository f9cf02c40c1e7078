package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Accessibility beyond axe's defaults, at a desk (1400 px) and on a phone (390 px): the table tools' Download buttons
 * carry their visible label in their accessible name (WCAG 2.5.3, axe's label-content-name-mismatch); every control on
 * a phone is at least 44 by 44 px (WCAG 2.5.5); the border check's zone, which scrolls sideways on a phone, is reached
 * by the keyboard. Screenshots in target/screenshots.
 */
class AccessibilityBrowserTest extends DeskAndPhoneBrowserTest {
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void downloadButtonsSayWhatTheyShowAndPhoneControlsAreLargeEnough(int width) {
        ChromeDriver browser = browser(width);
        for (String path : new String[] {
            "/",
            "/travel?passport=NGA&destination=DEU&purpose=tourism",
            "/instruments/ICMW",
            "/parties/NGA",
            "/channels"
        }) {
            browser.get(url(path));
            String name = "a11y" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "") + "-" + width;
            PageChecks.screenshot(browser, name);
            for (WebElement button : browser.findElements(By.cssSelector(".table-tools button"))) {
                String label = button.getText().strip();
                assertThat(button.getAccessibleName())
                        .as("accessible name of the button labelled %s on %s", label, path)
                        .contains(label);
            }
            assertThat(PageChecks.seriousViolations(browser))
                    .as("axe-core on %s at %d px", path, width)
                    .isEmpty();
            if (width == PageChecks.PHONE)
                assertThat(PageChecks.smallTargets(browser))
                        .as("controls under 44 px on %s", path)
                        .isEmpty();
        }
    }

    @Test
    void theZoneOfTheBorderCheckIsReachedByTheKeyboardOnAPhone() {
        Browser.signIn(phone, url(""), "border-officer", "test-only-border");
        phone.get(url("/border"));
        String[] zone = BorderZones.passport("FRA", "LAMBERT", "CLAIRE", "16AB12345", "920314", "F", "320101");
        phone.findElement(By.id("mrz")).sendKeys(zone[0] + "\n" + zone[1]);
        phone.findElement(By.id("check")).click();
        WebElement pre = Browser.waiting(phone)
                .until(d -> d.findElements(By.id("zone")).isEmpty() ? null : d.findElement(By.id("zone")));
        assertThat((Boolean) phone.executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth;", pre))
                .as("the zone scrolls sideways at 390 px")
                .isTrue();
        WebElement focused = null;
        for (int i = 0; i < 80 && (focused == null || !"zone".equals(focused.getDomAttribute("id"))); i++) {
            new Actions(phone).sendKeys(Keys.TAB).perform();
            focused = phone.switchTo().activeElement();
        }
        assertThat(focused.getDomAttribute("id")).as("Tab reaches the zone").isEqualTo("zone");
        PageChecks.screenshot(phone, "a11y-border-zone-390");
        assertThat(PageChecks.seriousViolations(phone))
                .as("axe-core on the border check at 390 px")
                .isEmpty();
        assertThat(PageChecks.smallTargets(phone))
                .as("controls under 44 px on the border check")
                .isEmpty();
    }
}
