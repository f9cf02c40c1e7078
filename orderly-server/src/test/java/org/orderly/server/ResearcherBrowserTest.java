package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.orderly.testing.SharedData;

/**
 * The researcher's page, at a desk (1400 px) and on a phone (390 px): the instruments filter finds a convention by its
 * acronym; the count of parties says the date of the status it rests on and links the primary source; the CSV carries
 * ISO codes, the year or date as published, the act (ratification or accession, as the extract gives it, or signature)
 * and a short source; no operator instruction (endpoint, command) on the page. Needs ../shared/data (the UN extract).
 */
class ResearcherBrowserTest extends DeskAndPhoneBrowserTest {
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void aResearcherFindsIcmwByItsAcronymReadsTheStatusDateAndDownloadsCodesActsAndYears(
            int width, @TempDir Path downloads) throws IOException {
        SharedData.file("ratifications/hr_status_icmw.csv");
        ChromeDriver browser = browser(width);
        PageChecks.downloadInto(browser, downloads);
        browser.get(url("/instruments"));
        assertThat(browser.findElement(By.id("instruments")).getAttribute("textContent"))
                .as("a missing date in words, never 'null'")
                .doesNotContain("null");
        WebElement filter = browser.findElement(By.cssSelector(".table-filter input"));
        filter.sendKeys("ICMW");
        List<WebElement> found = browser.findElements(By.cssSelector("#instruments tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
        assertThat(found).as("the acronym finds the convention").hasSize(1);
        assertThat(found.get(0).getText()).contains("Migrant Workers");
        PageChecks.screenshot(browser, "researcher-filter-" + width);
        found.get(0).findElement(By.tagName("a")).click();

        WebElement status = Browser.waiting(browser).until(d -> d.findElement(By.id("status-as-at")));
        assertThat(status.getText()).contains("Status as at 2022-08-01");
        assertThat(status.findElement(By.id("primary-source")).getDomAttribute("href"))
                .startsWith("https://treaties.un.org/")
                .contains("mtdsg_no=IV-13");
        String main = browser.findElement(By.tagName("main")).getText();
        assertThat(main).doesNotContain("/api/v1").doesNotContain("./orderly").doesNotContain("POST ");
        fitsAndIsAccessible(browser, "researcher-icmw", width);

        List<String> lines =
                PageChecks.downloadCsv(browser, "participations", downloads, "instruments-ICMW-participations.csv");
        assertThat(lines.get(0)).isEqualTo("Party,ISO code,Act,Status,Since,Until,Source");
        assertThat(lines)
                .anyMatch(l -> l.matches(
                        "Mexico,MEX,ratification or accession,ratified,(19|20)\\d\\d,,.*\\(as of 2022-08-01\\)\"?"));
        assertThat(lines)
                .as("every row with its ISO code and the year as published")
                .allMatch(
                        l -> l.equals(lines.get(0))
                                || l.matches(
                                        "(\"[^\"]*\"|[^,\"]*),[A-Z]{3},(ratification or accession|signature),[^,]*,((19|20)\\d\\d|date unknown)?,.*"));
        assertThat(lines.stream().mapToInt(String::length).max().orElse(0))
                .as("a short source column")
                .isLessThan(160);
        assertThat(lines)
                .as("who states the fact and as of when, not the intermediary's repository")
                .noneMatch(l -> l.contains("humanrights-treaties-ratification-status"))
                .anyMatch(l -> l.contains(",\"UN Treaty Collection status of ICMW, extract (as of 2022-08-01)\""));
    }
}
