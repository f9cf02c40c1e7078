package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How browsers and API clients prove who they are: a session from the sign-in page whose changes all need the CSRF
 * token (API included), header credentials that need none, no Basic challenge, no session for anonymous refusals,
 * safe redirects after sign-in, sign-out, and the cookie's flags.
 */
class SignInAndSessionTest extends ServerTest {
    private static final String INSTRUMENT = """
            {"instrument": {"id": "TEST_SESSION_%s", "title": "Session test", "kind": "MEMORANDUM", "level": "BILATERAL",
             "binding": false, "adopted": "2024-01-01", "inForce": "2024-01-01", "pillars": ["LEGAL_MOVEMENT"],
             "source": {"title": "test", "reference": "", "asOf": "2024-01-01"}}}""";

    private HttpResponse<String> raw(HttpRequest.Builder request) {
        return Session.exchange(request.build());
    }

    @Test
    void aSessionCookieChangesNothingWithoutTheCsrfTokenOnTheApiAsOnPages() {
        Session session = signIn("secretariat", "test-only-secretariat");
        Response forged =
                send(session, "POST", "/api/v1/instruments", "application/json", INSTRUMENT.formatted("FORGED"), false);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("title").asString()).isEqualTo("Forged or stale request refused");
        assertThat(forged.json().get("detail").asString()).contains("CSRF token");
        assertThat(get("/api/v1/instruments/TEST_SESSION_FORGED").status()).isEqualTo(404);

