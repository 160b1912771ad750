package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.WAIT;
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

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.EventJson;
import io.tierline.events.OfferTimedOut;
import io.tierline.events.Topics;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Offers time out after the channel's offer timeout (SMS: 2 s in the test profile): OfferTimedOut, the capacity
 * released, the agent AWAY (missed-offer), the contact back at the head of its queue for another agent.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class OfferTimeoutTest {

    private static final Duration SMS_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    ContactStore contacts;

    private final String lang = language();
    private final String queue = unique("l1-sms");

    @Test
    void anUnansweredOfferTimesOutTheAgentGoesAwayAndTheContactGoesToTheNextAgentFirst() {
        String sleepy = unique("sleepy");
        String awake = unique("awake");
        putQueue(queue, 1, lang, Channel.SMS);
        putAgent(sleepy, 1, lang, Map.of("SMS", 1));
        putAgent(awake, 1, lang, Map.of("SMS", 1));
        status(sleepy, "AVAILABLE");

        String first = unique("c");
        String later = unique("c");
        arrive(first, Channel.SMS, lang);
        ContactOffered offered = event(Topics.CONTACTS_ASSIGNMENTS, first, ContactOffered.class);
        assertEquals(sleepy, offered.agentId());
        assertEquals(offered.occurredAt().plus(SMS_TIMEOUT), offered.expiresAt());
        arrive(later, Channel.SMS, lang);
        Awaitility.await().atMost(WAIT).until(() -> "QUEUED".equals(
                asAdmin().get("/contacts/" + later).then().extract().path("state")));

        OfferTimedOut timedOut = event(Topics.CONTACTS_ASSIGNMENTS, first, OfferTimedOut.class);
        assertEquals(sleepy, timedOut.agentId());
        assertEquals(queue, timedOut.queueId());
        assertEquals(offered.expiresAt(), timedOut.occurredAt());
        AgentPresenceChanged away = awayEvent(sleepy);
        assertEquals(AgentStatus.AWAY, away.status());
        assertEquals(AgentStatus.AVAILABLE, away.previousStatus());
        assertEquals(OfferTimeouts.MISSED_OFFER, away.reason());
        asAdmin().get("/agents/" + sleepy).then().body("status", equalTo("AWAY")).body("load.SMS", equalTo(0));
        Awaitility.await().atMost(WAIT).until(() -> "QUEUED".equals(
                asAdmin().get("/contacts/" + first).then().extract().path("state")));
        asAdmin().contentType(ContentType.JSON).post("/agents/" + sleepy + "/offers/" + first + "/accept")
                .then().statusCode(409).contentType("application/problem+json");

        status(awake, "AVAILABLE");
        List<ContactOffered> offers = events(Topics.CONTACTS_ASSIGNMENTS, first, ContactOffered.class, 2);
        assertEquals(List.of(sleepy, awake), offers.stream().map(ContactOffered::agentId).toList(),
                "the timed-out contact, older than the other waiting one, goes first to the next agent");
        asAdmin().contentType(ContentType.JSON).post("/agents/" + awake + "/offers/" + first + "/accept")
                .then().statusCode(200).body("state", equalTo("ASSIGNED"));
        asAdmin().get("/contacts/" + later).then().body("state", equalTo("QUEUED"));
        assertEquals(1, events(Topics.CONTACTS_ASSIGNMENTS, first, OfferTimedOut.class, 1).size());
    }

    private static AgentPresenceChanged awayEvent(String agent) {
        List<AgentPresenceChanged> away = Fixtures.PROBE.await(Topics.AGENTS_PRESENCE, r -> agent.equals(r.key())
                && r.value().contains("\"status\":\"AWAY\""), 1, WAIT).stream()
                .map(r -> EventJson.read(r.value(), AgentPresenceChanged.class)).toList();
        assertEquals(1, away.size(), "exactly one AWAY: " + away);
        return away.get(0);
    }

    @Test
    void aTimeoutInterruptedAfterItsFirstStepIsFinishedByTheSweepFromTheStore() {
        String agent = unique("crashy");
        String other = unique("other");
        putQueue(queue, 1, lang, Channel.PHONE);
        putAgent(agent, 1, lang, Map.of("PHONE", 1));
        putAgent(other, 1, lang, Map.of("PHONE", 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.PHONE, lang);
        ContactOffered offered = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);

        // what a crash right after the lapse's first step leaves in the store (the phone offer is long)
        assertEquals(true, contacts.lapse(contact, new OfferLapse(agent, 1, queue, 1, offered.expiresAt())));

        OfferTimedOut timedOut = event(Topics.CONTACTS_ASSIGNMENTS, contact, OfferTimedOut.class);
        assertEquals(agent, timedOut.agentId());
        assertEquals(OfferTimeouts.MISSED_OFFER, awayEvent(agent).reason());
        asAdmin().get("/agents/" + agent).then().body("status", equalTo("AWAY")).body("load.PHONE", equalTo(0));
        Awaitility.await().atMost(WAIT).until(() -> "QUEUED".equals(
                asAdmin().get("/contacts/" + contact).then().extract().path("state")));
        status(other, "AVAILABLE");
        List<ContactOffered> offers = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class, 2);
        assertEquals(List.of(agent, other), offers.stream().map(ContactOffered::agentId).toList());
    }
}
