package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The access matrix: every endpoint × every kind of principal. Each cell says whether the principal may pass (any
 * answer but 401, 403, 404 for "not yours" or a redirect to sign in) or must be refused, and, for personal data, which
 * records it must see and which it must never see. Records of Germany (DEU) and France (FRA) are seeded first; a
 * {@code DataSharing} commitment lets Germany send France some crossing fields (not the document number nor the
 * crossing point) and some passenger fields; the United States (USA) has no such agreement.
 *
 * <p>Writes carry bodies the endpoint rejects after authorisation (400, 409, 422), so the matrix checks who may act
 * without changing anything. {@link #everyPersonalDataEndpointIsInTheMatrix} reads the server's own request mappings:
 * a new endpoint of the border, passenger, audit or channel controllers that the matrix does not list fails it.
 */
@TestPropertySource(locations = "classpath:access-matrix-users.properties")
class AccessMatrixTest extends ServerTest {
    private static final String DEMO = "/api/v1/negotiations/DEU-MAR-MOBILITY-PARTNERSHIP";
    /** A passenger message for Germany with one traveller, MATRIXPAX, document MXP000001. */
    private static final String PAXLST =
            "UNA:+.? 'UNB+UNOA:4+CARRIERXX+DEUAPI+260110:0900+77'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'"
                    + "TDT+20+MX100+++XX'LOC+125+CDG'DTM+189:2601101230:201'LOC+87+FRA'DTM+232:2601101400:201'"
                    + "NAD+FL+++MATRIXPAX:MARIA'ATT+2++F'DTM+329:700101'NAT+2+SWE'DOC+P:110:111+MXP000001'DTM+36:300101'LOC+91+SWE'"
                    + "CNT+42:1'UNT+16+1'UNZ+1+77'";

    /** A principal: account and password (null for anonymous). */
    enum Principal {
        ANONYMOUS(null, null),
        SECRETARIAT("secretariat", "test-only-secretariat"),
        DEU_NEGOTIATOR("deu-negotiator", "test-only-deu"),
        MAR_NEGOTIATOR("mar-negotiator", "test-only-mar"),
        /** The same state as the records seeded for Germany. */
        DEU_BORDER_OFFICER("border-officer", "test-only-border"),
        /** Another state, to which Germany's DataSharing commitment sends some fields. */
        FRA_BORDER_OFFICER("fra-officer", "test-only-fra"),
        /** Another state, without any sharing commitment. */
        USA_BORDER_OFFICER("usa-officer", "test-only-usa"),
        DEU_NO_ROLE("deu-clerk", "test-only-clerk"),
        OPERATOR("operator", "test-only-operator"),
        CARRIER("carrier-xx", "test-only-carrier"),
        /** Germany's immigration authority: allocates the places of Germany's channels. */
        DEU_IMMIGRATION("deu-immigration", "test-only-deu-immigration"),
        /** Another state's immigration authority: none of Germany's channels are its to allocate. */
        USA_IMMIGRATION("usa-immigration", "test-only-usa-immigration");

        final String user;
        final String password;

        Principal(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    private static final Set<Principal> EVERYONE = EnumSet.allOf(Principal.class);
    private static final Set<Principal> NOBODY = EnumSet.noneOf(Principal.class);
    private static final Set<Principal> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Principal.ANONYMOUS));
    private static final Set<Principal> SECRETARIAT_ONLY = EnumSet.of(Principal.SECRETARIAT);
    /** Border work that touches no state's records (document checks, screening): officers and the secretariat. */
    private static final Set<Principal> BORDER = EnumSet.of(
            Principal.SECRETARIAT,
            Principal.DEU_BORDER_OFFICER,
            Principal.FRA_BORDER_OFFICER,
            Principal.USA_BORDER_OFFICER);
    /** A state's own records: officers acting for a state; the secretariat acts for none. */
    private static final Set<Principal> STATE_OFFICERS =
            EnumSet.of(Principal.DEU_BORDER_OFFICER, Principal.FRA_BORDER_OFFICER, Principal.USA_BORDER_OFFICER);

    private static final Set<Principal> DEU = EnumSet.of(Principal.DEU_BORDER_OFFICER);
    private static final Set<Principal> FRA = EnumSet.of(Principal.FRA_BORDER_OFFICER);
    private static final Set<Principal> DEU_AND_FRA =
            EnumSet.of(Principal.DEU_BORDER_OFFICER, Principal.FRA_BORDER_OFFICER);

    /** Filled by the seeding: the ids the server gave. */
    private static long manifest;

    private static long transfer;
    private static boolean seeded;
    private static AssertionError seedFailure;

    /**
     * One endpoint with a request that changes nothing, who may call it, and for personal data which texts of the
     * seeded records each principal sees: a text maps to the principals that must see it; every other principal must not.
     */
    record Endpoint(String method, String path, String body, Set<Principal> allowed, Map<String, Set<Principal>> sees) {
        Endpoint(String method, String path, String body, Set<Principal> allowed) {
            this(method, path, body, allowed, Map.of());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String json = "{}";
        String t1 = "/api/v1/crossings?traveller=MATRIX-T1";
        return List.of(
                new Endpoint("GET", "/api/v1/parties", null, EVERYONE),
                new Endpoint("GET", "/api/v1/instruments/SCHENGEN", null, EVERYONE),
                new Endpoint("GET", "/api/v1/travel-requirements?passport=FRA&destination=DEU", null, EVERYONE),
                new Endpoint("GET", "/api/v1/commitments?grantor=DEU&beneficiary=FRA", null, EVERYONE),
                new Endpoint("POST", "/api/v1/instruments", json, SECRETARIAT_ONLY),
                // Coherence: the registry's conflicts and a draft's check write nothing and are public.
                new Endpoint("GET", "/api/v1/coherence", null, EVERYONE),
                new Endpoint("POST", "/api/v1/coherence", json, EVERYONE),
                new Endpoint("GET", "/coherence", null, EVERYONE),
                new Endpoint("POST", "/api/v1/participations", json, SECRETARIAT_ONLY),
                new Endpoint(
                        "POST",
                        "/api/v1/participations/status-list?subject=ILO_C189&sourceTitle=t&sourceReference=r&asOf=2024-01-01",
                        "x",
                        SECRETARIAT_ONLY),
                new Endpoint(
                        "POST", "/api/v1/imports/treaty-status?instrument=NONE&asOf=2024-01-01", "x", SECRETARIAT_ONLY),
                new Endpoint("POST", "/api/v1/imports/visa-matrix?asOf=2024-01-01", "x", SECRETARIAT_ONLY),
                new Endpoint("GET", "/api/v1/negotiations", null, EVERYONE),
                new Endpoint("GET", DEMO, null, EVERYONE),
                new Endpoint("POST", "/api/v1/negotiations", json, SECRETARIAT_ONLY),
                new Endpoint("POST", DEMO + "/proposals?objective=nonsense", null, SECRETARIAT_ONLY),
                new Endpoint("POST", "/api/v1/negotiations/NO-SUCH-NEGOTIATION/conclusion", null, SECRETARIAT_ONLY),
                // A party's own valuation and explanation: its negotiators only; the other party's negotiator is
                // refused.
                new Endpoint("GET", DEMO + "/valuations/DEU", null, EnumSet.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint("GET", DEMO + "/valuations/MAR", null, EnumSet.of(Principal.MAR_NEGOTIATOR)),
                new Endpoint("GET", DEMO + "/explanations/DEU", null, EnumSet.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint(
                        "GET",
                        DEMO + "/frontier",
                        null,
                        EnumSet.of(Principal.DEU_NEGOTIATOR, Principal.MAR_NEGOTIATOR)),
                new Endpoint("PUT", DEMO + "/valuations/DEU", "not json", EnumSet.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint("POST", DEMO + "/answers/DEU", json, EnumSet.of(Principal.DEU_NEGOTIATOR)),
                new Endpoint("POST", DEMO + "/answers/MAR", json, EnumSet.of(Principal.MAR_NEGOTIATOR)),

                // Border work on a submitted document: officers and the secretariat; an officer at its own state's
                // border only.
                new Endpoint("POST", "/api/v1/documents/mrz", json, BORDER),
                new Endpoint("GET", "/api/v1/watchlists", null, BORDER),
                new Endpoint("POST", "/api/v1/screening", json, BORDER),
                new Endpoint(
                        "POST",
                        "/api/v1/border-checks",
                        "{\"border\":\"DEU\"}",
                        EnumSet.of(Principal.SECRETARIAT, Principal.DEU_BORDER_OFFICER)),
                new Endpoint(
                        "POST",
                        "/api/v1/border-checks",
                        "{\"border\":\"FRA\"}",
                        EnumSet.of(Principal.SECRETARIAT, Principal.FRA_BORDER_OFFICER)),
                new Endpoint("POST", "/api/v1/documents/emrtd/verify", json, BORDER),
                new Endpoint("POST", "/api/v1/names/compare", json, EVERYONE),
                new Endpoint("GET", "/border", null, BORDER),
                new Endpoint("POST", "/border", "mrz=X", BORDER),
                new Endpoint("POST", "/border/check", "mrz=X", BORDER),

                // The crossings ledger: a state's own records; what a DataSharing commitment sends (never the document
                // number or the crossing point here); nothing for a state without one, nor for the secretariat.
                new Endpoint("POST", "/api/v1/crossings", json, STATE_OFFICERS),
                new Endpoint("POST", "/api/v1/crossings/batch", "[{}]", STATE_OFFICERS),
                new Endpoint(
                        "GET",
                        t1,
                        null,
                        STATE_OFFICERS,
                        Map.of("MXD000001", DEU, "MX-POINT-D", DEU, "2020-01-01T06:07:08Z", DEU)),
                new Endpoint(
                        "GET",
                        t1 + "&purpose=border_control",
                        null,
                        STATE_OFFICERS,
                        Map.of("MXD000001", DEU, "MX-POINT-D", DEU, "2020-01-01T06:07:08Z", DEU_AND_FRA)),
                new Endpoint(
                        "GET",
                        "/api/v1/crossings?traveller=MATRIX-T3&purpose=border_control",
                        null,
                        STATE_OFFICERS,
                        Map.of("MXF000003", FRA, "2020-01-02T06:07:08Z", FRA)),
                new Endpoint(
                        "GET", "/api/v1/overstays", null, STATE_OFFICERS, Map.of("MATRIX-T1", DEU, "MATRIX-T3", FRA)),
                new Endpoint("GET", "/api/v1/overstays/counts", null, BORDER),
                new Endpoint("GET", "/api/v1/crossings/unmatched", null, STATE_OFFICERS, Map.of("MXD000002", DEU)),
                new Endpoint("POST", "/api/v1/stays/calculation", json, BORDER),
                new Endpoint(
                        "GET",
                        "/border/stays?traveller=MATRIX-T1",
                        null,
                        STATE_OFFICERS,
                        Map.of("MXD000001", DEU, "MX-POINT-D", DEU)),
                new Endpoint(
                        "GET",
                        "/border/overstays",
                        null,
                        STATE_OFFICERS,
                        Map.of("MATRIX-T1", DEU, "MATRIX-T2", DEU, "MATRIX-T3", FRA)),

                // Readmission cases: the requesting (DEU) and the requested (FRA) state only; only the requested one
                // answers.
                new Endpoint("POST", "/api/v1/readmission-cases", json, STATE_OFFICERS),
                new Endpoint(
                        "GET", "/api/v1/readmission-cases", null, STATE_OFFICERS, Map.of("MXREF-DEU-1", DEU_AND_FRA)),
                new Endpoint("POST", "/api/v1/readmission-cases/MATRIX-RA-1/answers", "{\"kind\":\"nonsense\"}", FRA),
                new Endpoint("GET", "/border/readmission", null, STATE_OFFICERS, Map.of("MXREF-DEU-1", DEU_AND_FRA)),
                new Endpoint("POST", "/border/readmission", "requested=&personReference=", STATE_OFFICERS),
                new Endpoint("POST", "/border/readmission/MATRIX-RA-1/answers", "kind=nonsense", FRA),

                // Passenger data: carriers send; the holding state reads; a recipient reads what was transferred to it.
                new Endpoint("POST", "/api/v1/manifests?destination=DEU", "", EnumSet.of(Principal.CARRIER)),
                new Endpoint("GET", "/api/v1/manifests", null, STATE_OFFICERS, Map.of("MX100", DEU)),
                new Endpoint(
                        "GET",
                        "/api/v1/manifests/rejected",
                        null,
                        EnumSet.of(
                                Principal.CARRIER,
                                Principal.DEU_BORDER_OFFICER,
                                Principal.FRA_BORDER_OFFICER,
                                Principal.USA_BORDER_OFFICER)),
                new Endpoint(
                        "GET", "/api/v1/manifests/{manifest}", null, DEU, Map.of("MATRIXPAX", DEU, "MXP000001", DEU)),
                new Endpoint("POST", "/api/v1/manifests/{manifest}/transfers", json, DEU),
                new Endpoint("GET", "/api/v1/transfers", null, STATE_OFFICERS),
                new Endpoint(
                        "GET",
                        "/api/v1/transfers/{transfer}",
                        null,
                        DEU_AND_FRA,
                        Map.of("MATRIXPAX", DEU_AND_FRA, "MXP000001", NOBODY)),
                new Endpoint(
                        "GET",
                        "/api/v1/data-subjects?surname=MATRIXPAX&birthDate=1970-01-01",
                        null,
                        STATE_OFFICERS,
                        Map.of("MXP000001", DEU)),
                // The list page shows a principal acting for no state that it holds nothing.
                new Endpoint(
                        "GET",
                        "/manifests",
                        null,
                        EnumSet.of(
                                Principal.SECRETARIAT,
                                Principal.DEU_BORDER_OFFICER,
                                Principal.FRA_BORDER_OFFICER,
                                Principal.USA_BORDER_OFFICER),
                        Map.of("MX100", DEU)),
                new Endpoint("GET", "/manifests/{manifest}", null, DEU, Map.of("MATRIXPAX", DEU, "MXP000001", DEU)),

                // The audit log: the secretariat reads it, and it never holds the records themselves.
                new Endpoint(
                        "GET",
                        "/api/v1/audit?limit=10000",
                        null,
                        SECRETARIAT_ONLY,
                        Map.of(
                                "MXD000001",
                                NOBODY,
                                "MXP000001",
                                NOBODY,
                                "MATRIXPAX",
                                NOBODY,
                                "MXREF-DEU-1",
                                NOBODY,
                                "MATRIX-APPLICANT-1",
                                NOBODY)),

                // Legal channels: public channels, finder and quota totals; the secretariat defines channels; the
                // destination's immigration authority allocates places and reads who holds them (personal data).
                new Endpoint("GET", "/api/v1/channels", null, EVERYONE, Map.of("MATRIX-APPLICANT-1", NOBODY)),
                new Endpoint("GET", "/api/v1/channels/finder?passport=SRB&destination=DEU", null, EVERYONE),
                new Endpoint(
                        "GET",
                        "/api/v1/channels/DEU_WESTERN_BALKANS/quota?year=2026",
                        null,
                        EVERYONE,
                        Map.of("MATRIX-APPLICANT-1", NOBODY)),
                new Endpoint("POST", "/api/v1/channels", json, SECRETARIAT_ONLY),
                new Endpoint(
                        "POST",
                        "/api/v1/channels/DEU_WESTERN_BALKANS/allocations",
                        json,
                        EnumSet.of(Principal.DEU_IMMIGRATION)),
                new Endpoint(
                        "GET",
                        "/api/v1/channels/DEU_WESTERN_BALKANS/allocations?year=2026",
                        null,
                        EnumSet.of(Principal.DEU_IMMIGRATION),
                        Map.of("MATRIX-APPLICANT-1", EnumSet.of(Principal.DEU_IMMIGRATION))),
                new Endpoint(
                        "GET",
                        "/channels?passport=SRB&destination=DEU",
                        null,
                        EVERYONE,
                        Map.of("MATRIX-APPLICANT-1", NOBODY)),
                new Endpoint("GET", "/api/v1/audit/verification", null, SECRETARIAT_ONLY),
                new Endpoint("GET", "/api/v1/audit/checkpoints", null, SECRETARIAT_ONLY),
                new Endpoint("GET", "/api/v1/audit-public-key", null, EVERYONE),

                // Accounts and operations.
                new Endpoint("GET", "/api/v1/tokens", null, SIGNED_IN),
                new Endpoint("POST", "/api/v1/tokens", "{\"days\":0}", SIGNED_IN),
                new Endpoint("GET", "/account", null, SIGNED_IN),
                new Endpoint("GET", "/negotiations/DEU-MAR-MOBILITY-PARTNERSHIP/room", null, SIGNED_IN),
                new Endpoint("GET", "/actuator/health", null, EVERYONE),
                new Endpoint(
                        "GET", "/actuator/prometheus", null, EnumSet.of(Principal.SECRETARIAT, Principal.OPERATOR)),
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

    /** Germany's and France's records, made once through the API as their officers would. */
    @BeforeEach
    void seed() {
        synchronized (AccessMatrixTest.class) {
            if (seedFailure != null) throw seedFailure;
            if (seeded) return;
            try {
                seedOnce();
            } catch (AssertionError e) {
                seedFailure = e;
                throw e;
            }
            seeded = true;
        }
    }

    private void seedOnce() {
        {
            String instrument = """
                    {"instrument": {"id": "MATRIX_SHARING_DEU_FRA", "title": "Test sharing Germany to France", "kind": "BILATERAL_AGREEMENT",
                      "level": "BILATERAL", "binding": true, "adopted": "2019-01-01", "inForce": "2019-02-01",
                      "pillars": ["SECURITY"], "source": {"title": "test fixture", "reference": "AccessMatrixTest", "asOf": "2026-01-01"}},
                     "commitments": [{"kind": "DATA_SHARING", "grantors": ["DEU"], "beneficiaries": ["FRA"],
                       "terms": {"dataset": "CROSSINGS", "purposes": "border_control", "fields": "traveller|direction|at|state|nationality", "retention_days": "36500"}},
                      {"kind": "DATA_SHARING", "grantors": ["DEU"], "beneficiaries": ["FRA"],
                       "terms": {"dataset": "API", "purposes": "border_control", "fields": "name|nationality", "retention_days": "30"}}],
                     "participations": [{"party": "DEU", "status": "RATIFIED", "since": "2019-02-01"},
                                        {"party": "FRA", "status": "RATIFIED", "since": "2019-02-01"}]}""";
            expect(
                    post("/api/v1/instruments", "application/json", instrument, "secretariat", "test-only-secretariat"),
                    201);
            Principal deu = Principal.DEU_BORDER_OFFICER;
            expect(
                    as(
                            deu,
                            "/api/v1/crossings",
                            "{\"id\":\"MATRIX-DEU-IN\",\"traveller\":\"MATRIX-T1\",\"direction\":\"entry\","
                                    + "\"at\":\"2020-01-01T06:07:08Z\",\"crossingPoint\":\"MX-POINT-D\",\"documentNumber\":\"MXD000001\",\"issuingState\":\"USA\","
                                    + "\"rule\":\"90/180\"}"),
                    200);
            expect(
                    as(
                            deu,
                            "/api/v1/crossings",
                            "{\"id\":\"MATRIX-DEU-OUT\",\"traveller\":\"MATRIX-T2\",\"direction\":\"exit\","
                                    + "\"at\":\"2020-02-01T06:07:08Z\",\"crossingPoint\":\"MX-POINT-D\",\"documentNumber\":\"MXD000002\",\"issuingState\":\"USA\"}"),
                    200);
            expect(
                    as(
                            Principal.FRA_BORDER_OFFICER,
                            "/api/v1/crossings",
                            "{\"id\":\"MATRIX-FRA-IN\",\"traveller\":\"MATRIX-T3\",\"direction\":\"entry\","
                                    + "\"at\":\"2020-01-02T06:07:08Z\",\"crossingPoint\":\"MX-POINT-F\",\"documentNumber\":\"MXF000003\",\"issuingState\":\"USA\","
                                    + "\"rule\":\"90/180\"}"),
                    200);
            expect(
                    as(
                            deu,
                            "/api/v1/readmission-cases",
                            "{\"id\":\"MATRIX-RA-1\",\"requested\":\"FRA\",\"personReference\":\"MXREF-DEU-1\","
                                    + "\"nationality\":\"FRA\",\"on\":\"2026-01-05\"}"),
                    200);
            Response sent = post(
                    "/api/v1/manifests?destination=DEU",
                    "application/edifact",
                    PAXLST,
                    "carrier-xx",
                    "test-only-carrier");
            expect(sent, 201);
            manifest = sent.json().get("id").asLong();
            Response transferred = as(
                    deu,
                    "/api/v1/manifests/" + manifest + "/transfers",
                    "{\"to\":\"FRA\",\"purpose\":\"border_control\",\"fields\":[\"name\",\"document_number\"]}");
            expect(transferred, 201);
            transfer = transferred.json().get("transfer").asLong();
            expect(
                    as(
                            Principal.DEU_IMMIGRATION,
                            "/api/v1/channels/DEU_WESTERN_BALKANS/allocations",
                            "{\"applicant\":\"MATRIX-APPLICANT-1\",\"year\":2026}"),
                    201);
        }
    }

    private Response as(Principal principal, String path, String json) {
        return post(path, "application/json", json, principal.user, principal.password);
    }

    private static void expect(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} as {1}: allowed {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryPrincipalAsTheMatrixSays(Endpoint endpoint, Principal principal, boolean allowed) {
        String path = endpoint.path()
                .replace("{manifest}", Long.toString(manifest))
                .replace("{transfer}", Long.toString(transfer));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(
                        endpoint.method(),
                        endpoint.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(endpoint.body()));
        if (endpoint.body() != null) request.header("Content-Type", contentType(endpoint));
        if (principal.user != null) request.header("Authorization", basic(principal.user, principal.password));
        Response response = send(request.build());
        if (allowed) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403, 302);
            // 503: eMRTD verification without CSCA certificates configured says so; nothing else may fail on the
            // server.
            if (response.status() != 503)
                assertThat(response.status()).as(response.body()).isLessThan(500);
        } else if (principal == Principal.ANONYMOUS) {
            assertThat(response.status())
                    .as("anonymous: 401 for the API, the sign-in page for pages")
                    .isIn(401, 302);
        } else {
            // 404: a record that is not this principal's to see is not found, as if it did not exist.
            assertThat(response.status()).as(response.body()).isIn(403, 404);
        }
        for (Map.Entry<String, Set<Principal>> seen : endpoint.sees().entrySet()) {
            if (seen.getValue().contains(principal)) {
                assertThat(response.body())
                        .as("%s must see %s", principal, seen.getKey())
                        .contains(seen.getKey());
            } else {
                assertThat(response.body())
                        .as("%s must not see %s", principal, seen.getKey())
                        .doesNotContain(seen.getKey());
            }
        }
    }

    private static String contentType(Endpoint endpoint) {
        if (endpoint.path().contains("/imports/") || endpoint.path().contains("/status-list")) return "text/csv";
        if (endpoint.path().startsWith("/api/v1/manifests?")) return "application/edifact";
        return endpoint.path().startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded";
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /**
     * The server's own list of endpoints: every mapping of a controller that handles personal data (the border, passenger
     * and audit packages) must be a row of the matrix, so that a new one cannot be added without saying who may use it.
     */
    @Test
    void everyPersonalDataEndpointIsInTheMatrix() {
        List<Endpoint> rows = endpoints();
        Set<String> missing = new TreeSet<>();
        int personal = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            String controller = mapping.getValue().getBeanType().getPackageName();
            if (!controller.endsWith(".border")
                    && !controller.endsWith(".passengers")
                    && !controller.endsWith(".audit")
                    && !controller.endsWith(".channel")) continue;
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (PathPattern pattern :
                    mapping.getKey().getPathPatternsCondition().getPatterns()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    personal++;
                    boolean listed = rows.stream()
                            .anyMatch(row -> row.method().equals(method.name())
                                    && pattern.matches(PathContainer.parsePath(row.path()
                                            .replaceFirst("\\?.*", "")
                                            .replace("{manifest}", "1")
                                            .replace("{transfer}", "1"))));
                    if (!listed) missing.add(method + " " + pattern.getPatternString());
                }
            }
        }
        assertThat(personal)
                .as("the border, passenger and audit controllers were found")
                .isGreaterThan(20);
        assertThat(missing)
                .as("personal-data endpoints that the access matrix does not list")
                .isEmpty();
    }
}
