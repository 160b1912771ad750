package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.CaseSlaBreached;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A case SLA breach raises the waiting contact's priority, once, and it is then served first. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class CaseSlaBreachTest {

    private final String lang = language();
    private final String queue = unique("l1");

    private static String breach(String contactId, Priority priority) {
        String json = EventJson.write(new CaseSlaBreached(EventIds.random(), contactId, Instant.now(), "case-1",
                "CASE-1", 1, "q", priority, Instant.now().minusSeconds(5)));
        Fixtures.PROBE.send(Topics.CONTACTS_ESCALATED, contactId, json);
        return json;
    }

    @Test
    void theBreachedContactGetsThePriorityOnceAndIsOfferedBeforeOlderOnes() {
        putQueue(queue, 1, lang, Channel.CHAT);
        String older = unique("c");
        String breached = unique("c");
        arrive(older, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, older, ContactQueued.class);
        arrive(breached, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, breached, ContactQueued.class);

        String record = breach(breached, Priority.HIGH);
        org.awaitility.Awaitility.await().atMost(Fixtures.WAIT).until(() -> "HIGH".equals(
                asAdmin().get("/contacts/" + breached).then().extract().path("priority")));
        Fixtures.PROBE.send(Topics.CONTACTS_ESCALATED, breached, record);
        breach(breached, Priority.LOW);
        Fixtures.awaitConsumed(Topics.CONTACTS_ESCALATED);
        asAdmin().get("/contacts/" + breached).then().body("priority", equalTo("HIGH"))
                .body("state", equalTo("QUEUED"));

        String agent = unique("agent");
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, breached, ContactOffered.class).agentId());
        assertTrue(Fixtures.PROBE.await(Topics.CONTACTS_ASSIGNMENTS, r -> older.equals(r.key())
                && r.value().contains("\"ContactOffered\""), 1, Duration.ofMillis(500)).isEmpty());
    }

    @Test
    void priorityRisesToTheEventsNeverDownAndOneStepWithoutOne() {
        assertEquals(Priority.URGENT, CaseSlaBreaches.raised(Priority.NORMAL, Priority.URGENT));
        assertEquals(Priority.HIGH, CaseSlaBreaches.raised(Priority.HIGH, Priority.LOW));
        assertEquals(Priority.HIGH, CaseSlaBreaches.raised(Priority.NORMAL, null));
        assertEquals(Priority.URGENT, CaseSlaBreaches.raised(Priority.URGENT, null));
    }
}
