package org.orderly.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) for the page tests. Skips the calling
 * test class when they are not installed, unless ORDERLY_REQUIRE_BROWSER is set (as CI does).
 */
final class Browser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver start(int width, int height) {
        return start(width, height, false);
    }

    /** With {@code networkLog}, the DevTools network events are kept in the "performance" log for the test to read. */
    static ChromeDriver start(int width, int height, boolean networkLog) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("ORDERLY_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("ORDERLY_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                installed,
                "Chromium is not installed (apt-get install chromium chromium-driver): skipping the browser tests");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling out to hosts this machine cannot reach.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height);
        if (networkLog) options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waiting(ChromeDriver browser) {
        // Pages swap parts of themselves (htmx, a form's reload): an element read while it is replaced is read again.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in through Orderly's sign-in page as a person does, starting from no session; waits for "signed in as". */
    static void signIn(ChromeDriver browser, String base, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/signin");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in-button")).click();
        waiting(browser).until(d -> !d.findElements(By.id("signed-in")).isEmpty());
    }

    /** Saves what the browser shows to target/screenshots/NAME.png, for a person to look at. */
    static void screenshot(ChromeDriver browser, String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
