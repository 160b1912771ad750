package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.ContactWithdrawn;
import io.tierline.events.Topics;
import io.tierline.events.UnresolvedReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A contact waiting past its queue's maxWaitSeconds overflows, or without an overflow queue is an SLA breach. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class MaxWaitTest {

    private final String lang = language();

    @Test
    void aContactWaitingTooLongMovesToTheOverflowQueueAndIsMatchedThere() {
        String entry = unique("l1");
        String overflow = unique("l2-overflow");
        putQueue(overflow, 2, lang, Channel.CHAT);
        putQueue(entry, Map.of("name", "entry", "tier", 1, "channels", List.of("CHAT"), "languages", List.of(lang),
                "maxWaitSeconds", 1, "overflowQueueId", overflow));
        String backup = unique("backup");
        putAgent(backup, 2, lang, Map.of("CHAT", 1));
        status(backup, "AVAILABLE");

        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        List<ContactQueued> queued = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class, 2);
        assertEquals(List.of(entry, overflow), queued.stream().map(ContactQueued::queueId).toList());
        ContactQueued moved = queued.get(1);
        assertEquals(2, moved.tier());
        assertTrue(moved.reason().contains("maxWaitSeconds (1) of queue " + entry), moved.reason());
        assertTrue(Duration.between(queued.get(0).occurredAt(), moved.occurredAt()).toMillis() >= 1000,
                "not before the maximum wait");
        ContactOffered offered = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        assertEquals(backup, offered.agentId());
        assertEquals(overflow, offered.queueId());
        assertTrue(Fixtures.PROBE.await(Topics.CONTACTS_UNRESOLVED, r -> contact.equals(r.key()), 1,
                Duration.ofMillis(500)).isEmpty(), "an overflow is no SLA breach");
    }

    @Test
    void withoutAnOverflowQueueItIsWithdrawnAndPublishedUnresolvedAsAnSlaBreachOnce() {
        String entry = unique("l1");
        putQueue(entry, Map.of("name", "entry", "tier", 1, "channels", List.of("EMAIL"), "languages",
                List.of(lang), "maxWaitSeconds", 1));
        String contact = unique("c");
        arrive(contact, Channel.EMAIL, lang);
        ContactQueued queued = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class);

        ContactWithdrawn withdrawn = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactWithdrawn.class);
        assertEquals("SLA_BREACH", withdrawn.reason());
        assertNull(withdrawn.agentId());
        assertEquals(entry, withdrawn.queueId());
        assertEquals(queued.occurredAt(), withdrawn.queuedAt());
        assertTrue(Duration.between(queued.occurredAt(), withdrawn.occurredAt()).toMillis() >= 1000);
        ContactUnresolved unresolved = event(Topics.CONTACTS_UNRESOLVED, contact, ContactUnresolved.class);
        assertEquals(UnresolvedReason.SLA_BREACH, unresolved.reason());
        assertEquals(entry, unresolved.queueId());
        assertNull(unresolved.agentId());
        assertEquals("cust-" + contact, unresolved.customer().id());
        assertEquals(lang, unresolved.language());
        asAdmin().get("/contacts/" + contact).then().body("state", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo("SLA_BREACH"));

        String late = unique("late");
        putAgent(late, 1, lang, Map.of("EMAIL", 1));
        status(late, "AVAILABLE");
        assertEquals(1, events(Topics.CONTACTS_UNRESOLVED, contact, ContactUnresolved.class, 1).size());
        assertFalse(Fixtures.PROBE.await(Topics.CONTACTS_ASSIGNMENTS, r -> contact.equals(r.key())
                && r.value().contains("\"ContactOffered\""), 1, Duration.ofMillis(500)).size() > 0,
                "a withdrawn contact is not offered");
    }
}
