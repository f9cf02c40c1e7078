package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser test at a desk (1400 px) and on an emulated phone (390 px): one Chromium for each, started once per test
 * class, and the checks every page of such a test passes.
 */
abstract class DeskAndPhoneBrowserTest extends ServerTest {
    static ChromeDriver desk;
    static ChromeDriver phone;

    @BeforeAll
    static void startBrowsers() {
        desk = PageChecks.open(PageChecks.DESK);
        phone = PageChecks.open(PageChecks.PHONE);
    }

    @AfterAll
    static void stopBrowsers() {
        if (desk != null) desk.quit();
        if (phone != null) phone.quit();
    }

    /** The browser of that width. */
    static ChromeDriver browser(int width) {
        return width == PageChecks.PHONE ? phone : desk;
    }

    /** Saves target/screenshots/NAME-WIDTH.png, then: no sideways scrolling, no serious or critical axe-core violation. */
    static void fitsAndIsAccessible(ChromeDriver browser, String name, int width) {
        PageChecks.screenshot(browser, name + "-" + width);
        assertThat(PageChecks.overflow(browser))
                .as("%s at %d px: %s", name, width, PageChecks.overflowing(browser))
                .isLessThanOrEqualTo(0);
        assertThat(PageChecks.seriousViolations(browser))
                .as("axe-core on %s at %d px", name, width)
                .isEmpty();
    }
}
