package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orderly.testing.SharedData;

/**
 * The public face in a real headless Chromium, at a desk width (1400 px) and a phone width (390 px):
 * every public page fits without sideways scrolling, has no serious or critical axe-core violation,
 * and is saved as a screenshot (target/screenshots/NAME-WIDTH.png); and the tasks people come for
 * are done end to end: a Nigerian passport holder finds what she needs for Germany, who decides and
 * where to apply; a researcher lists the parties to the Migrant Workers Convention and downloads them.
 */
class PublicFaceBrowserTest extends DeskAndPhoneBrowserTest {

    private static WebDriverWait waiting(ChromeDriver browser) {
        return Browser.waiting(browser);
    }

    /** The demo data imports the public data sets only when ../shared/data is beside the project. */
    private static boolean sharedData(String file) {
        return SharedData.has(file);
    }

    static Stream<Arguments> pages() {
        List<String[]> pages = List.of(
                new String[] {"home", "/"},
                new String[] {"travel", "/travel"},
                new String[] {"travel-answer", "/travel?passport=Nigeria&destination=Germany&purpose=tourism"},
                new String[] {"travel-unknown", "/travel?passport=Nigera&destination=Germany&purpose=work"},
                new String[] {"parties", "/parties"},
                new String[] {"party-state", "/parties/NGA"},
                new String[] {"party-organisation", "/parties/IOM"},
                new String[] {"instruments", "/instruments"},
                new String[] {"instrument-global", "/instruments/ICMW"},
                new String[] {"instrument-regional", "/instruments/SCHENGEN"},
                // Issue 24: a treaty before its entry into force, dated counts, undated signatures apart; what changed.
                new String[] {"instrument-before-in-force", "/instruments/ICMW?date=1995-06-01"},
                new String[] {"party-germany", "/parties/DEU"},
                new String[] {"travel-covid-ban", "/travel?passport=AFG&destination=JPN&date=2021-06-01&purpose=tourism"
                },
                new String[] {"indicator-gaps", "/indicators/implementation-gaps"},
                new String[] {"scorecard-no-commitment", "/scorecards/AFG"},
                new String[] {"negotiations", "/negotiations"},
                new String[] {"negotiation", "/negotiations/DEU-MAR-MOBILITY-PARTNERSHIP"},
                new String[] {"signin", "/signin"},
                new String[] {"indicators", "/indicators"},
                new String[] {"indicator", "/indicators/visa-openness"},
                new String[] {"scorecards", "/scorecards"},
                new String[] {"scorecard", "/scorecards/DEU"},
                new String[] {"country-review", "/scorecards/DEU/review"},
                new String[] {"glossary", "/glossary"},
                new String[] {"search", "/search?q=visa"},
                new String[] {"not-found", "/instruments/NO_SUCH_THING"});
        List<Arguments> all = new ArrayList<>();
        for (int width : new int[] {PageChecks.DESK, PageChecks.PHONE}) {
            for (String[] page : pages) all.add(Arguments.of(page[0], page[1], width));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} at {2} px")
    @MethodSource("pages")
    void everyPublicPageFitsTheScreenIsAccessibleAndIsPhotographed(String name, String path, int width) {
        ChromeDriver browser = browser(width);
        assertThat(get(path).status()).as("status of %s", path).isEqualTo(name.equals("not-found") ? 404 : 200);
        browser.get(url(path));
        if (!browser.findElements(By.id("map")).isEmpty()) {
            waiting(browser)
                    .until(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-ready")));
        }
        PageChecks.screenshot(browser, name + "-" + width);
        assertThat(PageChecks.overflow(browser))
                .as("%s at %d px is wider than the screen: %s", path, width, PageChecks.overflowing(browser))
                .isLessThanOrEqualTo(0);
        assertThat(PageChecks.seriousViolations(browser))
                .as("axe-core on %s at %d px", path, width)
                .isEmpty();
        if (!browser.findElements(By.cssSelector("header.top")).isEmpty()) {
            // Pages with the site's navigation start with a skip link past it (a printable review has none).
            assertThat(browser.findElement(By.cssSelector("header.top a.skip-link"))
                            .getDomAttribute("href"))
                    .isEqualTo("#main");
        }
    }

    /** The pages behind sign-in, at both widths: the secretariat's, the border officer's and a negotiator's room. */
    @ParameterizedTest(name = "signed-in pages at {0} px")
    @org.junit.jupiter.params.provider.ValueSource(ints = {PageChecks.DESK, PageChecks.PHONE})
    void everySignedInPageFitsTheScreenAndIsAccessible(int width) {
        ChromeDriver browser = browser(width);
        String[][] pages = {
            {"secretariat", "test-only-secretariat", "account", "/account"},
            {"secretariat", "test-only-secretariat", "secretariat-participations", "/secretariat/participations"},
            {"border-officer", "test-only-border", "border", "/border"},
            {"border-officer", "test-only-border", "border-stays", "/border/stays"},
            {"border-officer", "test-only-border", "border-overstays", "/border/overstays"},
            {"border-officer", "test-only-border", "border-readmission", "/border/readmission"},
            {"secretariat", "test-only-secretariat", "manifests", "/manifests"},
            {"deu-negotiator", "test-only-deu", "negotiation-room", "/negotiations/DEU-MAR-MOBILITY-PARTNERSHIP/room"}
        };
        try {
            for (String[] page : pages) {
                Browser.signIn(browser, url(""), page[0], page[1]);
                browser.get(url(page[3]));
                PageChecks.screenshot(browser, page[2] + "-" + width);
                assertThat(PageChecks.overflow(browser))
                        .as("%s at %d px is wider than the screen: %s", page[3], width, PageChecks.overflowing(browser))
                        .isLessThanOrEqualTo(0);
                assertThat(PageChecks.seriousViolations(browser))
                        .as("axe-core on %s at %d px", page[3], width)
                        .isEmpty();
            }
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    private static WebElement answerWith(ChromeDriver browser, String text) {
        return waiting(browser).until(d -> {
            WebElement a = d.findElement(By.id("answer"));
            return a.getText().contains(text) ? a : null;
        });
    }

    private static void ask(ChromeDriver browser, String passport, String destination, String purpose) {
        WebElement p = browser.findElement(By.id("passport"));
        p.clear();
        p.sendKeys(passport);
        WebElement d = browser.findElement(By.id("destination"));
        d.clear();
        d.sendKeys(destination);
        new Select(browser.findElement(By.id("purpose"))).selectByValue(purpose);
        browser.findElement(By.id("check")).click();
    }

    /** Task (a), on a phone: tourism and work in Germany on a Nigerian passport, who decides and where to apply. */
    @Test
    void aNigerianPassportHolderLearnsWhatSheNeedsForGermanyWhoDecidesAndWhereToApply() {
        ChromeDriver browser = phone;
        browser.get(url("/travel"));
        ask(browser, "Nigeria", "Germany", "tourism");
        WebElement answer = answerWith(browser, "Nigeria passport");
        assertThat(answer.findElement(By.cssSelector(".verdict")).getText()).containsIgnoringCase("visa required");
        assertThat(answer.findElement(By.id("authority")).getText())
                .contains("Schengen short-stay visa")
                .contains("Visa Code");
        assertThat(answer.findElement(By.id("apply-at")).getText())
                .contains("consulate of the Schengen state of main destination");
        assertThat(answer.findElement(By.cssSelector("#authority a")).getDomAttribute("href"))
                .isEqualTo("https://eur-lex.europa.eu/eli/reg/2009/810/oj");
        assertThat(answer.findElement(By.id("basis")).getText()).isNotBlank();
        assertThat(browser.switchTo().activeElement().getText())
                .as("focus moves to the answer")
                .contains("Nigeria passport");
        assertThat(browser.findElement(By.id("answer")).getDomAttribute("aria-live"))
                .isEqualTo("polite");
        assertThat(browser.getCurrentUrl())
                .as("the question is in the address")
                .contains("passport=Nigeria")
                .contains("purpose=tourism");
        // Issue 25 item 2: EU law decides (Annex I of Regulation (EU) 2018/1806), so the data's age is the law's, with
        // no
        // old-data warning; the visa matrix is only its corroboration.
        assertThat(answer.findElement(By.id("basis")).getText())
                .contains("Decided by law")
                .contains("Annex I");
        assertThat(answer.findElement(By.id("data-as-of")).getText()).doesNotContain("2025-01-12");
        assertThat(answer.getText()).doesNotContain("more than a year away");
        PageChecks.screenshot(browser, "task-a-tourism-390");

        new Select(browser.findElement(By.id("purpose"))).selectByValue("work");
        browser.findElement(By.id("check")).click();
        answer = answerWith(browser, "national long-stay visa");
        assertThat(answer.findElement(By.id("apply-at")).getText()).contains("embassy or consulate of Germany");
        assertThat(browser.getCurrentUrl()).contains("purpose=work");
        PageChecks.screenshot(browser, "task-a-work-390");

        // The permalink asks the same question again, in a fresh page.
        String permalink = answer.findElement(By.id("permalink")).getDomAttribute("href");
        assertThat(permalink)
                .isEqualTo("/travel?passport=NGA&destination=DEU&date="
                        + answer.getText().replaceAll("(?s).*On (\\d{4}-\\d{2}-\\d{2}).*", "$1") + "&purpose=work");
        browser.get(url(permalink));
        assertThat(browser.findElement(By.id("apply-at")).getText()).contains("embassy or consulate of Germany");
        assertThat(browser.findElement(By.id("passport")).getDomProperty("value"))
                .isEqualTo("Nigeria");
    }

    @Test
    void aliasesAreAcceptedAndAWrongNameKeepsTheOtherChoicesAndSuggests() {
        ChromeDriver browser = desk;
        browser.get(url("/travel"));
        ask(browser, "Ivory Coast", "UK", "study");
        assertThat(answerWith(browser, "Côte d'Ivoire passport").getText()).contains("United Kingdom");

        browser.get(url("/travel?passport=Nigera&destination=DE&date=2027-03-01&purpose=work"));
        WebElement error = browser.findElement(By.cssSelector("#answer .error"));
        assertThat(error.getText()).contains("'Nigera' is not a state");
        assertThat(browser.findElement(By.id("destination")).getDomProperty("value"))
                .isEqualTo("Germany");
        assertThat(browser.findElement(By.id("date")).getDomProperty("value")).isEqualTo("2027-03-01");
        assertThat(new Select(browser.findElement(By.id("purpose")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("work");
        assertThat(browser.findElement(By.id("passport")).getDomProperty("value"))
                .isEqualTo("Nigera");
        WebElement suggestion = browser.findElement(By.cssSelector("#answer a.suggestion"));
        assertThat(suggestion.getText()).isEqualTo("Nigeria (NGA)");
        suggestion.click();
        assertThat(browser.findElement(By.id("apply-at")).getText()).contains("Germany");
        assertThat(browser.getCurrentUrl()).contains("date=2027-03-01").contains("purpose=work");
    }

    /** Task (b): the parties to the Migrant Workers Convention with their years, downloaded as CSV. */
    @Test
    void aResearcherListsThePartiesToTheMigrantWorkersConventionAndDownloadsThemAsCsv(@TempDir Path downloads)
            throws IOException {
        SharedData.file("ratifications/hr_status_icmw.csv");
        ChromeDriver browser = desk;
        PageChecks.downloadInto(browser, downloads);
        browser.get(url("/instruments"));
        browser.findElement(
                        By.linkText(
                                "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"))
                .click();
        WebElement table = waiting(browser).until(d -> d.findElement(By.id("participations")));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSizeGreaterThan(40);
        assertThat(table.getText()).contains("Mexico").containsPattern("(19|20)\\d\\d");

        // Sort by party, filter to the ratifications, then download what is shown.
        table.findElement(By.cssSelector("thead th button.sort")).click();
        assertThat(table.findElement(By.cssSelector("thead th")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");
        List<String> lines =
                PageChecks.downloadCsv(browser, "participations", downloads, "instruments-ICMW-participations.csv");
        assertThat(lines.get(0)).isEqualTo("Party,ISO code,Act,Status,Since,Until,Source");
        assertThat(lines).hasSize(rows.size() + 1);
        assertThat(lines)
                .anyMatch(l -> l.startsWith("Mexico,")
                        && l.matches("Mexico,MEX,ratification or accession,ratified,(19|20)\\d\\d.*"));
        PageChecks.screenshot(browser, "task-b-icmw-1400");
    }

    @Test
    void theWorldMapGeometryIsCompressedAndCachedUnderAContentHash() throws IOException, InterruptedException {
        desk.get(url("/instruments/SCHENGEN"));
        String geo = desk.findElement(By.id("map")).getDomAttribute("data-geo");
        assertThat(geo).matches("/geo/world-[0-9a-f]{16}\\.json");
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(geo)))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=31536000")
                .contains("immutable");
        assertThat(response.body().length).as("compressed geometry").isLessThan(400_000);
        byte[] plain =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes();
        assertThat(new String(plain, 0, 40, StandardCharsets.UTF_8)).startsWith("{\"type\":\"FeatureCollection\"");
    }

    @Test
    void theMapZoomsWithButtonsAndTheWheelOnlyAfterAClickAndListsSmallStates() {
        ChromeDriver browser = desk;
        browser.get(url("/instruments/SCHENGEN"));
        waiting(browser).until(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-ready")));
        assertThat(browser.findElement(By.id("map")).getDomAttribute("data-roam"))
                .as("no wheel zoom before a click")
                .isNull();
        Object zoom = browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('map')).getOption().series[0].zoom;");
        assertThat(((Number) zoom).doubleValue())
                .as("a regional instrument is drawn at its region's scale")
                .isGreaterThan(1.5);
        browser.findElement(By.cssSelector("[data-map=in]")).click();
        Object zoomed = browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('map')).getOption().series[0].zoom;");
        assertThat(((Number) zoomed).doubleValue()).isGreaterThan(((Number) zoom).doubleValue());
        browser.findElement(By.cssSelector("[data-map=reset]")).click();
        Object reset = browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('map')).getOption().series[0].zoom;");
        assertThat(((Number) reset).doubleValue()).isEqualTo(((Number) zoom).doubleValue());
        browser.findElement(By.id("map")).click();
        assertThat(browser.findElement(By.id("map")).getDomAttribute("data-roam"))
                .isEqualTo("true");
        // Every Schengen member has a shape; states too small for one (Monaco, San Marino, Saint Kitts and Nevis) are
        // parties to the Convention against Torture in the UN extract.
        assertThat(smallStates(browser)).contains("None");
        if (sharedData("ratifications/hr_status_cat.csv")) {
            browser.get(url("/instruments/CAT"));
            assertThat(smallStates(browser))
                    .contains("Monaco")
                    .contains("Saint Kitts and Nevis")
                    .doesNotContain("None");
        }
    }

    private static String smallStates(ChromeDriver browser) {
        return waiting(browser).until(d -> {
            String text = d.findElement(By.id("small-states")).getText();
            return text.contains("Loading") ? null : text;
        });
    }

    @Test
    void noRawEnumNameIsShownAndTermsLinkToTheGlossary() {
        ChromeDriver browser = desk;
        for (String path : List.of(
                "/instruments", "/instruments/SCHENGEN", "/instruments/REFUGEE_1951", "/parties", "/parties/DEU")) {
            browser.get(url(path));
            String text = browser.findElement(By.tagName("main")).getText();
            assertThat(text)
                    .as(path)
                    .doesNotContain(
                            "REGIONAL_AGREEMENT",
                            "RIGHTS_FLOOR",
                            "LEGAL_MOVEMENT",
                            "UN_MEMBER",
                            "VISA_WAIVER",
                            "FREE_MOVEMENT",
                            "RATIFIED",
                            "MEMBER ");
        }
        browser.get(url("/instruments/REFUGEE_1951"));
        WebElement term = browser.findElement(By.cssSelector("#commitments a.term"));
        assertThat(term.getText()).isEqualTo("rights floor");
        assertThat(term.getDomAttribute("title")).contains("whatever else they agree");
        term.click();
        assertThat(browser.getCurrentUrl()).endsWith("/glossary#term-rights-floor");
    }

    @Test
    void siteSearchFindsPartiesByAliasInstrumentsAndCommitments() {
        ChromeDriver browser = desk;
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("site-q"));
        box.sendKeys("Ivory Coast");
        box.submit();
        // The form's submit navigates: wait for the results page rather than read the page being left.
        assertThat(waiting(browser).until(d -> d.findElement(By.id("results"))).getText())
                .contains("Côte d'Ivoire");
        browser.get(url("/search?q=refugees"));
        String text = browser.findElement(By.id("results")).getText();
        assertThat(text)
                .contains("Convention relating to the Status of Refugees")
                .contains("Commitments (");
        browser.get(url("/search?q=non-refoulement"));
        assertThat(browser.findElement(By.id("results")).getText()).contains("rights floor");
    }

    @Test
    void aPassportIsShownAsAWorldMapOfWhatItsHoldersNeed() {
        ChromeDriver browser = desk;
        browser.get(url("/parties/NGA"));
        waiting(browser).until(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-ready")));
        Object colours = browser.executeScript(
                "var o = echarts.getInstanceByDom(document.getElementById('map')).getOption().series[0].data;"
                        + "return o.filter(function (d) { return d.itemStyle; }).length;");
        assertThat(((Number) colours).intValue())
                .as("destinations coloured by requirement")
                .isGreaterThan(20);
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("visa required (striped)");
    }

    @Test
    void theMenuFoldsOnAPhoneAndOpens() {
        ChromeDriver browser = phone;
        browser.get(url("/"));
        WebElement nav = browser.findElement(By.id("site-nav"));
        assertThat(nav.isDisplayed()).isFalse();
        WebElement toggle = browser.findElement(By.cssSelector(".nav-toggle"));
        toggle.click();
        assertThat(nav.isDisplayed()).isTrue();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
        PageChecks.screenshot(browser, "menu-open-390");
    }
}
