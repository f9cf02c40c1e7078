package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The channel finder page in a real headless Chromium at a phone (390 px) and a desk (1400 px): a person types their
 * nationality, destination, occupation, salary, qualification, language and age; every channel shows each criterion as
 * met, not met or unknown in words (never met when not said), the unverified facts marked; a wrong occupation offers
 * ESCO's labels. No sideways scrolling, no serious axe-core violation; screenshots in target/screenshots.
 */
class ChannelFinderBrowserTest extends DeskAndPhoneBrowserTest {

    private static void type(ChromeDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @ParameterizedTest(name = "a nurse from Nigeria asks about Germany at {0} px")
    @ValueSource(ints = {PageChecks.PHONE, PageChecks.DESK})
    void aNurseFromNigeriaSeesEachCriterionAndNothingUnknownShownAsMet(int width) {
        ChromeDriver browser = browser(width);
        browser.get(url("/channels"));
        PageChecks.screenshot(browser, "channels-empty-" + width);
        assertThat(PageChecks.seriousViolations(browser))
                .as("axe-core on the empty finder at %d px", width)
                .isEmpty();
        type(browser, "passport", "Nigeria");
        type(browser, "destination", "Germany");
        type(browser, "occupation", "nurse");
        type(browser, "salary", "52000");
        type(browser, "currency", "EUR");
        new Select(browser.findElement(By.id("qualification"))).selectByValue("6");
        type(browser, "language", "de:B1");
        type(browser, "age", "29");
        type(browser, "date", "06012026"); // the date field takes the digits in the browser's order (mm/dd/yyyy)
        browser.findElement(By.id("find")).click();
        Browser.waiting(browser)
                .until(d -> !d.findElements(By.id("channel-BLUE_CARD_DEU")).isEmpty());
        assertThat(browser.getCurrentUrl())
                .as("the question is in the address")
                .contains("passport=Nigeria")
                .contains("occupation=nurse");
        assertThat(browser.findElement(By.id("occupation-reached")).getText())
                .contains("ISCO-08 2221")
                .contains("Nursing professionals");
        WebElement blueCard = browser.findElement(By.id("channel-BLUE_CARD_DEU"));
        assertThat(blueCard.findElement(By.cssSelector(".channel-verdict")).getText())
                .contains("could be eligible");
        List<WebElement> criteria = blueCard.findElements(By.cssSelector("ul.criteria li"));
        WebElement jobOffer = criteria.stream()
                .filter(c -> c.getText().contains("job offer"))
                .findFirst()
                .orElseThrow();
        assertThat(jobOffer.findElement(By.cssSelector(".status")).getText())
                .as("not said: unknown")
                .isEqualToIgnoringCase("unknown");
        WebElement salary = criteria.stream()
                .filter(c -> c.getText().contains("salary floor"))
                .findFirst()
                .orElseThrow();
        assertThat(salary.findElement(By.cssSelector(".status")).getText()).isEqualToIgnoringCase("met");
        assertThat(salary.getText()).contains("48,300").contains("unverified");
        assertThat(blueCard.getText()).contains("Who decides").contains("Where to apply");
        PageChecks.screenshot(browser, "channels-answer-" + width);
        assertThat(PageChecks.overflow(browser))
                .as("the answer at %d px is wider than the screen: %s", width, PageChecks.overflowing(browser))
                .isLessThanOrEqualTo(0);
        assertThat(PageChecks.seriousViolations(browser))
                .as("axe-core on the answer at %d px", width)
                .isEmpty();
    }

    @ParameterizedTest(name = "a misspelt occupation gets ESCO suggestions at {0} px")
    @ValueSource(ints = {PageChecks.PHONE, PageChecks.DESK})
    void aMisspeltOccupationGetsSuggestionsThatAnswerWhenFollowed(int width) {
        ChromeDriver browser = browser(width);
        browser.get(url("/channels?passport=NGA&occupation=bricklayr"));
        WebElement error = browser.findElement(By.cssSelector(".error-box"));
        assertThat(error.getText()).contains("not an ESCO occupation label");
        WebElement suggestion = error.findElements(By.cssSelector("a.suggestion")).stream()
                .filter(a -> a.getText().equals("bricklayer"))
                .findFirst()
                .orElseThrow();
        PageChecks.screenshot(browser, "channels-suggestions-" + width);
        assertThat(PageChecks.seriousViolations(browser))
                .as("axe-core on the suggestions at %d px", width)
                .isEmpty();
        suggestion.click();
        Browser.waiting(browser)
                .until(d -> !d.findElements(By.id("occupation-reached")).isEmpty());
        assertThat(browser.findElement(By.id("occupation-reached")).getText()).contains("7112");
        assertThat(PageChecks.overflow(browser)).isLessThanOrEqualTo(0);
    }
}
