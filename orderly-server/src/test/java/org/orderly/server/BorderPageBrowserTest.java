package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The border check page in a real headless Chromium, signed in as a border officer of Germany through the sign-in
 * page. Skips when Chromium is not installed, unless ORDERLY_REQUIRE_BROWSER is set.
 */
class BorderPageBrowserTest extends ServerTest {
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1600);
        browser.executeCdpCommand("Network.enable", Map.of());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @BeforeEach
    void signInAsBorderOfficer() {
        browser.get(url("/"));
        if (browser.findElements(By.id("signed-in")).isEmpty())
            Browser.signIn(browser, url(""), "border-officer", "test-only-border");
    }

    private WebDriverWait waiting() {
        return Browser.waiting(browser);
    }

    private static void screenshot(String name) {
        Browser.screenshot(browser, name);
    }

    private WebElement check(String zone, boolean repair) {
        browser.get(url("/border"));
        WebElement textarea = browser.findElement(By.id("mrz"));
        textarea.clear();
        textarea.sendKeys(zone);
        if (repair) browser.findElement(By.id("repair")).click();
        browser.findElement(By.id("check")).click();
        return waiting().until(d -> {
            WebElement result = d.findElement(By.id("result"));
            return result.getText().contains("Travel requirement")
                            || result.getText().contains("cannot be read")
                    ? result
                    : null;
        });
    }

    @Test
    void listedHolderShowsDocumentChecksHitsWithExplanationsAndTheRequirementAtThisBorder() throws IOException {
        String[] zone = BorderZones.passport("FRA", "MOREAU", "JEAN PIERRE", "LOST12345", "750621", "M", "320101");
        WebElement result = check(zone[0] + "\n" + zone[1], false);
        assertThat(result.findElement(By.id("validity")).getText()).isEqualTo("Document zone valid");
        assertThat(result.findElement(By.id("screening")).getText()).isEqualTo("2 watchlist hits");
        assertThat(result.findElement(By.id("document")).getText())
                .contains("MOREAU")
                .contains("LOST12345")
                .contains("1975-06-21");
        assertThat(result.findElements(By.cssSelector("#checks tbody tr.passed")))
                .hasSize(5);
        assertThat(result.findElement(By.id("hits")).getText())
                .contains("Jean-Pierre Moreau")
                .contains("wanted-persons #WP-1")
                .contains("lost-documents #LD-1");
        assertThat(result.findElements(By.cssSelector("#hits .explanation"))
                        .get(0)
                        .getText())
                .isNotBlank();
        assertThat(result.findElement(By.id("days")).getText())
                .as("a French citizen's days at the German border: free movement, said once and plainly")
                .contains("Not counted: a stay under free movement is not limited by a number of days")
                .doesNotContain("(not counted (");
        WebElement travel = result.findElement(By.id("travel"));
        assertThat(travel.getText()).containsIgnoringCase("free movement").contains("Authority:");
        assertThat(travel.findElements(By.cssSelector(".sources li"))).isNotEmpty();
        assertThat(browser.getCurrentUrl())
                .as("htmx swapped the result in place")
                .endsWith("/border");
        screenshot("border");
    }

    @Test
    void failingCheckDigitIsMarkedInTheZoneAndRepairSaysWhatItChanged() throws IOException {
        String[] zone = BorderZones.passport("FRA", "LAMBERT", "CLAIRE", "16AB12345", "920314", "F", "320101");
        String misread = zone[1].substring(0, 13) + "92O314" + zone[1].substring(19); // letter O for the digit 0
        WebElement strict = check(zone[0] + "\n" + misread, false);
        assertThat(strict.findElement(By.id("validity")).getText()).isEqualTo("Document zone INVALID");
        assertThat(strict.findElement(By.cssSelector("#checks tr.failed")).getText())
                .contains("date of birth")
                .contains("line 2 column 20");
        assertThat(strict.findElements(By.cssSelector("#zone .failed")).stream()
                        .map(WebElement::getText)
                        .toList())
                .as("the misread letter and the failing check digits are marked in the zone")
                .contains("O", String.valueOf(misread.charAt(19)));
        screenshot("border-failing");
        WebElement repaired = check(zone[0] + "\n" + misread, true);
        assertThat(repaired.findElement(By.id("validity")).getText()).isEqualTo("Document zone valid");
        assertThat(repaired.findElement(By.id("repairs")).getText()).contains("line 2 column 16: O → 0");
    }

    @Test
    void anExpiredPassportPastedInLowerCaseOnOneLineIsReadWithANoteAndStopsTheOfficer() throws IOException {
        String[] zone = BorderZones.passport("FRA", "LAMBERT", "CLAIRE", "16AB12345", "920314", "F", "200101");
        WebElement result = check((zone[0] + zone[1]).toLowerCase(java.util.Locale.ROOT), false);
        WebElement verdict = result.findElement(By.id("verdict"));
        assertThat(verdict.getAttribute("class")).contains("verdict-stop");
        assertThat(verdict.getText()).startsWithIgnoringCase("Stop").contains("no longer valid");
        assertThat(result.findElement(By.id("zone-notes")).getText())
                .contains("lower-case letters were read as capitals")
                .contains("read as 2 lines of 44");
        assertThat(result.findElement(By.id("validity")).getAttribute("class"))
                .as("no green beside a stop")
                .doesNotContain("good");
        screenshot("border-expired");
    }

    @Test
    void unreadableZoneSaysWhere() {
        WebElement result = check("P<FRALAMBERT<<CLAIRE\nTOO<SHORT", false);
        assertThat(result.findElement(By.id("zone-error")).getText())
                .contains("cannot be read")
                .contains("line");
    }
}