        Response genuine =
                send(session, "POST", "/api/v1/instruments", "application/json", INSTRUMENT.formatted("GENUINE"), true);
        assertThat(genuine.status()).as(genuine.body()).isEqualTo(201);
        assertThat(get("/api/v1/instruments/TEST_SESSION_GENUINE").status()).isEqualTo(200);
    }

    @Test
    void headerCredentialsNeedNoCsrfTokenAndCreateNoSession() {
        HttpResponse<String> response = raw(HttpRequest.newBuilder(URI.create(url("/api/v1/names/compare")))
                .header("Authorization", basic("border-officer", "test-only-border"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name1\":\"Anna Berg\",\"name2\":\"Anna Berg\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        Response created = post(
                "/api/v1/instruments",
                "application/json",
                INSTRUMENT.formatted("BASIC"),
                "secretariat",
                "test-only-secretariat");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void refusalsNeverChallengeForBasicAndAnonymousRefusalsCreateNoSession() {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> refused =
                    raw(HttpRequest.newBuilder(URI.create(url("/api/v1/audit"))).GET());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().allValues("Set-Cookie"))
                    .as("an anonymous 401 creates no session")
                    .isEmpty();
            assertThat(refused.headers().allValues("WWW-Authenticate"))
                    .allSatisfy(v -> assertThat(v).doesNotStartWithIgnoringCase("Basic"));
        }
        HttpResponse<String> wrong = raw(HttpRequest.newBuilder(URI.create(url("/api/v1/audit")))
                .header("Authorization", basic("secretariat", "wrong"))
                .GET());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"orderly\"");
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).contains("json");
        HttpResponse<String> page =
                raw(HttpRequest.newBuilder(URI.create(url("/border"))).GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/signin?next=%2Fborder");
        assertThat(page.headers().allValues("Set-Cookie"))
                .as("a redirect to sign in creates no session")
                .isEmpty();
        HttpResponse<String> publicPage =
                raw(HttpRequest.newBuilder(URI.create(url("/parties"))).GET());
        assertThat(publicPage.headers().allValues("Set-Cookie"))
                .as("public pages create no session")
                .isEmpty();
    }

    @Test
    void signInSaysWhoActsForWhichPartyAndSignOutEndsTheSession() {
        Session session = signIn("border-officer", "test-only-border");
        Response home = send(session, "GET", "/", null, null, false);
        assertThat(home.body())
                .contains("Signed in as")
                .contains("border-officer")
                .contains("for <span title=\"DEU\">Germany</span>")
                .contains("Sign out");
        assertThat(send(session, "GET", "/border", null, null, false).status()).isEqualTo(200);
        Response forgedSignOut = send(session, "POST", "/signout", "application/x-www-form-urlencoded", "", false);
        assertThat(forgedSignOut.status()).as("signing out needs the token too").isEqualTo(403);
        Response signOut = send(session, "POST", "/signout", "application/x-www-form-urlencoded", "", true);
        assertThat(signOut.status()).isEqualTo(302);
        assertThat(send(session, "GET", "/border", null, null, false).status())
                .as("the session is gone")
                .isEqualTo(302);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;

    /** Posts the sign-in form of {@code form} and returns the whole Set-Cookie header of the new session. */
    private String signedInCookie(HttpResponse<String> form, String user, String password) {
        HttpResponse<String> signedIn = raw(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Cookie", Session.formCookie(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
                        + java.net.URLEncoder.encode(
                                Session.csrfToken(form.body()), java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sessionsOnSharedTerminalsEndAfterTwentyIdleMinutesAndLiveInACookieOnly() {
        assertThat(environment.getProperty("server.servlet.session.timeout", java.time.Duration.class))
                .isEqualTo(java.time.Duration.ofMinutes(20));
        HttpResponse<String> form =
                raw(HttpRequest.newBuilder(URI.create(url("/signin"))).GET());
        String cookie = signedInCookie(form, "border-officer", "test-only-border");
        assertThat(cookie)
                .as("a browser-session cookie: gone when the browser closes")
                .doesNotContainIgnoringCase("Max-Age")
                .doesNotContainIgnoringCase("Expires");
        assertThat(form.body()).doesNotContain(";jsessionid=");
    }

    @Test
    void afterSignInTheBrowserReturnsToItsPageButNeverToAnotherSite() {
        HttpResponse<String> form = raw(
                HttpRequest.newBuilder(URI.create(url("/signin?next=/border"))).GET());
        assertThat(form.body()).contains("name=\"next\" value=\"/border\"");
        for (String evil :
                List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
            String cookie = Session.formCookie(form);
            String token = Session.csrfToken(form.body());
            HttpResponse<String> signedIn = raw(HttpRequest.newBuilder(URI.create(url("/signin")))
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=deu-clerk&password=test-only-clerk&_csrf="
                            + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                            + "&next=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow())
                    .as(evil)
                    .isEqualTo(url("/"))
                    .doesNotContain("evil");
            form = raw(HttpRequest.newBuilder(URI.create(url("/signin?next=/border")))
                    .GET());
        }
    }

    @Test
    void aWrongPasswordOnThePageSaysSoWithoutSayingWhichPartWasWrong() {
        HttpResponse<String> form =
                raw(HttpRequest.newBuilder(URI.create(url("/signin"))).GET());
        HttpResponse<String> failed = raw(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Cookie", Session.formCookie(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=x&_csrf="
                        + java.net.URLEncoder.encode(
                                Session.csrfToken(form.body()), java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/signin?error");
        assertThat(get("/signin?error").body()).contains("The account name or the password is wrong.");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndEveryResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> form =
                raw(HttpRequest.newBuilder(URI.create(url("/signin"))).GET());
        String formCookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ORDERLY_SIGNIN="))
                .findFirst()
                .orElseThrow();
        assertThat(formCookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .doesNotContain("Secure");
        String cookie = signedInCookie(form, "deu-clerk", "test-only-clerk");
        assertThat(cookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");
        for (String path : List.of("/", "/api/v1/parties", "/signin", "/no-such-page")) {
            HttpResponse<String> response =
                    raw(HttpRequest.newBuilder(URI.create(url(path))).GET());
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(path)
                    .contains("frame-ancestors 'none'")
                    .contains("script-src 'self'")
                    .contains("object-src 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as(path + ": HSTS only over TLS")
                    .isEmpty();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext server;

    /** Sessions the server holds now, as Tomcat counts them. */
    private int activeSessions() {
        org.apache.catalina.startup.Tomcat tomcat =
                ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
        return ((org.apache.catalina.Context) tomcat.getHost().findChildren()[0])
                .getManager()
                .getActiveSessions();
    }

    @Test
    void theSignInPageCreatesNoSessionYetItsFormIsRefusedWithoutItsOwnCookie() {
        int before = activeSessions();
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> form =
                    raw(HttpRequest.newBuilder(URI.create(url("/signin"))).GET());
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
        assertThat(activeSessions())
                .as("300 visits of the sign-in page, no session")
                .isLessThanOrEqualTo(before);

        HttpResponse<String> mine =
                raw(HttpRequest.newBuilder(URI.create(url("/signin"))).GET());
        HttpResponse<String> theirs =
                raw(HttpRequest.newBuilder(URI.create(url("/signin"))).GET());
        String body = "username=deu-clerk&password=test-only-clerk&_csrf="
                + java.net.URLEncoder.encode(Session.csrfToken(theirs.body()), java.nio.charset.StandardCharsets.UTF_8);
        for (String cookie : List.of(Session.formCookie(mine), "ORDERLY_SIGNIN=AAAAAAAAAAAAAAAAAAAAAA", "")) {
            HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(url("/signin")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!cookie.isEmpty()) forged.header("Cookie", cookie);
            HttpResponse<String> refused = raw(forged);
            assertThat(refused.statusCode())
                    .as("a form token with another visitor's cookie (" + cookie + ")")
                    .isEqualTo(403);
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
        HttpResponse<String> wrongPassword = raw(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Cookie", Session.formCookie(mine))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=deu-clerk&password=wrong&_csrf="
                        + java.net.URLEncoder.encode(
                                Session.csrfToken(mine.body()), java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(wrongPassword.headers().firstValue("Location").orElse(""))
                .as("its own cookie: the form is accepted")
                .endsWith("/signin?error");
        assertThat(wrongPassword.headers().allValues("Set-Cookie"))
                .as("a failed sign-in creates no session")
                .noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(activeSessions()).isLessThanOrEqualTo(before);
    }

    @Test
    void anAccountHoldsAtMostItsCapOfSessionsAndTheLeastRecentlyUsedEnds() {
        List<Session> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) sessions.add(signIn("operator", "test-only-operator"));
        assertThat(send(sessions.get(0), "GET", "/account", null, null, false).status())
                .as("the oldest of 4 with a cap of 3")
                .isEqualTo(302);
        for (Session session : sessions.subList(1, 4))
            assertThat(send(session, "GET", "/account", null, null, false).status())
                    .isEqualTo(200);
    }

    @Test
    void aSessionReadsPersonalDataOnlyFromOrderlysOwnPagesWhileApiClientsAreUnaffected() {
        Session session = signIn("border-officer", "test-only-border");
        java.util.function.BiFunction<String, String[], Integer> read = (path, headers) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Cookie", session.cookie())
                    .GET();
            for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
            return raw(request).statusCode();
        };
        for (String path :
                List.of("/api/v1/overstays", "/border/overstays", "/api/v1/readmission-cases", "/manifests")) {
            assertThat(read.apply(path, new String[] {"Sec-Fetch-Site", "cross-site"}))
                    .as(path + " from another site")
                    .isEqualTo(403);
            assertThat(read.apply(path, new String[] {"Sec-Fetch-Site", "same-site"}))
                    .as(path + " from another port or subdomain")
                    .isEqualTo(403);
            assertThat(read.apply(path, new String[0]))
                    .as(path + " with no sign of where it comes from")
                    .isEqualTo(403);
            assertThat(read.apply(path, new String[] {"Referer", "http://evil.example/"}))
                    .as(path)
                    .isEqualTo(403);
            assertThat(read.apply(path, new String[] {"Sec-Fetch-Site", "same-origin"}))
                    .as(path + " from Orderly's pages")
                    .isEqualTo(200);
            assertThat(read.apply(path, new String[] {"Sec-Fetch-Site", "none"}))
                    .as(path + " typed or bookmarked")
                    .isEqualTo(200);
            assertThat(read.apply(path, new String[] {"Referer", url("/border")}))
                    .as(path + " from an older browser on Orderly's page")
                    .isEqualTo(200);
        }
        Response refused = new Response(
                0,
                raw(HttpRequest.newBuilder(URI.create(url("/api/v1/overstays")))
                                .header("Cookie", session.cookie())
                                .header("Sec-Fetch-Site", "cross-site")
                                .GET())
                        .body());
        assertThat(refused.json().get("detail").asString()).contains("did not come from Orderly's own pages");
        HttpResponse<String> api = raw(HttpRequest.newBuilder(URI.create(url("/api/v1/overstays")))
                .header("Authorization", basic("border-officer", "test-only-border"))
                .header("Sec-Fetch-Site", "cross-site")
                .GET());
        assertThat(api.statusCode())
                .as("an API client's Authorization header is nothing another site can add")
                .isEqualTo(200);
        assertThat(read.apply("/parties/DEU", new String[] {"Sec-Fetch-Site", "cross-site"}))
                .as("public pages stay linkable")
                .isEqualTo(200);
    }

    @Test
    void theServerListensOnLoopbackOnlyByDefault() {
        org.apache.catalina.startup.Tomcat tomcat =
                ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
        Object address = tomcat.getConnector().getProperty("address");
        assertThat(address)
                .as("plain HTTP, no proxy: the connector's address")
                .isInstanceOf(java.net.InetAddress.class);
        assertThat(((java.net.InetAddress) address).isLoopbackAddress()).isTrue();
    }
}
