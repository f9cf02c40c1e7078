package org.orderly.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every page must pass in a real browser: it fits the window's width (no sideways scrolling),
 * axe-core finds no serious or critical accessibility violation, and a full-page screenshot is kept
 * in target/screenshots for a person to look at. Phone width is emulated through the DevTools
 * protocol, as Chromium's own device toolbar does.
 */
final class PageChecks {
    static final int DESK = 1400;
    static final int PHONE = 390;
    private static final String AXE = readAxe();

    private PageChecks() {}

    private static String readAxe() {
        try (InputStream in = PageChecks.class.getResourceAsStream("/axe.min.js")) {
            if (in == null)
                throw new IllegalStateException(
                        "axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser of the given width: 1400 px as a desk window, 390 px as an emulated phone (device pixel ratio 1). */
    static ChromeDriver open(int width) {
        ChromeDriver browser = Browser.start(width == PHONE ? 500 : width, 1000);
        if (width == PHONE) {
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", PHONE, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
        return browser;
    }

    /** Lets the browser save downloads into the folder. */
    static void downloadInto(ChromeDriver browser, Path folder) {
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        folder.toAbsolutePath().toString()));
    }

    /**
     * Clicks the Download CSV button of the table with the id, as a person does, and reads the file the browser saves as
     * {@code fileName} into {@code folder} (see {@link #downloadInto}).
     */
    static List<String> downloadCsv(ChromeDriver browser, String tableId, Path folder, String fileName)
            throws IOException {
        browser.findElement(
                        org.openqa.selenium.By.xpath(
                                "//table[@id='" + tableId
                                        + "']/ancestor::div[@class='table-frame']/preceding-sibling::div[@class='table-tools'][1]//button[contains(@class,'download-csv')]"))
                .click();
        Path csv = folder.resolve(fileName);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(d -> Files.isRegularFile(csv));
        return Files.readAllLines(csv, StandardCharsets.UTF_8);
    }

    /** How many CSS pixels the page is wider than its window (0 when it fits). */
    static long overflow(ChromeDriver browser) {
        Object excess = browser.executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth;");
        return ((Number) excess).longValue();
    }

    /** The elements wider than the window, to say what overflows when something does. */
    @SuppressWarnings("unchecked")
    static List<String> overflowing(ChromeDriver browser) {
        return (List<String>) browser.executeScript("""
                var w = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  var spills = r.right <= w + 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
                      && r.left + e.scrollWidth > w + 1;
                  if ((r.right > w + 1 || spills) && out.length < 8) out.push((spills ? 'content of ' : '') +e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
                });
                return out;""");
    }

    /** axe-core's serious and critical violations on the page, one line each with up to three of the elements. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(ChromeDriver browser) {
        browser.executeScript(AXE);
        Object result = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                // label-content-name-mismatch (WCAG 2.5.3) is experimental in axe and off unless asked for.
                axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3)
                      .map(function (n) { return n.target.join(' '); }).join(' | '); }));
                }, function (e) { done(['axe failed: ' + e]); });""");
        return (List<String>) result;
    }

    /**
     * The controls smaller than 44 by 44 CSS pixels (WCAG 2.5.5), as "tag#id.class WxH": buttons, form fields, summaries
     * and the links of the navigation and of button-like links; links inside running text are exempt, as the criterion says.
     */
    @SuppressWarnings("unchecked")
    static List<String> smallTargets(ChromeDriver browser) {
        return (List<String>) browser.executeScript("""
                var out = [];
                document.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary, header a, a.button, .table-tools a')
                  .forEach(function (e) {
                    var r = e.getBoundingClientRect();
                    if (r.width === 0 && r.height === 0) return;
                    // A checkbox or radio is measured with its label, which is the target a finger uses.
                    var target = (e.type === 'checkbox' || e.type === 'radio') && e.closest('label') ? e.closest('label').getBoundingClientRect() : r;
                    if ((target.height < 43.5 || target.width < 43.5) && out.length < 12) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')
                      + ' ' + Math.round(target.width) + 'x' + Math.round(target.height));
                  });
                return out;""");
    }

    /** The whole page (up to 6000 px tall) to target/screenshots/NAME.png. */
    @SuppressWarnings("unchecked")
    static void screenshot(ChromeDriver browser, String name) {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(6000, ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = browser.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
