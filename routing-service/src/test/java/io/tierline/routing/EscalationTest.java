package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.command;
import static io.tierline.routing.Fixtures.escalated;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.send;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.EventJson;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.Priority;
import io.tierline.events.Topics;
import io.tierline.events.UnresolvedReason;
import io.tierline.events.WrapUpEnded;
import io.tierline.routing.messaging.RoutingEvents;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalate at tier 1, and escalation's answer queued at tier 2 and offered to a tier-2 agent. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class EscalationTest {

    private final String lang = language();
    private final String l1 = unique("l1");
    private final String l2 = unique("l2");
    private final String alice = unique("alice");
    private final String bob = unique("bob");

    @BeforeEach
    void setUp() {
        putQueue(l1, 1, lang, Channel.CHAT);
        putQueue(l2, 2, lang, Channel.CHAT, Channel.EMAIL);
        putAgent(alice, 1, lang, Map.of("CHAT", 1));
        putAgent(bob, 2, lang, Map.of("CHAT", 2));
        status(alice, "AVAILABLE");
        status(bob, "AVAILABLE");
    }

    @Test
    void anEscalatedContactIsUnresolvedAtTierOneThenQueuedAndOfferedAtTierTwo() {
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        assertEquals(alice, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());
        command(alice, "/offers/" + contact + "/accept", Map.of());
        command(alice, "/contacts/" + contact + "/escalate", Map.of("reason", "needs refund rights",
                "notes", "checked the ledger, refund stuck", "diagnostics", Map.of("ledgerRef", "LR-77")));

        ContactUnresolved unresolved = event(Topics.CONTACTS_UNRESOLVED, contact, ContactUnresolved.class);
        assertEquals(UnresolvedReason.AGENT_ESCALATED, unresolved.reason());
        assertEquals(alice, unresolved.agentId());
        assertEquals(l1, unresolved.queueId());
        assertEquals(1, unresolved.tier());
        assertEquals("cust-" + contact, unresolved.customer().id());
        assertEquals(lang, unresolved.language());
        assertEquals("billing", unresolved.category());
        assertEquals(Priority.NORMAL, unresolved.priority());
        assertEquals("Card declined", unresolved.subject());
        assertEquals("checked the ledger, refund stuck", unresolved.notes());
        assertEquals("LR-77", unresolved.diagnostics().get("ledgerRef"));
        assertEquals("needs refund rights", unresolved.diagnostics().get(RoutingEvents.AGENT_REASON));
        assertEquals(0, unresolved.escalations());
        assertNull(unresolved.caseId());
        asAdmin().get("/contacts/" + contact).then().statusCode(200).body("state", equalTo("ESCALATED"));

        ContactEscalated promoted = escalated(contact, l2, lang, unique("case"));
        send(Topics.CONTACTS_ESCALATED, promoted);

        ContactQueued queued = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class, 2).get(1);
        assertEquals(l2, queued.queueId());
        assertEquals(2, queued.tier());
        assertEquals(Priority.HIGH, queued.priority());
        ContactOffered offered = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class, 2).get(1);
        assertEquals(bob, offered.agentId());
        assertEquals(2, offered.tier());
        assertEquals(promoted.caseId(), offered.caseId());

        command(bob, "/offers/" + contact + "/accept", Map.of());
        command(bob, "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "REFUND_ISSUED"));
        ContactResolved resolved = event(Topics.CONTACTS_RESOLVED, contact, ContactResolved.class);
        assertEquals(2, resolved.tier());
        assertEquals(1, resolved.escalations());
        assertEquals(promoted.caseId(), resolved.caseId());
        assertFalse(resolved.firstContactResolution());

        command(alice, "/wrap-up/complete", Map.of());
        WrapUpEnded aliceDone = events(Topics.CONTACTS_ASSIGNMENTS, contact, WrapUpEnded.class, 1).get(0);
        assertEquals(alice, aliceDone.agentId());
        assertEquals(HandlingOutcome.ESCALATED, aliceDone.outcome());
        assertEquals(1, aliceDone.tier());
        assertEquals(l1, aliceDone.queueId());
    }

    @Test
    void aContactRoutingNeverSawIsCreatedFromItsEscalationAndARedeliveryChangesNothing() {
        String contact = unique("c");
        ContactEscalated promoted = escalated(contact, l2, lang, unique("case"));
        String json = EventJson.write(promoted);
        Fixtures.PROBE.send(Topics.CONTACTS_ESCALATED, contact, json);
        Fixtures.PROBE.send(Topics.CONTACTS_ESCALATED, contact, json);

        ContactOffered offered = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        assertEquals(bob, offered.agentId());
        assertEquals(promoted.caseId(), offered.caseId());
        Fixtures.awaitConsumed(Topics.CONTACTS_ESCALATED);

        assertEquals(1, events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class, 1).size());
        assertEquals(1, events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class, 1).size());
        asAdmin().get("/contacts/" + contact).then().statusCode(200)
                .body("state", equalTo("OFFERED")).body("tier", equalTo(2)).body("escalations", equalTo(1))
                .body("caseId", equalTo(promoted.caseId()));
        asAdmin().get("/agents/" + bob).then().body("load.CHAT", equalTo(1));
    }
}
