package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The details of the public pages, at a desk (1400 px) and on a phone (390 px): the home page's Check button on the
 * first screen; no card label of the instruments table running over the next; /parties a page of rows at a time on a
 * phone with a button for more; a favicon. Screenshots in target/screenshots.
 */
class DetailsBrowserTest extends DeskAndPhoneBrowserTest {
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void theHomeChecksAboveTheFoldCardsDoNotOverlapPartiesArePagedAndThereIsAFavicon(int width) {
        ChromeDriver browser = browser(width);
        browser.get(url("/"));
        Number bottom = (Number)
                browser.executeScript(
                        "return document.querySelector('main form[action$=\"/travel\"] button[type=submit]').getBoundingClientRect().bottom;");
        Number height = (Number) browser.executeScript("return window.innerHeight;");
        assertThat(bottom.doubleValue())
                .as("the Check button's bottom on the first screen of %s px", height)
                .isLessThan(height.doubleValue());
        PageChecks.screenshot(browser, "details-home-" + width);

        browser.get(url("/instruments"));
        @SuppressWarnings("unchecked")
        List<String> overlapping = (List<String>) browser.executeScript("""
                var out = [];
                document.querySelectorAll('table.reflow td').forEach(function (td) {
                  var label = parseFloat(getComputedStyle(td, '::before').height) || 0;
                  var cell = td.getBoundingClientRect().height;
                  if (label > cell + 1 && out.length < 5) out.push(td.getAttribute('data-label') + ': label ' + label + ' px in a cell of ' + cell);
                });
                return out;""");
        assertThat(overlapping)
                .as("card labels taller than their cell run over the next")
                .isEmpty();
        PageChecks.screenshot(browser, "details-instruments-" + width);

        browser.get(url("/parties"));
        Number tall = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        List<WebElement> more = browser.findElements(By.cssSelector("button.more-rows")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
        PageChecks.screenshot(browser, "details-parties-" + width);
        if (width == PageChecks.PHONE) {
            assertThat(tall.intValue()).as("/parties on a phone").isLessThan(15_000);
            assertThat(more).isNotEmpty();
            long before = browser.findElements(By.cssSelector("#states tbody tr")).stream()
                    .filter(WebElement::isDisplayed)
                    .count();
            more.get(0).click();
            long after = browser.findElements(By.cssSelector("#states tbody tr")).stream()
                    .filter(WebElement::isDisplayed)
                    .count();
            assertThat(after).isEqualTo(before + 25);
            browser.findElement(By.cssSelector(".table-filter input")).sendKeys("Ghana");
            assertThat(browser.findElements(By.cssSelector("#states tbody tr")).stream()
                            .filter(WebElement::isDisplayed)
                            .map(WebElement::getText)
                            .toList())
                    .as("the filter searches every row, shown or not, and shows only those it finds")
                    .isNotEmpty()
                    .allMatch(t -> t.contains("Ghana"));
        } else {
            assertThat(more).as("a desk shows every row").isEmpty();
        }
        assertThat(PageChecks.seriousViolations(browser)).isEmpty();
        String icon = browser.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href");
        Response favicon = get(icon);
        assertThat(favicon.status()).isEqualTo(200);
        assertThat(favicon.body()).contains("<svg");
    }
}
