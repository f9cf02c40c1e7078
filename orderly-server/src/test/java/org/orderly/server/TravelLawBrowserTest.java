package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Travel answers that rest on the law that decides them, at a desk (1400 px) and on a phone (390 px): work from France
 * to Germany under free movement with no old-data banner; the regional free movement regimes a migrant of the global
 * South meets (ECOWAS, the MERCOSUR residence agreement, the EAC common market); where to apply for a Schengen visa
 * with the Visa Code's fee and decision time; changing planes under the Visa Code's Annex IV; the legal channels named in an answer for work; a shared permalink that
 * opens on its answer. No sideways scrolling, no serious axe-core violation; screenshots in target/screenshots.
 */
class TravelLawBrowserTest extends DeskAndPhoneBrowserTest {
    private WebElement answer(ChromeDriver browser, String question, String name, int width) {
        browser.get(url("/travel?" + question + "&date=2026-12-01"));
        WebElement answer = browser.findElement(By.cssSelector("#answer article.answer"));
        fitsAndIsAccessible(browser, name, width);
        return answer;
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void workFromFranceToGermanyRestsOnFreeMovementWithoutAnOldDataBanner(int width) {
        ChromeDriver browser = browser(width);
        WebElement answer =
                answer(browser, "passport=FRA&destination=DEU&purpose=work", "travel-free-movement-work", width);
        assertThat(answer.findElement(By.className("verdict")).getText()).containsIgnoringCase("free movement");
        assertThat(answer.findElement(By.id("basis")).getText()).contains("commitment in force");
        assertThat(answer.findElements(By.id("stale-warning")))
                .as("law in force carries no staleness banner")
                .isEmpty();
        assertThat(answer.findElements(By.id("work-routes")))
                .as("free movement gives the right to work: no route to name")
                .isEmpty();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void regionalFreeMovementOfTheGlobalSouthDecidesWithItsSourceAndWhatIsUnverified(int width) {
        ChromeDriver browser = browser(width);
        WebElement ecowas = answer(browser, "passport=NGA&destination=GHA&purpose=tourism", "travel-ecowas", width);
        assertThat(ecowas.findElement(By.className("verdict")).getText()).containsIgnoringCase("free movement");
        assertThat(ecowas.findElement(By.cssSelector("a[href*='/instruments/ECOWAS_FREE_MOVEMENT']"))
                        .getText())
                .contains("A/P.1/5/79");
        assertThat(ecowas.getText()).contains("unverified").contains("90 days");
        assertThat(ecowas.findElements(By.id("stale-warning"))).isEmpty();

        WebElement mercosur = answer(browser, "passport=ARG&destination=BRA&purpose=work", "travel-mercosur", width);
        assertThat(mercosur.findElement(By.className("verdict")).getText()).containsIgnoringCase("free movement");
        assertThat(mercosur.findElement(By.cssSelector("a[href*='/instruments/MERCOSUR_RESIDENCE']"))
                        .getText())
                .contains("Residence");

        WebElement eac = answer(browser, "passport=KEN&destination=UGA&purpose=tourism", "travel-eac", width);
        assertThat(eac.findElement(By.cssSelector("a[href*='/instruments/EAC_COMMON_MARKET']"))
                        .getText())
                .contains("Common Market");

        browser.get(url("/instruments/CA4_FREE_MOBILITY"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("CA-4")
                .contains("unverified");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void whereToApplyGivesTheVisaCodesFeeAndDecisionTimeAndWorkNamesTheLegalChannels(int width) {
        ChromeDriver browser = browser(width);
        WebElement tourism = answer(browser, "passport=NGA&destination=DEU&purpose=tourism", "travel-apply", width);
        assertThat(tourism.findElement(By.id("apply-at")).getText())
                .contains("consulate")
                .contains("EUR 80")
                .contains("art. 16")
                .contains("15 calendar days")
                .contains("art. 23");

        WebElement work = answer(browser, "passport=NGA&destination=DEU&purpose=work", "travel-work-routes", width);
        WebElement routes = work.findElement(By.id("work-routes"));
        List<WebElement> named = routes.findElements(By.tagName("li"));
        assertThat(named).as("the legal channels to Germany open to a Nigerian").isNotEmpty();
        assertThat(routes.getText()).containsIgnoringCase("Blue Card");
        assertThat(routes.findElement(By.id("finder-link")).getDomAttribute("href"))
                .contains("/channels?passport=NGA&destination=DEU");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void transitSaysWhatChangingPlanesRequiresUnderAnnexIvOfTheVisaCode(int width) {
        ChromeDriver browser = browser(width);
        WebElement nigerian =
                answer(browser, "passport=NGA&destination=DEU&purpose=transit", "travel-airport-transit", width);
        WebElement atv = nigerian.findElement(By.id("airport-transit"));
        assertThat(atv.getText())
                .contains("airport transit visa")
                .contains("Annex IV")
                .contains("consulate of Germany");
        assertThat(atv.findElement(By.cssSelector("a.source-link")).getDomAttribute("href"))
                .contains("eur-lex.europa.eu/eli/reg/2009/810");

        WebElement indian = answer(
                browser, "passport=IND&destination=FRA&purpose=transit", "travel-airport-transit-unlisted", width);
        assertThat(indian.findElement(By.id("airport-transit")).getText())
                .contains("requires no airport transit visa")
                .contains("art. 3(2)");
        assertThat(indian.findElement(By.cssSelector(".verdict")).getText())
                .as("the verdict says it is about leaving the airport, not about changing planes")
                .contains("to leave the airport and enter France");
        assertThat((Boolean) browser.executeScript(
                        "return !!(document.getElementById('airport-transit').compareDocumentPosition("
                                + "document.getElementById('basis')) & Node.DOCUMENT_POSITION_FOLLOWING);"))
                .as("changing planes is answered before the rule about entering")
                .isTrue();
        WebElement tourist =
                answer(browser, "passport=NGA&destination=DEU&purpose=tourism", "travel-no-transit", width);
        assertThat(tourist.findElements(By.id("airport-transit")))
                .as("only a transit question is answered about transit")
                .isEmpty();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void aSharedPermalinkOpensOnTheAnswer(int width) {
        ChromeDriver browser = browser(width);
        browser.get(url("/travel?passport=NGA&destination=DEU&date=2026-11-23&purpose=tourism"));
        WebElement heading = browser.findElement(By.cssSelector("#answer article.answer h2"));
        Number top = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().top;", heading);
        Number verdictBottom = (Number) browser.executeScript(
                "return document.querySelector('#answer .verdict').getBoundingClientRect().bottom;");
        Number height = (Number) browser.executeScript("return window.innerHeight;");
        assertThat(verdictBottom.doubleValue())
                .as("the answer's verdict (heading at %s px) is on the first screen of %s px", top, height)
                .isLessThan(height.doubleValue());
        Number form = (Number)
                browser.executeScript("return document.getElementById('travel-form').getBoundingClientRect().top;");
        assertThat(top.doubleValue())
                .as("the page opens on the answer; the form to ask again comes after it")
                .isLessThan(form.doubleValue());
        PageChecks.screenshot(browser, "travel-permalink-" + width);
    }
}
