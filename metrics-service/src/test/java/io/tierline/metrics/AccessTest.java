package io.tierline.metrics;

import static io.tierline.metrics.TestEvents.as;
import static io.tierline.metrics.TestEvents.asAdmin;
import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.tokens;
import static io.tierline.metrics.TestEvents.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tierline.embedded.SseClient;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.identity.DevTokens;
import io.tierline.identity.Roles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every metrics endpoint against every kind of caller: the allowed ones get their answer, a request without a
 * valid token a 401 with {@code WWW-Authenticate: Bearer}, the others a 403, both as problem+json; a refused
 * evaluation is not stored. {@code /q/*} and the dashboard's static files stay open.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class AccessTest {

    enum Caller {
        NONE, AGENT, SUPERVISOR, OPS, ADMIN;

        String token() {
            return switch (this) {
                case NONE -> null;
                case AGENT -> tokens().agent("agent-1");
                case SUPERVISOR -> tokens().supervisor("qa-lead", "team-qa");
                case OPS -> tokens().ops();
                case ADMIN -> tokens().admin();
            };
        }
    }

    private static final Set<Caller> KPI_READERS = EnumSet.of(Caller.SUPERVISOR, Caller.OPS, Caller.ADMIN);
    private static final Set<Caller> EVALUATORS = EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN);
    private static final Set<Caller> DEAD_LETTER_READERS = EnumSet.of(Caller.OPS, Caller.ADMIN);

    /** One endpoint: how to call it, who may, and what an allowed caller gets. */
    record Endpoint(String name, Set<Caller> allowed, int allowedStatus, Supplier<Request> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Request(String method, String path, Map<String, ?> query, String body) {
        Response send(String token) {
            RequestSpecification spec = as(token).queryParams(query);
            if (body != null) {
                spec.contentType(ContentType.JSON).body(body);
            }
            return spec.request(method, path);
        }
    }

    private static String evaluationId;

    /** The topology runs (the KPI endpoints answer), and one stored evaluation. */
    private static synchronized String ready() {
        if (evaluationId == null) {
            kpis(Map.of());
            String id = unique("E");
            asAdmin().contentType(ContentType.JSON).body(evaluation(id)).post("/evaluations").then().statusCode(201);
            evaluationId = id;
        }
        return evaluationId;
    }

    static List<Endpoint> endpoints() {
        String now = Instant.now().toString();
        String hourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        return List.of(
                new Endpoint("GET /kpis", KPI_READERS, 200, () -> get("/kpis", Map.of())),
                new Endpoint("GET /kpis/series", KPI_READERS, 200, () -> get("/kpis/series", Map.of())),
                new Endpoint("GET /kpis/breakdown", KPI_READERS, 200,
                        () -> get("/kpis/breakdown", Map.of("by", "queue"))),
                new Endpoint("GET /kpis/queues", KPI_READERS, 200, () -> get("/kpis/queues", Map.of())),
                new Endpoint("GET /kpis/local/snapshots", KPI_READERS, 200, () -> get("/kpis/local/snapshots",
                        Map.of("kpi", "fcr", "dimension", "all", "window", "PT1H", "at", now))),
                new Endpoint("GET /kpis/local/series", KPI_READERS, 200, () -> get("/kpis/local/series",
                        Map.of("kpi", "fcr", "dimension", "all", "window", "PT1H", "from", hourAgo, "to", now))),
                new Endpoint("GET /kpis/local/all", KPI_READERS, 200,
                        () -> get("/kpis/local/all", Map.of("window", "PT1H", "at", now))),
                new Endpoint("GET /kpis/local/waiting", KPI_READERS, 200, () -> get("/kpis/local/waiting", Map.of())),
                new Endpoint("POST /evaluations", EVALUATORS, 201,
                        () -> new Request("POST", "/evaluations", Map.of(), evaluation(unique("E")))),
                new Endpoint("GET /evaluations/{id}", EVALUATORS, 200,
                        () -> get("/evaluations/" + evaluationId, Map.of())),
                new Endpoint("GET /ops/dead-letters", DEAD_LETTER_READERS, 200,
                        () -> get("/ops/dead-letters", Map.of())),
                // this id names no dead letter, so the allowed callers' answer is the 404
                new Endpoint("GET /ops/dead-letters/{id}", DEAD_LETTER_READERS, 404,
                        () -> get("/ops/dead-letters/0-999999", Map.of())),
                new Endpoint("POST /ops/dead-letters/{id}/replay", EnumSet.of(Caller.ADMIN), 404,
                        () -> new Request("POST", "/ops/dead-letters/0-999999/replay", Map.of(), null)));
    }

    /** Replaying every dead letter: refused callers only (an admin's would replay other tests' dead letters). */
    static Endpoint replayAll() {
        return new Endpoint("POST /ops/dead-letters/replay", EnumSet.of(Caller.ADMIN), 200,
                () -> new Request("POST", "/ops/dead-letters/replay", Map.of(), null));
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        Stream<Arguments> all = endpoints().stream()
                .flatMap(e -> EnumSet.allOf(Caller.class).stream().map(c -> Arguments.of(e, c)));
        Endpoint replayAll = replayAll();
        return Stream.concat(all, EnumSet.complementOf(EnumSet.copyOf(replayAll.allowed())).stream()
                .map(c -> Arguments.of(replayAll, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void anEndpointAnswersEachCaller(Endpoint endpoint, Caller caller) {
        ready();
        Response response = endpoint.request().get().send(caller.token());
        assertEquals(expected(endpoint, caller), response.statusCode(), response.asString());
        assertProblemUnlessAllowed(endpoint, caller, response);
    }

    @ParameterizedTest(name = "a refused evaluation as {0} is not stored")
    @EnumSource(value = Caller.class, names = {"NONE", "AGENT", "OPS"})
    void aRefusedEvaluationIsNotStored(Caller caller) {
        ready();
        String id = unique("E");
        Response response = as(caller.token()).contentType(ContentType.JSON).body(evaluation(id)).post("/evaluations");
        assertEquals(caller == Caller.NONE ? 401 : 403, response.statusCode(), response.asString());
        asAdmin().get("/evaluations/" + id).then().statusCode(404);
    }

    @ParameterizedTest(name = "KPI stream as {0}")
    @EnumSource(Caller.class)
    void theKpiStreamIsForOpsSupervisorsAndAdmins(Caller caller) throws Exception {
        ready();
        if (KPI_READERS.contains(caller)) {
            try (SseClient stream = new SseClient("http://localhost:" + RestAssured.port + "/kpis/stream",
                    caller.token())) {
                stream.awaitComment("connected", Duration.ofSeconds(20));
            }
        } else {
            Response response = as(caller.token()).accept("text/event-stream").get("/kpis/stream");
            assertEquals(caller == Caller.NONE ? 401 : 403, response.statusCode(), response.asString());
            assertEquals("application/problem+json", response.contentType());
            if (caller == Caller.NONE) {
                assertEquals("Bearer", response.header("WWW-Authenticate"));
            }
        }
    }

    @ParameterizedTest(name = "{0} is open")
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/",
        "/index.html", "/dashboard.js", "/dashboard.css"})
    void healthMetricsOpenApiAndTheDashboardPageNeedNoToken(String path) {
        ready();
        as(null).get(path).then().statusCode(200);
    }

    @ParameterizedTest(name = "a token {0} is a 401")
    @ValueSource(strings = {"expired", "signed by another key", "from another issuer", "with altered claims",
        "not a JWT"})
    void aTokenThatDoesNotVerifyIsA401(String what) {
        DevTokens tokens = tokens();
        String token = switch (what) {
            case "expired" -> tokens.issue("tierline-ops", List.of(Roles.OPS), List.of(),
                    Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
            case "signed by another key" -> DevTokens.generate().ops();
            case "from another issuer" -> tokens.issue("someone-else", "tierline-ops", List.of(Roles.OPS), List.of(),
                    Instant.now(), Duration.ofHours(1));
            case "with altered claims" -> promotedToOps(tokens.agent("agent-1"));
            default -> "not-a-jwt";
        };
        Response response = as(token).get("/kpis");
        assertEquals(401, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    private static Request get(String path, Map<String, ?> query) {
        return new Request("GET", path, query, null);
    }

    private static String evaluation(String id) {
        return "{\"evaluationId\":\"" + id + "\",\"contactId\":\"" + unique("C") + "\",\"agentId\":\"agent-1\","
                + "\"queueId\":\"" + unique("q") + "\",\"tier\":1,\"score\":80,\"criteria\":{\"greeting\":90},"
                + "\"evaluator\":\"qa-lead\"}";
    }

    private static int expected(Endpoint endpoint, Caller caller) {
        if (caller == Caller.NONE) {
            return 401;
        }
        return endpoint.allowed().contains(caller) ? endpoint.allowedStatus() : 403;
    }

    private static void assertProblemUnlessAllowed(Endpoint endpoint, Caller caller, Response response) {
        if (caller == Caller.NONE || !endpoint.allowed().contains(caller)) {
            assertEquals("application/problem+json", response.contentType());
            assertEquals(expected(endpoint, caller), response.jsonPath().getInt("status"));
        }
        if (caller == Caller.NONE) {
            assertEquals("Bearer", response.header("WWW-Authenticate"));
        }
    }

    /** An agent's token whose roles were changed to ops, keeping the original signature. */
    private static String promotedToOps(String agentToken) {
        String[] parts = agentToken.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"agent\"]", "\"groups\":[\"ops\"]");
        assertNotEquals(-1, claims.indexOf("\"ops\""));
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
