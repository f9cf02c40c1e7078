package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.orderly.regime.Registry;
import org.orderly.store.RegistryStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Cross-site request forgery, attempted for real: a signed-in user's Chromium opens a page served by another server
 * (another port on the same host, so even SameSite cookies go along) that fires every state-changing endpoint of
 * Orderly, found from the server's own request mappings, as a URL-encoded form, a text/plain form smuggling JSON, and a
 * credentialed fetch. Every one must be refused (403, for want of the CSRF token) and nothing may change; a control
 * proves the session cookie did travel with the forged requests.
 */
class CrossSiteRequestBrowserTest extends ServerTest {
    private static final String DEMO = "DEU-MAR-MOBILITY-PARTNERSHIP";
    private static ChromeDriver browser;
    private static HttpServer attacker;
    private static volatile String attackPage = "";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    RegistryStore store;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start(1200, 900, true);
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] page = attackPage.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        attacker.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (attacker != null) attacker.stop(0);
    }

    /** A state-changing endpoint: method and a concrete path. */
    record Target(String method, String path) {}

    /** Every mapping that is not GET/HEAD/OPTIONS, with its path variables filled, plus sign-in and sign-out. */
    private List<Target> stateChangingEndpoints() {
        Set<Target> targets = new LinkedHashSet<>();
        for (MappedEndpoints.Mapped mapped : MappedEndpoints.of(mappings, Set.of(RequestMethod.POST))) {
            RequestMethod method = mapped.method();
            if (mapped.pattern().equals("/error")
                    || method == RequestMethod.GET
                    || method == RequestMethod.HEAD
                    || method == RequestMethod.OPTIONS) continue;
            targets.add(new Target(method.name(), fill(mapped.pattern())));
        }
        targets.add(new Target("POST", "/signin"));
        targets.add(new Target("POST", "/signout"));
        return new ArrayList<>(targets);
    }

    private static String fill(String pattern) {
        String path = pattern.startsWith("/api/v1/tokens") || pattern.startsWith("/account")
                ? pattern.replace("{id}", "1")
                : pattern.replace("{id}", DEMO);
        return path.replace("{party}", "DEU").replaceAll("\\{[^}]+}", "X");
    }

    @ParameterizedTest(name = "signed in as {0}")
    @CsvSource({"secretariat,test-only-secretariat", "deu-negotiator,test-only-deu", "border-officer,test-only-border"})
    void aPageOfAnotherSiteCannotActWithTheSessionCookie(String user, String password) {
        List<Target> targets = stateChangingEndpoints();
        assertThat(targets)
                .as("the server's own mappings list the endpoints to attack")
                .contains(
                        new Target("POST", "/api/v1/instruments"),
                        new Target("POST", "/api/v1/imports/visa-matrix"),
                        new Target("PUT", "/api/v1/negotiations/" + DEMO + "/valuations/DEU"),
                        new Target("POST", "/api/v1/negotiations/" + DEMO + "/conclusion"),
                        new Target("POST", "/border/check"));
        String before = stateOfTheServer();

        Browser.signIn(browser, url(""), user, password);
        browser.manage().logs().get(LogType.PERFORMANCE); // drop the sign-in's events
        attackPage = page(targets);
        browser.get("http://localhost:" + attacker.getAddress().getPort() + "/attack.html");
        Browser.waiting(browser).until(d -> "done".equals(d.getTitle()));
        Map<String, Exchange> exchanges =
                exchanges(browser.manage().logs().get(LogType.PERFORMANCE).getAll());

        String victim = url("");
        List<Exchange> atVictim = exchanges.values().stream()
                .filter(e -> e.url.startsWith(victim) && e.status > 0)
                .toList();
        Exchange control = atVictim.stream()
                .filter(e -> e.url.equals(victim + "/account"))
                .findFirst()
                .orElseThrow();
        // Anonymous, /account redirects to the sign-in page; a 200 for it proves the forged requests carried the
        // session.
        assertThat(control.status)
                .as("control: the session cookie travelled with requests from the other site")
                .isEqualTo(200);

        for (Target target : targets) {
            List<Exchange> sent = atVictim.stream()
                    .filter(e -> e.url.equals(victim + target.path()) && e.method.equals(target.method()))
                    .toList();
            for (Exchange e : sent) {
                assertThat(e.status).as(target + " forged from another site").isEqualTo(403);
            }
            if (target.method().equals("POST")) {
                // All three forged POSTs reach the server and every one is refused; the CSRF filter answers before any
                // role
                // check, so even the secretariat, which may make every one of these changes, gets 403.
                assertThat(sent)
                        .as(target + ": the forged forms and fetch reached the server")
                        .hasSizeGreaterThanOrEqualTo(2);
            }
            // PUT and DELETE from another origin need a CORS preflight, which the server never grants: they are not
            // even sent.
        }
        assertThat(stateOfTheServer()).as("nothing changed").isEqualTo(before);
        browser.get(url("/"));
        assertThat(browser.findElements(org.openqa.selenium.By.id("signed-in")))
                .as("the forged sign-out did not sign out")
                .isNotEmpty();
        Browser.screenshot(browser, "cross-site-after-attack-" + user);
    }

    /**
     * A link on another site that the officer follows (here: the page navigates itself, as a click would) opens a page
     * or API answer of personal data. The SameSite=Lax cookie goes along with such a top-level navigation, so without a
     * check the officer's browser would perform an audited read under the officer's name. Refused, with nothing read
     * and nothing audited; the same address opened from Orderly's own page is read.
     */
    @org.junit.jupiter.api.Test
    void aLinkOnAnotherSiteCannotMakeAnOfficersBrowserReadPersonalData() {
        Browser.signIn(browser, url(""), "border-officer", "test-only-border");
        long audited = auditEntries();
        List<String> reads = List.of(
                "/border/overstays",
                "/border/stays?traveller=T-CROSS-SITE",
                "/api/v1/overstays",
                "/api/v1/crossings?traveller=T-CROSS-SITE",
                "/api/v1/readmission-cases",
                "/border/readmission",
                "/manifests",
                "/api/v1/manifests");
        for (String read : reads) {
            attackPage = "<!doctype html><html><head><title>a link</title></head><body><script>location.href = '"
                    + url(read) + "';</script></body></html>";
            browser.get("http://localhost:" + attacker.getAddress().getPort() + "/link.html");
            Browser.waiting(browser)
                    .until(d -> d.getCurrentUrl().startsWith(url(""))
                            && d.getPageSource().contains("personal data"));
            assertThat(browser.getPageSource())
                    .as(read + " opened from another site")
                    .contains("did not come from Orderly's own pages");
        }
        assertThat(auditEntries()).as("nothing was read, so nothing audited").isEqualTo(audited);
        Browser.screenshot(browser, "cross-site-read-refused");

        // Opened from Orderly's own page (the refusal's "Open it here" link), the same read works, and so does a typed
        // address.
        attackPage = "<!doctype html><html><body><script>location.href = '" + url("/border/overstays")
                + "';</script></body></html>";
        browser.get("http://localhost:" + attacker.getAddress().getPort() + "/link.html");
        Browser.waiting(browser)
                .until(d ->
                        !d.findElements(org.openqa.selenium.By.id("open-here")).isEmpty());
        browser.findElement(org.openqa.selenium.By.id("open-here")).click();
        Browser.waiting(browser)
                .until(d -> d.getTitle().toLowerCase(java.util.Locale.ROOT).contains("overstay"));
        assertThat(browser.getPageSource()).doesNotContain("did not come from Orderly's own pages");
        assertThat(auditEntries()).as("the officer's own read is audited").isEqualTo(audited + 1);
        browser.get(url("/api/v1/overstays"));
        assertThat(browser.getPageSource())
                .as("a typed address (Sec-Fetch-Site: none)")
                .doesNotContain("did not come from");
    }

    private long auditEntries() {
        return get("/api/v1/audit/verification", "secretariat", "test-only-secretariat")
                .json()
                .get("entries")
                .asLong();
    }

    /** Everything a forged request could change, read from the database and the API. */
    private String stateOfTheServer() {
        Registry registry = store.load();
        return "parties=" + registry.parties().size() + " instruments="
                + registry.instruments().size()
                + " participations=" + registry.participations().size() + " commitments="
                + registry.commitments().size()
                + " entryPolicies=" + registry.entryPolicies().size()
                + " negotiations=" + get("/api/v1/negotiations").body()
                + " audit="
                + get("/api/v1/audit/verification", "secretariat", "test-only-secretariat")
                        .json()
                        .get("entries")
                + " tokens="
                + get("/api/v1/tokens", "secretariat", "test-only-secretariat").body()
                + get("/api/v1/tokens", "deu-negotiator", "test-only-deu").body()
                + get("/api/v1/tokens", "border-officer", "test-only-border").body();
    }

    /** The attacker's page: for each endpoint a URL-encoded form, a text/plain form carrying JSON, and a credentialed fetch. */
    private String page(List<Target> targets) {
        StringBuilder list = new StringBuilder("[");
        for (Target t : targets)
            list.append("{method:'")
                    .append(t.method())
                    .append("',url:'")
                    .append(url(t.path()))
                    .append("'},");
        list.append("]");
        return """
                <!doctype html><html><head><title>attacking</title></head><body>
                <script>
                const targets = %s;
                const sleep = ms => new Promise(r => setTimeout(r, ms));
                let n = 0;
                function form(url, enctype, fields) {
                  const frame = document.createElement('iframe'); frame.name = 'f' + (++n); document.body.appendChild(frame);
                  const f = document.createElement('form'); f.method = 'post'; f.action = url; f.enctype = enctype; f.target = frame.name;
                  for (const [k, v] of Object.entries(fields)) { const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }
                  document.body.appendChild(f); f.submit();
                }
                async function run() {
                  // The control: a credentialed read of the account page (its answer is opaque to this page, not to DevTools).
                  try { await fetch('%s/account', {mode: 'no-cors', credentials: 'include'}); } catch (e) {}
                  await sleep(300);
                  for (const t of targets) {
                    if (t.method === 'POST') {
                      form(t.url, 'application/x-www-form-urlencoded', {answer: 'ACCEPT', reason: 'forged', label: 'forged', days: '1', id: '1',
                        mrz: 'P<UTOERIKSSON<<ANNA', username: 'secretariat', password: 'forged', name1: 'a', name2: 'b'});
                      form(t.url, 'text/plain', {'{"answer":"ACCEPT","label":"forged","name1":"a","name2":"b","x":"': '"}'});
                      try { await fetch(t.url, {method: 'POST', mode: 'no-cors', credentials: 'include',
                        headers: {'Content-Type': 'text/plain'}, body: '{"answer":"ACCEPT","label":"forged"}'}); } catch (e) {}
                    } else {
                      try { await fetch(t.url, {method: t.method, mode: 'cors', credentials: 'include',
                        headers: {'Content-Type': 'application/json'}, body: t.method === 'DELETE' ? null : '{}'}); } catch (e) {}
                    }
                    await sleep(40);
                  }
                  await sleep(2500);
                  document.title = 'done';
                }
                run();
                </script></body></html>
                """.formatted(list, url(""));
    }

    /** One request seen by the browser: method, URL and response status (0 while unanswered). */
    static final class Exchange {
        final String id;
        String method = "";
        String url = "";
        int status;

        Exchange(String id) {
            this.id = id;
        }
    }

    private static Map<String, Exchange> exchanges(List<LogEntry> entries) {
        Map<String, Exchange> byId = new HashMap<>();
        for (LogEntry entry : entries) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString();
            JsonNode params = message.path("params");
            if (method.equals("Network.requestWillBeSent")) {
                Exchange e = byId.computeIfAbsent(params.path("requestId").asString(), Exchange::new);
                e.method = params.path("request").path("method").asString();
                e.url = params.path("request").path("url").asString();
            } else if (method.equals("Network.responseReceived")) {
                Exchange e = byId.computeIfAbsent(params.path("requestId").asString(), Exchange::new);
                e.status = params.path("response").path("status").asInt();
                if (e.url.isEmpty()) e.url = params.path("response").path("url").asString();
            }
        }
        return byId;
    }
}
