package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.orderly.testing.SharedData;
import org.xml.sax.InputSource;

/**
 * The analyst's question answered on the pages, at a desk (1400 px) and on a phone (390 px): an indicator compared
 * between two periods; from the change view's count to a destination's passports and the kind of each change; a warning
 * where the source relabelled one category for nearly every passport or a COVID-19 ban ended; the Atom feed covering
 * every pair of matrices in words. Needs the visa matrices of ../shared/data.
 */
class AnalystBrowserTest extends DeskAndPhoneBrowserTest {
    private static void assumeMatrices() {
        SharedData.folder("visa/history");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void anAnalystComparesTwoPeriodsDrillsDownToThePassportsAndIsWarnedOfRelabelling(int width) {
        assumeMatrices();
        ChromeDriver browser = browser(width);
        browser.get(url("/indicators/visa-openness"));
        List<String> periods = new Select(browser.findElement(By.id("period")))
                .getOptions().stream().map(o -> o.getDomAttribute("value")).toList();
        assertThat(periods).hasSizeGreaterThan(1);
        new Select(browser.findElement(By.id("period"))).selectByValue(periods.get(periods.size() - 1));
        new Select(browser.findElement(By.id("compare"))).selectByValue(periods.get(0));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // Waits for the new page: the old one has a table of values too, without the change columns.
        WebElement values = Browser.waiting(browser)
                .until(d -> d.findElement(By.cssSelector("#values thead"))
                                .getText()
                                .contains("Change since " + periods.get(0))
                        ? d.findElement(By.id("values"))
                        : null);
        assertThat(values.findElements(By.cssSelector("td.change")).stream()
                        .map(e -> e.getAttribute("textContent"))
                        .toList())
                .anyMatch(t -> t.matches("[+−][0-9.,]+"));
        fitsAndIsAccessible(browser, "analyst-compare", width);

        browser.findElement(By.cssSelector("#to-changes a")).click();
        WebElement table = Browser.waiting(browser).until(d -> d.findElement(By.id("destinations")));
        assertThat(browser.findElement(By.id("changes-summary")).getText())
                .doesNotContain("{")
                .doesNotContain("=");
        fitsAndIsAccessible(browser, "analyst-changes", width);
        // The relabellings the review met: every destination read as one is warned of.
        List<WebElement> warned = table.findElements(By.cssSelector("tbody tr.not-policy"));
        assertThat(warned).isNotEmpty();
        assertThat(warned.stream().map(r -> r.getAttribute("textContent")).toList())
                .anyMatch(t -> t.contains("relabelling") || t.contains("pandemic"));

        warned.get(0).findElement(By.tagName("a")).click();
        WebElement passports = Browser.waiting(browser).until(d -> d.findElement(By.id("passports")));
        assertThat(browser.findElement(By.id("drill-caution")).getText()).containsAnyOf("relabelling", "pandemic");
        assertThat(passports.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        assertThat(passports.getAttribute("textContent")).containsAnyOf("e-visa", "visa on arrival", "temporary");
        fitsAndIsAccessible(browser, "analyst-drill-down", width);
    }

    @Test
    void theFeedCoversEverySnapshotPairInWords() throws Exception {
        assumeMatrices();
        Response feed = get("/indicators/feed.atom");
        assertThat(feed.status()).isEqualTo(200);
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(feed.body())));
        var summaries = document.getElementsByTagName("summary");
        assertThat(summaries.getLength()).isPositive();
        java.util.Set<String> pairs = new java.util.TreeSet<>();
        for (int i = 0; i < summaries.getLength(); i++) {
            String text = summaries.item(i).getTextContent();
            assertThat(text)
                    .as("words, not a Java map")
                    .doesNotContain("{")
                    .doesNotContain("=")
                    .matches("Between the visa matrices of .*: \\d+ [a-z].*");
            pairs.add(text.substring(0, text.indexOf(':')));
        }
        assertThat(pairs).as("an entry for every two consecutive matrices").hasSizeGreaterThanOrEqualTo(3);
        assertThat(feed.body()).contains("relabelling");
    }
}
