package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Bad input at every endpoint, found from the server's own request mappings: broken JSON, JSON of the wrong shape, a
 * 400-digit number, a NUL, XML, CSV, no body at all, and absurd query values, as the secretariat, a border officer
 * and a negotiator. No answer may be a server failure, and no body may name a Java class, an exception, a library or a handler
 * method: the caller learns what is wrong in Orderly's words only.
 */
class ErrorBodiesTest extends ServerTest {
    /** What internals look like in a body: qualified names, exceptions, handler signatures, library messages. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|Exception|org\\.orderly\\.|org\\.springframework|tools\\.jackson|com\\.fasterxml|"
                    + "org\\.bouncycastle|org\\.apache|\\bpublic [\\w.$<>]+ [\\w.$]+\\(|Was expecting|Required request body|"
                    + "Cannot deserialize|Unexpected character|\\bat \\[Source|is not supported|No static resource|Failed to convert");

    private static final String NUMBER = "9".repeat(400);
    private static final List<String> BODIES = List.of(
            "",
            "{",
            "null",
            "[1,2]",
            "{\"a\":" + NUMBER + "}",
            "{\"value\":" + NUMBER + ",\"days\":" + NUMBER + ",\"limit\":" + NUMBER
                    + ",\"on\":\"x\",\"lines\":5,\"sod\":\"-*-\","
                    + "\"dataGroups\":{\"x\":\"!!\"},\"values\":{\"i\":{\"x\":" + NUMBER + "}}}",
            "{\"sod\":\"d2Fz\",\"dataGroups\":{\"1\":\"AAAA\"}}",
            "\u0000",
            "<?xml version=\"1.0\"?><a/>");
    private static final String QUERY =
            "?date=" + NUMBER + "&on=x&limit=" + NUMBER + "&from=zz&to=zz&asOf=x&party=%00" + "&passport=" + NUMBER
                    + "&destination=%00&traveller=%00&objective=x&instrument=%00&fileName=..%2F..&id=" + NUMBER;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Target(String method, String path) {}

    private List<Target> endpoints() {
        Set<Target> targets = new LinkedHashSet<>();
        for (MappedEndpoints.Mapped mapped :
                MappedEndpoints.of(mappings, Set.of(RequestMethod.GET, RequestMethod.POST))) {
            if (mapped.method() == RequestMethod.HEAD || mapped.method() == RequestMethod.OPTIONS) continue;
            // Path variables get a value that is no id of anything, a huge number, and text with a control character.
            for (String value : List.of("DEU-MAR-MOBILITY-PARTNERSHIP", NUMBER, "%0A%00x")) {
                targets.add(new Target(mapped.method().name(), mapped.pattern().replaceAll("\\{[^}]+}", value)));
            }
        }
        // Paths that no handler maps, and the error path itself.
        targets.add(new Target("GET", "/error"));
        targets.add(new Target("POST", "/error"));
        targets.add(new Target("GET", "/api/v1/%00"));
        return new ArrayList<>(targets);
    }

    @Test
    void noBadInputAnywhereGetsAServerFailureOrABodyNamingInternals() {
        List<Target> targets = endpoints();
        assertThat(targets).as("the server's own mappings list the endpoints").hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Target target : targets) {
            if (target.path().contains("/proposals")
                    || target.path().contains("/conclusion")
                    || target.path().startsWith("/signout")) continue;
            for (String[] principal : List.of(
                    new String[] {"secretariat", "test-only-secretariat"},
                    new String[] {"border-officer", "test-only-border"},
                    new String[] {"deu-negotiator", "test-only-deu"})) {
                boolean withBody =
                        !target.method().equals("GET") && !target.method().equals("DELETE");
                for (String body : withBody ? BODIES : List.of("")) {
                    for (String contentType : withBody ? List.of("application/json", "text/csv") : List.of("")) {
                        String path = target.path() + (target.path().contains("?") ? "" : QUERY);
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Authorization", basic(principal[0], principal[1]))
                                .method(
                                        target.method(),
                                        withBody
                                                ? HttpRequest.BodyPublishers.ofString(body)
                                                : HttpRequest.BodyPublishers.noBody());
                        if (!contentType.isEmpty()) request.header("Content-Type", contentType);
                        Response response = send(request.build());
                        sent++;
                        String what = target.method() + " " + target.path() + (path.equals(target.path()) ? "" : "?…")
                                + " as " + principal[0] + " with " + contentType + " "
                                + (body.length() > 40 ? body.substring(0, 40) + "…" : body) + " → " + response.status();
                        if (response.status() >= 500 && response.status() != 503)
                            failures.add(what + ": " + cut(response.body()));
                        var internals = INTERNALS.matcher(response.body());
                        if (internals.find())
                            failures.add(
                                    what + ": names internals ('" + internals.group() + "'): " + cut(response.body()));
                    }
                }
            }
        }
        assertThat(failures).as("of " + sent + " bad requests").isEmpty();
    }

    private static String cut(String body) {
        String flat = body.replaceAll("\\s+", " ").replace(NUMBER, "9…9");
        int at = Math.max(0, flat.indexOf("error-detail"));
        return flat.substring(at, Math.min(flat.length(), at + 240));
    }

    @Test
    void theErrorPathItselfIsNotFoundAndAMissingBodyIsNamedPlainly() {
        Response error = get("/error");
        assertThat(error.status()).isEqualTo(404);
        // A problem names the address that was asked for (RFC 9457 "instance"), not the server's internal error route.
        Response nothing = get("/api/v1/no-such-thing?x=1");
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.json().get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
        assertThat(nothing.json().get("detail").asString()).isEqualTo("There is nothing at /api/v1/no-such-thing.");
        Response missing = post("/api/v1/border-checks", "application/json", "", "border-officer", "test-only-border");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString())
                .isEqualTo("the request body is missing: this endpoint expects JSON");
        Response method = send(HttpRequest.newBuilder(URI.create(url("/api/v1/parties")))
                .DELETE()
                .build());
        assertThat(method.status()).isIn(401, 405);
        Response wrongType = post("/api/v1/names/compare", "text/csv", "a,b", null, null);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("detail").asString())
                .startsWith("This address does not accept a body of the type text/csv");
        Response sod = post(
                "/api/v1/documents/emrtd/verify",
                "application/json",
                "{\"sod\":\"" + java.util.Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})
                        + "\"}",
                "border-officer",
                "test-only-border");
        assertThat(sod.body())
                .doesNotContain("java.")
                .doesNotContain("Exception")
                .doesNotContain("Was expecting");
    }

    @Test
    void aValuationWithA400DigitNumberIsRefusedWithItsPath() {
        String valuation =
                "{\"party\":\"DEU\",\"reservation\":0,\"values\":{\"labour-care\":{\"none\":" + NUMBER + "}}}";
        Response refused = send(HttpRequest.newBuilder(
                        URI.create(url("/api/v1/negotiations/DEU-MAR-MOBILITY-PARTNERSHIP/valuations/DEU")))
                .header("Authorization", basic("deu-negotiator", "test-only-deu"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(valuation))
                .build());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString())
                .contains("$.values.labour-care.none")
                .contains("whole number (points)");
    }
}
