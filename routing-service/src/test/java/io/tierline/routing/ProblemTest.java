package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.command;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactResolved;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Topics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors at the edge: 400 naming the field, 404 for the unknown, 409 for the wrong agent or state. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class ProblemTest {

    private final String lang = language();

    private static ValidatableResponse put(String path, Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static ValidatableResponse post(String path, Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void invalidQueuesAreRejectedNamingEachField() {
        String queue = unique("bad");
        problem(put("/queues/" + queue, Map.of("name", "", "tier", 4, "channels", List.of())), 400)
                .body("violations.field", hasItems("name", "tier", "channels"));
        problem(put("/queues/" + queue, Map.of("name", "q", "tier", 1, "channels", List.of("FAX"))), 400)
                .body("violations.field", hasItem("channels[0]"))
                .body("violations.message", hasItem(containsString("CHAT")));
        problem(put("/queues/" + queue, Map.of("name", "q", "tier", 1, "channels", List.of("CHAT"),
                "languages", List.of("en", "not a tag!"), "skills", Map.of("billing", 11),
                "sla", Map.of("answerWithinSeconds", 20))), 400)
                .body("violations.field", hasItem("sla.targetPercent"));
        problem(put("/queues/" + queue, Map.of("name", "q", "tier", 1, "channels", List.of("CHAT"),
                "languages", List.of("en", "not a tag!"), "skills", Map.of("billing", 11),
                "overflowQueueId", queue)), 400)
                .body("violations.field", hasItems("languages[1]", "skills.billing", "overflowQueueId"));
        problem(put("/queues/" + queue, Map.of("name", "q", "tier", 1, "channels", List.of("CHAT"),
                "strategy", "RANDOM")), 400).body("violations.field", hasItem("strategy"));
        problem(asAdmin().contentType(ContentType.JSON).body("{\"name\":").put("/queues/" + queue).then(), 400);
        problem(asAdmin().get("/queues/" + queue).then(), 404);
    }

    @Test
    void invalidAgentsAndStatusesAreRejectedNamingEachField() {
        String agent = unique("bad");
        problem(put("/agents/" + agent, Map.of("name", "A", "tier", 1, "capacity", Map.of("CHAT", 51),
                "skills", Map.of("billing", 0))), 400)
                .body("violations.field", hasItems("capacity.CHAT", "skills.billing"));
        problem(put("/agents/" + agent, Map.of("name", "A", "tier", 1, "capacity", Map.of("FAX", 1))), 400)
                .body("violations.field", hasItem(startsWith("capacity")));
        problem(put("/agents/" + agent, Map.of("tier", 0)), 400).body("violations.field", hasItems("name", "tier"));
        problem(put("/agents/" + agent, Map.of("name", "A", "tier", 1, "team", "no team!")), 400)
                .body("violations.field", hasItem("team"));
        problem(put("/agents/bad%20id!", Map.of("name", "A", "tier", 1)), 400)
                .body("violations.field", hasItem("agentId"));
        problem(asAdmin().get("/agents/" + agent).then(), 404);

        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        problem(put("/agents/" + agent + "/status", Map.of("status", "BUSY")), 400)
                .body("violations.field", hasItem("status"));
        problem(put("/agents/" + agent + "/status", Map.of()), 400).body("violations.field", hasItem("status"));
        problem(put("/agents/" + unique("nobody") + "/status", Map.of("status", "AVAILABLE")), 404);
    }

    @Test
    void unknownAgentsContactsAndQueuesAreNotFound() {
        String agent = unique("agent");
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        String nobody = unique("nobody");
        problem(asAdmin().accept("text/event-stream").get("/agents/" + nobody + "/assignments").then(), 404);
        problem(post("/agents/" + nobody + "/wrap-up/complete", Map.of()), 404);
        problem(post("/agents/" + agent + "/offers/" + unique("c") + "/accept", Map.of()), 404)
                .body("detail", containsString("Contact"));
        problem(post("/agents/" + nobody + "/offers/" + unique("c") + "/decline", Map.of()), 404);
        problem(asAdmin().get("/queues/" + nobody + "/stats").then(), 404);
        problem(asAdmin().get("/contacts/" + nobody).then(), 404);
    }

    @Test
    void commandsOfTheWrongAgentOrInTheWrongStateConflictAndRepeatsRepublishTheSameEvent() {
        String queue = unique("l1");
        String alice = unique("alice");
        String mallory = unique("mallory");
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(alice, 1, lang, Map.of("CHAT", 1));
        putAgent(mallory, 1, lang, Map.of("CHAT", 1));
        status(alice, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        assertEquals(alice, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());

        problem(post("/agents/" + mallory + "/offers/" + contact + "/accept", Map.of()), 409);
        problem(post("/agents/" + alice + "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "X")), 409);
        problem(post("/agents/" + alice + "/contacts/" + contact + "/resolve", Map.of()), 400)
                .body("violations.field", hasItem("resolutionCode"));
        problem(asAdmin().contentType(ContentType.JSON).post("/agents/" + alice + "/contacts/" + contact + "/resolve")
                .then(), 400);

        command(alice, "/offers/" + contact + "/accept", Map.of());
        command(alice, "/offers/" + contact + "/accept", Map.of());
        List<OfferAccepted> accepted = events(Topics.CONTACTS_ASSIGNMENTS, contact, OfferAccepted.class, 2);
        assertEquals(1, accepted.stream().map(OfferAccepted::eventId).distinct().count(), "a repeat, same event");
        problem(post("/agents/" + alice + "/offers/" + contact + "/decline", Map.of()), 409);
        problem(post("/agents/" + alice + "/contacts/" + contact + "/escalate", Map.of("notes", "n")), 400)
                .body("violations.field", hasItem("reason"));
        problem(post("/agents/" + mallory + "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "X")),
                409);

        post("/agents/" + alice + "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "FIXED"))
                .statusCode(200).body("state", equalTo("RESOLVED"));
        post("/agents/" + alice + "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "FIXED"))
                .statusCode(200);
        List<ContactResolved> resolved = events(Topics.CONTACTS_RESOLVED, contact, ContactResolved.class, 2);
        assertEquals(2, resolved.size());
        assertEquals(1, resolved.stream().map(ContactResolved::eventId).distinct().count(), "a repeat, same event");
        problem(post("/agents/" + alice + "/contacts/" + contact + "/escalate", Map.of("reason", "r")), 409);
    }
}
