package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Signing in as a person does, in a real headless Chromium: the sign-in page (not a browser prompt), a wrong password,
 * "signed in as … for …", the account page with a token shown once, signing out, and Orderly's own error page.
 */
class SignInPageBrowserTest extends ServerTest {
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aPersonSignsInSeesWhoTheyActForIssuesATokenAndSignsOut() {
        browser.manage().deleteAllCookies();
        browser.get(url("/border"));
        Browser.waiting(browser).until(d -> d.getCurrentUrl().contains("/signin?next="));
        Browser.screenshot(browser, "sign-in");
        browser.findElement(By.id("username")).sendKeys("border-officer");
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("sign-in-button")).click();
        assertThat(Browser.waiting(browser)
                        .until(d -> d.findElement(By.id("sign-in-error")))
                        .getText())
                .isEqualTo("The account name or the password is wrong.");

        browser.findElement(By.id("username")).sendKeys("border-officer");
        browser.findElement(By.id("password")).sendKeys("test-only-border");
        browser.findElement(By.id("sign-in-button")).click();
        Browser.waiting(browser).until(d -> d.getCurrentUrl().endsWith("/border"));
        assertThat(browser.findElement(By.id("signed-in")).getText())
                .isEqualTo("Signed in as border-officer for Germany");
        assertThat(browser.findElement(By.id("border")).getAttribute("readonly"))
                .as("an officer's border is its own state")
                .isNotNull();

        browser.findElement(By.cssSelector("#signed-in a")).click();
        Browser.waiting(browser).until(d -> d.getCurrentUrl().endsWith("/account"));
        browser.findElement(By.name("label")).sendKeys("booth scanner");
        browser.findElement(By.id("token-password")).sendKeys("test-only-border");
        browser.findElement(By.id("issue-token")).click();
        String token = Browser.waiting(browser)
                .until(d -> d.findElement(By.id("new-token")))
                .getText();
        assertThat(token).startsWith("orderly_");
        assertThat(get("/api/v1/watchlists", null, null).status()).isEqualTo(401);
        assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/watchlists")))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build())
                        .status())
                .as("the token works for API calls")
                .isEqualTo(200);
        Browser.screenshot(browser, "account-token");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("new-token")))
                .as("a token is shown once")
                .isEmpty();
        browser.findElement(By.id("revoke-all-tokens")).click();
        assertThat(Browser.waiting(browser)
                        .until(d -> d.findElement(By.id("token-notice")))
                        .getText())
                .endsWith("revoked.");
        assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/watchlists")))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build())
                        .status())
                .as("revoked with all the others")
                .isEqualTo(401);
        Browser.screenshot(browser, "account-revoked-all");

        browser.findElement(By.id("sign-out")).click();
        Browser.waiting(browser).until(d -> !d.findElements(By.id("signed-out")).isEmpty());
        assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
        browser.get(url("/border"));
        Browser.waiting(browser).until(d -> d.getCurrentUrl().contains("/signin"));
    }

    @Test
    void errorsAreShownInOrderlysOwnPage() {
        browser.get(url("/no-such-page"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.id("error-detail")).getText())
                .isEqualTo("There is nothing at /no-such-page.");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        Browser.screenshot(browser, "error-not-found");
    }
}
