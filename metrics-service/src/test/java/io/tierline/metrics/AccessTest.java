package io.tierline.metrics;

import static io.tierline.metrics.TestEvents.as;
import static io.tierline.metrics.TestEvents.asAdmin;
import static io.tierline.metrics.TestEvents.kpis;
import static io.tierline.metrics.TestEvents.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.arc.Arc;
import io.tierline.embedded.AccessCheck.Staff;
import io.tierline.embedded.AccessCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.tierline.embedded.SseClient;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.platform.auth.VerifiedTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    private static final Set<Staff> KPI_READERS = EnumSet.of(Staff.SUPERVISOR, Staff.OPS, Staff.ADMIN);
    private static final Set<Staff> EVALUATORS = EnumSet.of(Staff.SUPERVISOR, Staff.ADMIN);
    private static final Set<Staff> DEAD_LETTER_READERS = EnumSet.of(Staff.OPS, Staff.ADMIN);

    /** One endpoint: how to call it, who may, and what an allowed caller gets. */
    record Endpoint(String name, Set<Staff> allowed, int allowedStatus, Supplier<Request> request) {
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
                new Endpoint("GET /kpis/local/agents", KPI_READERS, 200,
                        () -> get("/kpis/local/agents", Map.of("window", "PT1H", "at", now))),
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
                new Endpoint("POST /ops/dead-letters/{id}/replay", EnumSet.of(Staff.ADMIN), 404,
                        () -> new Request("POST", "/ops/dead-letters/0-999999/replay", Map.of(), null)));
    }

    /** Replaying every dead letter: refused callers only (an admin's would replay other tests' dead letters). */
    static Endpoint replayAll() {
        return new Endpoint("POST /ops/dead-letters/replay", EnumSet.of(Staff.ADMIN), 200,
                () -> new Request("POST", "/ops/dead-letters/replay", Map.of(), null));
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        Stream<Arguments> all = endpoints().stream()
                .flatMap(e -> EnumSet.allOf(Staff.class).stream().map(c -> Arguments.of(e, c)));
        Endpoint replayAll = replayAll();
        return Stream.concat(all, EnumSet.complementOf(EnumSet.copyOf(replayAll.allowed())).stream()
                .map(c -> Arguments.of(replayAll, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void anEndpointAnswersEachCaller(Endpoint endpoint, Staff caller) {
        ready();
        AccessCheck.assertAnswer(endpoint.request().get().send(caller.token()), expected(endpoint, caller));
    }

    @ParameterizedTest(name = "a refused evaluation as {0} is not stored")
    @EnumSource(value = Staff.class, names = {"NONE", "AGENT", "OPS"})
    void aRefusedEvaluationIsNotStored(Staff caller) {
        ready();
        String id = unique("E");
        AccessCheck.assertAnswer(as(caller.token()).contentType(ContentType.JSON).body(evaluation(id))
                .post("/evaluations"), caller == Staff.NONE ? 401 : 403);
        asAdmin().get("/evaluations/" + id).then().statusCode(404);
    }

    @ParameterizedTest(name = "KPI stream as {0}")
    @EnumSource(Staff.class)
    void theKpiStreamIsForOpsSupervisorsAndAdmins(Staff caller) throws Exception {
        ready();
        if (KPI_READERS.contains(caller)) {
            try (SseClient stream = new SseClient("http://localhost:" + RestAssured.port + "/kpis/stream",
                    caller.token())) {
                stream.awaitComment("connected", Duration.ofSeconds(20));
            }
        } else {
            AccessCheck.assertAnswer(as(caller.token()).accept("text/event-stream").get("/kpis/stream"),
                    caller == Staff.NONE ? 401 : 403);
        }
    }

    @ParameterizedTest(name = "{0} is open")
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/",
        "/index.html", "/dashboard.js", "/dashboard.css"})
    void healthMetricsOpenApiAndTheDashboardPageNeedNoToken(String path) {
        ready();
        as(null).get(path).then().statusCode(200);
    }

    @Test
    void tokensAreCheckedByTheParserThatThePlatformMakesRememberTheAcceptedOnes() {
        // every test here then also shows that remembering accepted tokens lets no bad one through
        assertEquals(List.of(VerifiedTokens.class), Arc.container().beanManager()
                .resolveDecorators(Set.of(JWTParser.class)).stream().map(d -> d.getBeanClass()).toList());
    }

    @ParameterizedTest(name = "a token {0} is a 401")
    @MethodSource("io.tierline.embedded.AccessCheck#badTokenKinds")
    void aTokenThatDoesNotVerifyIsA401(String kind) {
        AccessCheck.assertAnswer(as(AccessCheck.badToken(kind)).get("/kpis"), 401);
    }

    private static Request get(String path, Map<String, ?> query) {
        return new Request("GET", path, query, null);
    }

    private static String evaluation(String id) {
        return "{\"evaluationId\":\"" + id + "\",\"contactId\":\"" + unique("C") + "\",\"agentId\":\"agent-1\","
                + "\"queueId\":\"" + unique("q") + "\",\"tier\":1,\"score\":80,\"criteria\":{\"greeting\":90},"
                + "\"evaluator\":\"qa-lead\"}";
    }

    private static int expected(Endpoint endpoint, Staff caller) {
        if (caller == Staff.NONE) {
            return 401;
        }
        return endpoint.allowed().contains(caller) ? endpoint.allowedStatus() : 403;
    }

}
