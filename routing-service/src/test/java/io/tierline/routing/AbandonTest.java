package io.tierline.routing;

import static io.restassured.RestAssured.given;
import static io.tierline.routing.Fixtures.PROBE;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.command;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactWithdrawn;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Abandons from intake take a waiting or offered contact off its queue at once; idempotent. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class AbandonTest {

    private final String lang = language();
    private final String queue = unique("l1");
    private final String agent = unique("agent");

    private static String abandon(String contactId) {
        ContactAbandoned abandoned = new ContactAbandoned(EventIds.random(), contactId, Instant.now(),
                "cust-" + contactId, Channel.CHAT, "billing", Instant.now().minusSeconds(30));
        String json = EventJson.write(abandoned);
        PROBE.send(Topics.CONTACTS_RECEIVED, contactId, json);
        return json;
    }

    private static boolean noneWithin(String topic, String contactId, String type, Duration within) {
        return PROBE.await(topic, r -> contactId.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""),
                1, within).isEmpty();
    }

    @Test
    void aQueuedContactAbandonedLeavesItsQueueOnceAndIsNeverOffered() {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        ContactQueued queued = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class);

        String record = abandon(contact);
        ContactWithdrawn withdrawn = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactWithdrawn.class);
        assertEquals("ABANDONED", withdrawn.reason());
        assertNull(withdrawn.agentId());
        assertEquals(queue, withdrawn.queueId());
        assertEquals(queued.occurredAt(), withdrawn.queuedAt());
        given().get("/contacts/" + contact).then().body("state", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo("ABANDONED"));
        given().get("/queues/" + queue + "/stats").then().body("depth", equalTo(0));

        PROBE.send(Topics.CONTACTS_RECEIVED, contact, record);
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);
        var again = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactWithdrawn.class, 1);
        assertTrue(again.stream().allMatch(w -> w.eventId().equals(withdrawn.eventId())),
                "a redelivered abandon re-publishes the same event at most: " + again);

        status(agent, "AVAILABLE");
        assertTrue(noneWithin(Topics.CONTACTS_ASSIGNMENTS, contact, "ContactOffered", Duration.ofSeconds(2)),
                "an abandoned contact is never offered");
        given().get("/agents/" + agent).then().body("load.CHAT", equalTo(0));
    }

    @Test
    void anOfferedContactAbandonedFreesTheAgentWhoTakesTheNextWaitingContact() {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String offeredContact = unique("c");
        String waiting = unique("c");
        arrive(offeredContact, Channel.CHAT, lang);
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, offeredContact, ContactOffered.class).agentId());
        arrive(waiting, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, waiting, ContactQueued.class);

        abandon(offeredContact);
        ContactWithdrawn withdrawn = event(Topics.CONTACTS_ASSIGNMENTS, offeredContact, ContactWithdrawn.class);
        assertEquals(agent, withdrawn.agentId(), "the withdrawn offer names its agent");
        assertEquals("ABANDONED", withdrawn.reason());
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, waiting, ContactOffered.class).agentId());
        given().get("/agents/" + agent).then().body("load.CHAT", equalTo(1));
        given().contentType(io.restassured.http.ContentType.JSON)
                .post("/agents/" + agent + "/offers/" + offeredContact + "/accept").then().statusCode(409);
    }

    @Test
    void anAbandonOfAnAssignedContactChangesNothing() {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        command(agent, "/offers/" + contact + "/accept", Map.of());

        abandon(contact);
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);
        assertTrue(noneWithin(Topics.CONTACTS_ASSIGNMENTS, contact, "ContactWithdrawn", Duration.ofSeconds(1)));
        given().get("/contacts/" + contact).then().body("state", equalTo("ASSIGNED"))
                .body("agentId", equalTo(agent));
        given().get("/agents/" + agent).then().body("load.CHAT", equalTo(1));
    }
}
