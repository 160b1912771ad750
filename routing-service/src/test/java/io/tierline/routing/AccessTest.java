package io.tierline.routing;

import static io.tierline.routing.Fixtures.TOKENS;
import static io.tierline.routing.Fixtures.agentBody;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.as;
import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.AccessCheck;
import io.tierline.embedded.AccessCheck.Call;
import io.tierline.embedded.SseClient;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.Topics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hamcrest.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every routing endpoint against every kind of caller: the allowed ones get their answer, a request without
 * a valid token a 401, the others a 403, all as problem+json, and a refused command changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class AccessTest {

    private static final String TEAM = "team-" + unique("x");

    /** The kinds of caller, relative to agent {@link World#agent} of team {@link #TEAM}. */
    enum Caller {
        NONE, SELF, OTHER_AGENT, SUPERVISOR, OTHER_SUPERVISOR, OPS, ADMIN;

        String token(World w) {
            return switch (this) {
                case NONE -> null;
                case SELF -> TOKENS.agent(w.agent);
                case OTHER_AGENT -> TOKENS.agent(w.otherAgent);
                case SUPERVISOR -> TOKENS.supervisor("lead-of-" + TEAM, TEAM);
                case OTHER_SUPERVISOR -> TOKENS.supervisor("lead-elsewhere", "team-elsewhere");
                case OPS -> TOKENS.ops();
                case ADMIN -> TOKENS.admin();
            };
        }
    }

    /** An agent of {@link #TEAM} with a chat offered to it, another agent outside the team, and their queue. */
    record World(String lang, String queue, String agent, String otherAgent, String offered) {
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            String lang = language();
            String queue = unique("q");
            String agent = unique("agent");
            String other = unique("other");
            putQueue(queue, 1, lang, Channel.CHAT);
            asAdmin().contentType(ContentType.JSON).body(agentBody(agent, 1, lang, Map.of("CHAT", 1), TEAM))
                    .put("/agents/" + agent).then().statusCode(200).body("team", equalTo(TEAM));
            asAdmin().contentType(ContentType.JSON).body(agentBody(other, 1, "yy-other", Map.of("CHAT", 1), "team-y"))
                    .put("/agents/" + other).then().statusCode(200);
            Fixtures.status(agent, "AVAILABLE");
            String contact = unique("c");
            arrive(contact, Channel.CHAT, lang);
            assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());
            world = new World(lang, queue, agent, other, contact);
        }
        return world;
    }

    /** One endpoint: how to call it, who may, and what an allowed caller gets. */
    record Endpoint(String name, Set<Caller> allowed, int allowedStatus, Function<World, Call> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<Caller> STAFF_READERS = EnumSet.of(Caller.SUPERVISOR, Caller.OTHER_SUPERVISOR,
            Caller.OPS, Caller.ADMIN);
    private static final Set<Caller> FOR_THE_AGENT = EnumSet.of(Caller.SELF, Caller.SUPERVISOR, Caller.ADMIN);

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("PUT /queues/{id}", EnumSet.of(Caller.ADMIN), 200, w -> new Call("PUT",
                        "/queues/" + w.queue, Map.of("name", "Queue " + w.queue, "tier", 1, "channels",
                                List.of("CHAT"), "languages", List.of(w.lang)))),
                new Endpoint("GET /queues", STAFF_READERS, 200, w -> new Call("GET", "/queues", null)),
                new Endpoint("GET /queues/{id}", STAFF_READERS, 200, w -> new Call("GET", "/queues/" + w.queue, null)),
                new Endpoint("GET /queues/{id}/stats", STAFF_READERS, 200,
                        w -> new Call("GET", "/queues/" + w.queue + "/stats", null)),
                new Endpoint("PUT /agents/{id}", EnumSet.of(Caller.ADMIN), 200, w -> new Call("PUT",
                        "/agents/" + w.otherAgent, agentBody(w.otherAgent, 1, "yy-other", Map.of("CHAT", 1), "team-y"))),
                new Endpoint("GET /agents/{id}", FOR_THE_AGENT, 200, w -> new Call("GET", "/agents/" + w.agent, null)),
                new Endpoint("PUT /agents/{id}/status", FOR_THE_AGENT, 200, w -> new Call("PUT",
                        "/agents/" + w.agent + "/status", Map.of("status", "AVAILABLE"))),
                new Endpoint("GET /contacts/{id}", EnumSet.of(Caller.SELF, Caller.SUPERVISOR, Caller.OTHER_SUPERVISOR,
                        Caller.OPS, Caller.ADMIN), 200, w -> new Call("GET", "/contacts/" + w.offered, null)),
                new Endpoint("GET /ops/dead-letters", EnumSet.of(Caller.OPS, Caller.ADMIN), 200,
                        w -> new Call("GET", "/ops/dead-letters", null)),
                // an admin may replay; this id names no dead letter, so the admin's answer is the 404
                new Endpoint("POST /ops/dead-letters/{id}/replay", EnumSet.of(Caller.ADMIN), 404,
                        w -> new Call("POST", "/ops/dead-letters/0-999999/replay", null)));
    }

    /** The agent's desk commands; allowed callers' 200s are in {@link #theAgentItsSupervisorAndAnAdminWorkAContact}. */
    static List<Endpoint> deskCommands() {
        List<Endpoint> commands = new ArrayList<>();
        for (String path : List.of("offers/{c}/accept", "offers/{c}/decline", "contacts/{c}/hold",
                "contacts/{c}/resume", "contacts/{c}/transfer", "contacts/{c}/resolve", "contacts/{c}/escalate",
                "wrap-up/complete")) {
            Object body = path.endsWith("transfer") ? Map.of("queueId", "somewhere")
                    : path.endsWith("resolve") ? Map.of("resolutionCode", "FIXED")
                    : path.endsWith("escalate") ? Map.of("reason", "needs L2") : Map.of();
            commands.add(new Endpoint("POST /agents/{id}/" + path, FOR_THE_AGENT, 200,
                    w -> new Call("POST", "/agents/" + w.agent + "/" + path.replace("{c}", w.offered), body)));
        }
        return commands;
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        return endpoints().stream().flatMap(e -> EnumSet.allOf(Caller.class).stream().map(c -> Arguments.of(e, c)));
    }

    static Stream<Arguments> deskCommandsAndRefusedCallers() {
        return deskCommands().stream().flatMap(e -> EnumSet.complementOf(EnumSet.copyOf(e.allowed())).stream()
                .map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void anEndpointAnswersEachCaller(Endpoint endpoint, Caller caller) {
        World w = world();
        AccessCheck.assertAnswer(endpoint.request().apply(w).send(caller.token(w)), expected(endpoint, caller));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("deskCommandsAndRefusedCallers")
    void aRefusedDeskCommandChangesNothing(Endpoint endpoint, Caller caller) {
        World w = world();
        AccessCheck.assertAnswer(endpoint.request().apply(w).send(caller.token(w)), expected(endpoint, caller));
        asAdmin().get("/contacts/" + w.offered).then().statusCode(200)
                .body("state", equalTo("OFFERED")).body("agentId", equalTo(w.agent));
    }

    @ParameterizedTest(name = "assignment stream as {0}")
    @EnumSource(Caller.class)
    void theAssignmentStreamIsTheAgentsItsSupervisorsAndAnAdmins(Caller caller) throws Exception {
        World w = world();
        String url = Fixtures.assignmentsUrl(w.agent);
        if (FOR_THE_AGENT.contains(caller)) {
            try (SseClient stream = new SseClient(url, caller.token(w))) {
                assertNotNull(stream.await("ContactOffered", w.offered, Fixtures.WAIT),
                        "the open offer is on the stream");
            }
        } else {
            AccessCheck.assertAnswer(as(caller.token(w)).get("/agents/" + w.agent + "/assignments"),
                    caller == Caller.NONE ? 401 : 403);
        }
    }

    /** The allowed callers' 200 for every desk command, each on a contact of its own agent of the team. */
    @ParameterizedTest(name = "desk commands as {0}")
    @EnumSource(value = Caller.class, names = {"SELF", "SUPERVISOR", "ADMIN"})
    void theAgentItsSupervisorAndAnAdminWorkAContact(Caller caller) {
        String lang = language();
        String queue = unique("q");
        String elsewhere = unique("q-elsewhere");
        String agent = unique("agent");
        putQueue(queue, 1, lang, Channel.CHAT);
        putQueue(elsewhere, 1, "zz-" + lang, Channel.CHAT);
        asAdmin().contentType(ContentType.JSON).body(agentBody(agent, 1, lang, Map.of("CHAT", 4), TEAM))
                .put("/agents/" + agent).then().statusCode(200);
        String token = switch (caller) {
            case SELF -> TOKENS.agent(agent);
            case SUPERVISOR -> TOKENS.supervisor("lead-of-" + TEAM, TEAM);
            default -> TOKENS.admin();
        };
        desk(token, "PUT", "/agents/" + agent + "/status", Map.of("status", "AVAILABLE"), "status", "AVAILABLE");

        String resolved = offered(agent, lang);
        desk(token, "POST", "/agents/" + agent + "/offers/" + resolved + "/accept", Map.of(), "state", "ASSIGNED");
        desk(token, "POST", "/agents/" + agent + "/contacts/" + resolved + "/hold", Map.of(), "heldAt", notNullValue());
        desk(token, "POST", "/agents/" + agent + "/contacts/" + resolved + "/resume", Map.of(), "heldAt", nullValue());
        desk(token, "POST", "/agents/" + agent + "/contacts/" + resolved + "/resolve",
                Map.of("resolutionCode", "FIXED"), "state", "RESOLVED");
        desk(token, "POST", "/agents/" + agent + "/wrap-up/complete", Map.of(), "agentId", agent);

        String transferred = offered(agent, lang);
        desk(token, "POST", "/agents/" + agent + "/offers/" + transferred + "/accept", Map.of(), "state", "ASSIGNED");
        desk(token, "POST", "/agents/" + agent + "/contacts/" + transferred + "/transfer", Map.of("queueId", elsewhere),
                "queueId", elsewhere);

        String escalated = offered(agent, lang);
        desk(token, "POST", "/agents/" + agent + "/offers/" + escalated + "/accept", Map.of(), "state", "ASSIGNED");
        desk(token, "POST", "/agents/" + agent + "/contacts/" + escalated + "/escalate", Map.of("reason", "needs L2"),
                "state", "ESCALATED");

        String declined = offered(agent, lang);
        desk(token, "POST", "/agents/" + agent + "/offers/" + declined + "/decline", Map.of(), "state", "QUEUED");
    }

    @ParameterizedTest(name = "a token {0} is a 401")
    @MethodSource("io.tierline.embedded.AccessCheck#badTokenKinds")
    void aTokenThatDoesNotVerifyIsA401(String kind) {
        AccessCheck.assertAnswer(as(AccessCheck.badToken(kind)).get("/queues"), 401);
    }

    private static int expected(Endpoint endpoint, Caller caller) {
        if (caller == Caller.NONE) {
            return 401;
        }
        return endpoint.allowed().contains(caller) ? endpoint.allowedStatus() : 403;
    }

    private static String offered(String agent, String lang) {
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());
        return contact;
    }

    private static void desk(String token, String method, String path, Object body, String field, String value) {
        desk(token, method, path, body, field, equalTo(value));
    }

    private static void desk(String token, String method, String path, Object body, String field,
            Matcher<?> matcher) {
        as(token).contentType(ContentType.JSON).body(body).request(method, path).then().statusCode(200)
                .body(field, matcher);
    }

}
