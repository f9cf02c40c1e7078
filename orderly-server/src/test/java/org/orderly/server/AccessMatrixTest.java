package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access matrix: every endpoint × every role × own and other party. Each cell says whether the principal may pass
 * (any answer but 401, 403 or a redirect to sign in) or must be refused. Writes carry bodies the endpoint rejects after
 * authorisation (400, 409, 422), so the matrix checks who may act without changing anything.
 */
class AccessMatrixTest extends ServerTest {
    private static final String DEMO = "/api/v1/negotiations/DEU-MAR-MOBILITY-PARTNERSHIP";

    /** A principal: account and password (null for anonymous). */
    enum Principal {
        ANONYMOUS(null, null), SECRETARIAT("secretariat", "test-only-secretariat"),
        DEU_NEGOTIATOR("deu-negotiator", "test-only-deu"), MAR_NEGOTIATOR("mar-negotiator", "test-only-mar"),
        DEU_BORDER_OFFICER("border-officer", "test-only-border"), FRA_BORDER_OFFICER("fra-officer", "test-only-fra"),
        DEU_NO_ROLE("deu-clerk", "test-only-clerk"), OPERATOR("operator", "test-only-operator");

        final String user;
        final String password;

        Principal(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    private static final Set<Principal> EVERYONE = Set.of(Principal.values());
    private static final Set<Principal> SIGNED_IN = Set.of(Principal.SECRETARIAT, Principal.DEU_NEGOTIATOR, Principal.MAR_NEGOTIATOR,
            Principal.DEU_BORDER_OFFICER, Principal.FRA_BORDER_OFFICER, Principal.DEU_NO_ROLE, Principal.OPERATOR);
    private static final Set<Principal> SECRETARIAT_ONLY = Set.of(Principal.SECRETARIAT);
    private static final Set<Principal> BORDER = Set.of(Principal.SECRETARIAT, Principal.DEU_BORDER_OFFICER, Principal.FRA_BORDER_OFFICER);

    /** One endpoint with a request that changes nothing, and who may call it. */
    record Endpoint(String method, String path, String body, Set<Principal> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String json = "{}";
        return List.of(
                new Endpoint("GET", "/api/v1/parties", null, EVERYONE),
                new Endpoint("GET", "/api/v1/instruments/SCHENGEN", null, EVERYONE),
                new Endpoint("GET", "/api/v1/travel-requirements?passport=FRA&destination=DEU", null, EVERYONE),
                new Endpoint("GET", "/api/v1/commitments?grantor=DEU&beneficiary=FRA", null, EVERYONE),
                new Endpoint("POST", "/api/v1/instruments", json, SECRETARIAT_ONLY),
                new Endpoint("POST", "/api/v1/participations", json, SECRETARIAT_ONLY),
                new Endpoint("POST", "/api/v1/participations/status-list?subject=ILO_C189&sourceTitle=t&sourceReference=r&asOf=2024-01-01",
                        "x", SECRETARIAT_ONLY),
                new Endpoint("POST", "/api/v1/imports/treaty-status?instrument=NONE&asOf=2024-01-01", "x", SECRETARIAT_ONLY),
                new Endpoint("POST", "/api/v1/imports/visa-matrix?asOf=2024-01-01", "x", SECRETARIAT_ONLY),
                new Endpoint("GET", "/api/v1/audit", null, SECRETARIAT_ONLY),
                new Endpoint("GET", "/api/v1/audit/verification", null, SECRETARIAT_ONLY),
                new Endpoint("GET", "/api/v1/negotiations", null, EVERYONE),
                new Endpoint("GET", DEMO, null, EVERYONE),
                new Endpoint("POST", "/api/v1/negotiations", json, SECRETARIAT_ONLY),
                new Endpoint("POST", DEMO + "/proposals?objective=nonsense", null, SECRETARIAT_ONLY),
                new Endpoint("POST", "/api/v1/negotiations/NO-SUCH-NEGOTIATION/conclusion", null, SECRETARIAT_ONLY),
                // A party's own valuation and explanation: its negotiators only; the other party's negotiator is refused.
                new Endpoint("GET", DEMO + "/valuations/DEU", null, Set.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint("GET", DEMO + "/valuations/MAR", null, Set.of(Principal.MAR_NEGOTIATOR)),
                new Endpoint("GET", DEMO + "/explanations/DEU", null, Set.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint("GET", DEMO + "/frontier", null, Set.of(Principal.DEU_NEGOTIATOR, Principal.MAR_NEGOTIATOR)),
                new Endpoint("PUT", DEMO + "/valuations/DEU", "not json", Set.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint("POST", DEMO + "/answers/DEU", json, Set.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint("POST", DEMO + "/answers/MAR", json, Set.of(Principal.MAR_NEGOTIATOR)),
                // Personal data: border officers and the secretariat; an officer at its own state's border only.
                new Endpoint("POST", "/api/v1/documents/mrz", json, BORDER),
                new Endpoint("GET", "/api/v1/watchlists", null, BORDER),
                new Endpoint("POST", "/api/v1/screening", json, BORDER),
                new Endpoint("POST", "/api/v1/border-checks", "{\"border\":\"DEU\"}",
                        Set.of(Principal.SECRETARIAT, Principal.DEU_BORDER_OFFICER)),
                new Endpoint("POST", "/api/v1/border-checks", "{\"border\":\"FRA\"}",
                        Set.of(Principal.SECRETARIAT, Principal.FRA_BORDER_OFFICER)),
                new Endpoint("POST", "/api/v1/documents/emrtd/verify", json, BORDER),
                new Endpoint("POST", "/api/v1/names/compare", json, EVERYONE),
                new Endpoint("GET", "/border", null, BORDER),
                // Accounts and operations.
                new Endpoint("GET", "/api/v1/tokens", null, SIGNED_IN),
                new Endpoint("POST", "/api/v1/tokens", "{\"days\":0}", SIGNED_IN),
                new Endpoint("GET", "/account", null, SIGNED_IN),
                new Endpoint("GET", "/negotiations/DEU-MAR-MOBILITY-PARTNERSHIP/room", null, SIGNED_IN),
                new Endpoint("GET", "/actuator/health", null, EVERYONE),
                new Endpoint("GET", "/actuator/prometheus", null, Set.of(Principal.SECRETARIAT, Principal.OPERATOR)),
                new Endpoint("GET", "/travel?passport=FRA&destination=DEU", null, EVERYONE));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Principal principal : Principal.values()) {
                cells.add(Arguments.of(endpoint, principal, endpoint.allowed().contains(principal)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryPrincipalAsTheMatrixSays(Endpoint endpoint, Principal principal, boolean allowed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(endpoint.path())))
                .method(endpoint.method(), endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(endpoint.body()));
        if (endpoint.body() != null) request.header("Content-Type", endpoint.path().contains("/imports/") || endpoint.path().contains("/status-list") ? "text/csv" : "application/json");
        if (principal.user != null) request.header("Authorization", basic(principal.user, principal.password));
        Response response = send(request.build());
        if (allowed) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403, 302);
            // 503: eMRTD verification without CSCA certificates configured says so; nothing else may fail on the server.
            if (response.status() != 503) assertThat(response.status()).as(response.body()).isLessThan(500);
        } else if (principal == Principal.ANONYMOUS) {
            assertThat(response.status()).as("anonymous: 401 for the API, the sign-in page for pages").isIn(401, 302);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
        }
    }
}
