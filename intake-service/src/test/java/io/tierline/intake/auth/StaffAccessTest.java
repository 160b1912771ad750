package io.tierline.intake.auth;

import static io.tierline.intake.TestStaff.TOKENS;
import static io.tierline.intake.TestStaff.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.AccessCheck;
import io.tierline.embedded.AccessCheck.Call;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.intake.TestGateway;
import io.tierline.intake.kb.api.KbArticles;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Intake's staff endpoints against every kind of caller: admins edit the knowledge base, agents, supervisors and
 * admins read its articles, supervisors and admins read the classification rules, ops and admins list dead
 * letters and admins replay them. A gateway's API key is no staff credential; the article search stays open.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class StaffAccessTest {

    enum Caller {
        NONE, GATEWAY_KEY, AGENT, SUPERVISOR, OPS, ADMIN;

        Call prepare(Call call) {
            return this == GATEWAY_KEY ? new Call(call.method(), call.path(), call.body(),
                    Map.of(TestGateway.HEADER, TestGateway.KEY)) : call;
        }

        String token() {
            return switch (this) {
                case NONE, GATEWAY_KEY -> null;
                case AGENT -> TOKENS.agent("agent-1");
                case SUPERVISOR -> TOKENS.supervisor("lead", "team-1");
                case OPS -> TOKENS.ops();
                case ADMIN -> TOKENS.admin();
            };
        }
    }

    record Endpoint(String name, Set<Caller> allowed, int allowedStatus, Call call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ARTICLE = "access-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Set<Caller> READERS = EnumSet.of(Caller.AGENT, Caller.SUPERVISOR, Caller.ADMIN);

    static List<Endpoint> endpoints() {
        Map<String, Object> article = KbArticles.article("Reset a password", "Use the reset link.");
        return List.of(
                new Endpoint("PUT /kb/articles/{id}", EnumSet.of(Caller.ADMIN), 200,
                        new Call("PUT", "/kb/articles/" + ARTICLE, article)),
                new Endpoint("GET /kb/articles/{id}", READERS, 200, new Call("GET", "/kb/articles/" + ARTICLE, null)),
                new Endpoint("GET /kb/articles", READERS, 200, new Call("GET", "/kb/articles?language=en", null)),
                // an admin may delete; this id names no article, so the admin's answer is the 404
                new Endpoint("DELETE /kb/articles/{id}", EnumSet.of(Caller.ADMIN), 404,
                        new Call("DELETE", "/kb/articles/no-such-article", null)),
                new Endpoint("GET /kb/search", EnumSet.allOf(Caller.class), 200,
                        new Call("GET", "/kb/search?q=password", null)),
                new Endpoint("GET /classification-rules", EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN), 200,
                        new Call("GET", "/classification-rules", null)),
                new Endpoint("GET /ops/dead-letters", EnumSet.of(Caller.OPS, Caller.ADMIN), 200,
                        new Call("GET", "/ops/dead-letters", null)),
                new Endpoint("POST /ops/dead-letters/{id}/replay", EnumSet.of(Caller.ADMIN), 404,
                        new Call("POST", "/ops/dead-letters/0-999999/replay", null)));
    }

    private static boolean articleWritten;

    private static synchronized void writeArticleOnce() {
        if (!articleWritten) {
            KbArticles.put(ARTICLE, KbArticles.article("Reset a password", "Use the reset link.")).statusCode(201);
            articleWritten = true;
        }
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        return endpoints().stream().flatMap(e -> EnumSet.allOf(Caller.class).stream().map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void anEndpointAnswersEachCaller(Endpoint endpoint, Caller caller) {
        writeArticleOnce();
        int expected = endpoint.allowed().contains(caller) ? endpoint.allowedStatus()
                : caller == Caller.NONE || caller == Caller.GATEWAY_KEY ? 401 : 403;
        AccessCheck.assertAnswer(caller.prepare(endpoint.call()).send(caller.token()), expected);
    }

    @ParameterizedTest(name = "a token {0} is a 401")
    @MethodSource("io.tierline.embedded.AccessCheck#badTokenKinds")
    void aTokenThatDoesNotVerifyIsA401(String kind) {
        AccessCheck.assertAnswer(as(AccessCheck.badToken(kind)).get("/classification-rules"), 401);
    }
}
