package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
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
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactWithdrawn;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Abandons and deflections (self-service solved it) from intake take a waiting or offered contact off its queue
 * at once; idempotent. Every case runs for both.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class AbandonTest {

    private final String lang = language();
    private final String queue = unique("l1");
    private final String agent = unique("agent");

    /** How the customer left: the event intake publishes and the reason routing gives the withdrawal. */
    enum Departure {
        ABANDONED, DEFLECTED;

        /** Publishes this departure of the contact on contacts.received; the record's JSON. */
        String send(String contactId) {
            Instant received = Instant.now().minusSeconds(30);
            String json = this == ABANDONED
                    ? EventJson.write(new ContactAbandoned(EventIds.random(), contactId, Instant.now(),
                            "cust-" + contactId, Channel.CHAT, "billing", received))
                    : EventJson.write(new ContactDeflected(EventIds.random(), contactId, Instant.now(),
                            "cust-" + contactId, Channel.CHAT, "billing", "kb-1", received));
            PROBE.send(Topics.CONTACTS_RECEIVED, contactId, json);
            return json;
        }
    }

    private static boolean noneWithin(String topic, String contactId, String type, Duration within) {
        return PROBE.await(topic, r -> contactId.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""),
                1, within).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Departure.class)
    void aQueuedContactAbandonedLeavesItsQueueOnceAndIsNeverOffered(Departure departure) {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        ContactQueued queued = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class);

        String record = departure.send(contact);
        ContactWithdrawn withdrawn = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactWithdrawn.class);
        assertEquals(departure.name(), withdrawn.reason());
        assertNull(withdrawn.agentId());
        assertEquals(queue, withdrawn.queueId());
        assertEquals(queued.occurredAt(), withdrawn.queuedAt());
        asAdmin().get("/contacts/" + contact).then().body("state", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo(departure.name()));
        asAdmin().get("/queues/" + queue + "/stats").then().body("depth", equalTo(0));

        PROBE.send(Topics.CONTACTS_RECEIVED, contact, record);
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);
        var again = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactWithdrawn.class, 1);
        assertTrue(again.stream().allMatch(w -> w.eventId().equals(withdrawn.eventId())),
                "a redelivered " + departure + " re-publishes the same event at most: " + again);

        status(agent, "AVAILABLE");
        assertTrue(noneWithin(Topics.CONTACTS_ASSIGNMENTS, contact, "ContactOffered", Duration.ofSeconds(2)),
                "a withdrawn contact is never offered");
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(0));
    }

    @ParameterizedTest
    @EnumSource(Departure.class)
    void anOfferedContactAbandonedFreesTheAgentWhoTakesTheNextWaitingContact(Departure departure) {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String offeredContact = unique("c");
        String waiting = unique("c");
        arrive(offeredContact, Channel.CHAT, lang);
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, offeredContact, ContactOffered.class).agentId());
        arrive(waiting, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, waiting, ContactQueued.class);

        departure.send(offeredContact);
        ContactWithdrawn withdrawn = event(Topics.CONTACTS_ASSIGNMENTS, offeredContact, ContactWithdrawn.class);
        assertEquals(agent, withdrawn.agentId(), "the withdrawn offer names its agent");
        assertEquals(departure.name(), withdrawn.reason());
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, waiting, ContactOffered.class).agentId());
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(1));
        asAdmin().contentType(io.restassured.http.ContentType.JSON)
                .post("/agents/" + agent + "/offers/" + offeredContact + "/accept").then().statusCode(409);
    }

    @ParameterizedTest
    @EnumSource(Departure.class)
    void anAbandonOfAnAssignedContactChangesNothing(Departure departure) {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        command(agent, "/offers/" + contact + "/accept", Map.of());

        departure.send(contact);
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);
        assertTrue(noneWithin(Topics.CONTACTS_ASSIGNMENTS, contact, "ContactWithdrawn", Duration.ofSeconds(1)));
        asAdmin().get("/contacts/" + contact).then().body("state", equalTo("ASSIGNED"))
                .body("agentId", equalTo(agent));
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(1));
    }
}
