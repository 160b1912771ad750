package io.tierline.escalation.api;

import static io.tierline.escalation.TestEvents.as;
import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.embedded.AccessCheck.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.AccessCheck;
import io.tierline.embedded.AccessCheck.Call;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.escalation.policy.TestPolicies;
import io.tierline.events.ContactEscalated;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every escalation endpoint against every kind of caller: cases are for agents, supervisors and admins; the tier
 * policy is read by supervisors and admins and changed by admins only; dead letters listed by ops and admins.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class AccessTest {

    /** A case of one escalated contact, and the policy version in effect. */
    record World(String caseId, String customerId, int policyVersion) {
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            String contactId = unique("c");
            String customerId = unique("cust");
            send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer(customerId, Segment.STANDARD), 1, "q",
                    null, 0, Priority.NORMAL));
            String caseId = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0).caseId();
            int version = asAdmin().get("/policies").then().statusCode(200).extract().path("version");
            world = new World(caseId, customerId, version);
        }
        return world;
    }

    record Endpoint(String name, Set<Staff> allowed, int allowedStatus, Function<World, Call> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<Staff> CASE_WORKERS = EnumSet.of(Staff.AGENT, Staff.SUPERVISOR, Staff.ADMIN);
    private static final Set<Staff> POLICY_READERS = EnumSet.of(Staff.SUPERVISOR, Staff.ADMIN);

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET /cases", CASE_WORKERS, 200,
                        w -> new Call("GET", "/cases?customerId=" + w.customerId, null)),
                new Endpoint("GET /cases/{id}", CASE_WORKERS, 200, w -> new Call("GET", "/cases/" + w.caseId, null)),
                new Endpoint("POST /cases/{id}/notes", CASE_WORKERS, 201, w -> new Call("POST",
                        "/cases/" + w.caseId + "/notes", Map.of("author", "someone", "text", "called back"))),
                // no hand-off awaits an answer on this case: an allowed caller gets the 409 that says so
                new Endpoint("POST /cases/{id}/engineering-answer", CASE_WORKERS, 409, w -> new Call("POST",
                        "/cases/" + w.caseId + "/engineering-answer", Map.of("author", "eng", "text", "fixed"))),
                new Endpoint("GET /policies", POLICY_READERS, 200, w -> new Call("GET", "/policies", null)),
                new Endpoint("GET /policies/versions", POLICY_READERS, 200,
                        w -> new Call("GET", "/policies/versions", null)),
                new Endpoint("GET /policies/{version}", POLICY_READERS, 200,
                        w -> new Call("GET", "/policies/" + w.policyVersion, null)),
                // an admin's invalid policy is refused as invalid (400), so this test changes no policy
                new Endpoint("PUT /policies", EnumSet.of(Staff.ADMIN), 400, w -> new Call("PUT", "/policies",
                        Map.of("rules", List.of(Map.of("id", "broken"))), Map.of("X-Tierline-Author", TestPolicies.AUTHOR))),
                new Endpoint("GET /ops/dead-letters", EnumSet.of(Staff.OPS, Staff.ADMIN), 200,
                        w -> new Call("GET", "/ops/dead-letters", null)),
                new Endpoint("POST /ops/dead-letters/{id}/replay", EnumSet.of(Staff.ADMIN), 404,
                        w -> new Call("POST", "/ops/dead-letters/0-999999/replay", null)));
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        return endpoints().stream().flatMap(e -> EnumSet.allOf(Staff.class).stream().map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void anEndpointAnswersEachCaller(Endpoint endpoint, Staff caller) {
        World w = world();
        int expected = caller == Staff.NONE ? 401 : endpoint.allowed().contains(caller) ? endpoint.allowedStatus() : 403;
        AccessCheck.assertAnswer(endpoint.call().apply(w).send(caller.token()), expected);
        int version = asAdmin().get("/policies").then().statusCode(200).extract().path("version");
        assertEquals(w.policyVersion, version, "no call of this test changes the policy");
    }

    @ParameterizedTest(name = "a token {0} is a 401")
    @MethodSource("io.tierline.embedded.AccessCheck#badTokenKinds")
    void aTokenThatDoesNotVerifyIsA401(String kind) {
        AccessCheck.assertAnswer(as(AccessCheck.badToken(kind)).get("/cases/" + world().caseId), 401);
    }
}
