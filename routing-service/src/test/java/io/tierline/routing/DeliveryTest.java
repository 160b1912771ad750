package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.PROBE;
import static io.tierline.routing.Fixtures.WAIT;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.received;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.events.Topics;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At-least-once delivery: a redelivered record changes nothing; a poison record goes to routing.dlq. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DeliveryTest {

    private final String lang = language();
    private final String queue = unique("l1");
    private final String agent = unique("agent");

    @BeforeEach
    void setUp() {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 2));
        status(agent, "AVAILABLE");
    }

    @Test
    void aRedeliveredContactReceivedChangesNothing() {
        String contact = unique("c");
        String record = EventJson.write(received(contact, Channel.CHAT, lang, Priority.HIGH));
        PROBE.send(Topics.CONTACTS_RECEIVED, contact, record);
        event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);

        PROBE.send(Topics.CONTACTS_RECEIVED, contact, record);
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);

        assertEquals(1, events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class, 1).size());
        assertEquals(1, events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class, 1).size());
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(1));
        asAdmin().get("/contacts/" + contact).then().body("state", equalTo("OFFERED"))
                .body("priority", equalTo("HIGH"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String poisonKey = unique("poison");
        String wrongTypeKey = unique("wrong-type");
        PROBE.send(Topics.CONTACTS_RECEIVED, poisonKey, "this is not JSON {");
        PROBE.send(Topics.CONTACTS_RECEIVED, wrongTypeKey, "{\"type\":\"ContactQueued\",\"eventId\":\"e-1\"}");
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);

        var dead = PROBE.awaitKey(Topics.dlq("routing"), poisonKey, 1, WAIT);
        assertEquals(1, dead.size());
        assertEquals("this is not JSON {", dead.get(0).value());
        assertNotNull(KafkaProbe.header(dead.get(0), "dead-letter-reason"));
        assertEquals(Topics.CONTACTS_RECEIVED, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
        assertEquals(1, PROBE.awaitKey(Topics.dlq("routing"), wrongTypeKey, 1, WAIT).size());
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());
    }

    @Test
    void aPoisonEscalationAlsoGoesToTheDeadLetterTopic() {
        String poisonKey = unique("poison");
        PROBE.send(Topics.CONTACTS_ESCALATED, poisonKey, "[1,2,3]");

        var dead = PROBE.awaitKey(Topics.dlq("routing"), poisonKey, 1, WAIT);
        assertEquals(1, dead.size());
        assertEquals(Topics.CONTACTS_ESCALATED, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
    }
}
