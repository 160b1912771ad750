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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactHeld;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactResumed;
import io.tierline.events.ContactTransferred;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Topics;
import io.tierline.events.WrapUpEnded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hold, resume and transfer during a handling; hold time is its own part of the handle time. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class HoldTransferTest {

    private final String lang = language();
    private final String queue = unique("l1");
    private final String agent = unique("agent");

    private String assigned(Channel channel) {
        putQueue(queue, 1, lang, channel);
        putAgent(agent, 1, lang, Map.of(channel.name(), 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, channel, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        command(agent, "/offers/" + contact + "/accept", Map.of());
        return contact;
    }

    private static void post(String agentId, String path, Object body, int status) {
        asAdmin().contentType(ContentType.JSON).body(body).post("/agents/" + agentId + path).then().statusCode(status);
    }

    @Test
    void holdAndResumeAreEventsAndHoldTimeIsNotTalkTime() throws Exception {
        String contact = assigned(Channel.PHONE);
        OfferAccepted accepted = event(Topics.CONTACTS_ASSIGNMENTS, contact, OfferAccepted.class);
        post(agent, "/contacts/" + contact + "/resume", Map.of(), 409);

        post(agent, "/contacts/" + contact + "/hold", Map.of(), 200);
        post(agent, "/contacts/" + contact + "/hold", Map.of(), 200);
        List<ContactHeld> held = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactHeld.class, 2);
        assertEquals(1, held.stream().map(ContactHeld::eventId).distinct().count(), "a repeat is the same event");
        assertEquals(agent, held.get(0).agentId());
        Thread.sleep(300);
        asAdmin().contentType(ContentType.JSON).post("/agents/" + agent + "/contacts/" + contact + "/resume")
                .then().statusCode(200).body("heldAt", equalTo(null));
        ContactResumed resumed = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactResumed.class);
        assertEquals(Duration.between(held.get(0).occurredAt(), resumed.occurredAt()).toMillis(),
                resumed.holdMillis());
        assertTrue(resumed.holdMillis() >= 300, "held at least as long as the test waited");

        post(agent, "/contacts/" + contact + "/hold", Map.of(), 200);
        List<ContactHeld> holds = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactHeld.class, 3);
        ContactHeld second = holds.get(holds.size() - 1);
        Thread.sleep(200);
        command(agent, "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "DONE"));
        ContactResolved resolved = event(Topics.CONTACTS_RESOLVED, contact, ContactResolved.class);
        long secondHold = Duration.between(second.occurredAt(), resolved.occurredAt()).toMillis();
        assertEquals(resumed.holdMillis() + secondHold, resolved.holdMillis(),
                "a hold running at resolve ends with it");
        assertEquals(Duration.between(accepted.occurredAt(), resolved.occurredAt()).toMillis()
                - resolved.holdMillis(), resolved.talkMillis());

        command(agent, "/wrap-up/complete", Map.of());
        WrapUpEnded ended = event(Topics.CONTACTS_ASSIGNMENTS, contact, WrapUpEnded.class);
        assertEquals(resolved.holdMillis(), ended.holdMillis());
        assertEquals(resolved.talkMillis(), ended.talkMillis());
        assertEquals(Duration.between(ended.acceptedAt(), ended.occurredAt()).toMillis(), ended.handleMillis());
        post(agent, "/contacts/" + contact + "/hold", Map.of(), 409);
    }

    @Test
    void holdTimeTravelsOnAnEscalationToo() throws Exception {
        String contact = assigned(Channel.CHAT);
        post(agent, "/contacts/" + contact + "/hold", Map.of(), 200);
        ContactHeld held = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactHeld.class);
        Thread.sleep(100);
        command(agent, "/contacts/" + contact + "/escalate", Map.of("reason", "needs tier 2"));
        ContactUnresolved unresolved = event(Topics.CONTACTS_UNRESOLVED, contact, ContactUnresolved.class);
        assertEquals(Duration.between(held.occurredAt(), unresolved.occurredAt()).toMillis(), unresolved.holdMillis());
    }

    @Test
    void holdOfAnOfferOrOfAnotherAgentsContactIsAConflict() {
        putQueue(queue, 1, lang, Channel.CHAT);
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        String stranger = unique("stranger");
        putAgent(stranger, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        post(agent, "/contacts/" + contact + "/hold", Map.of(), 409);
        command(agent, "/offers/" + contact + "/accept", Map.of());
        post(stranger, "/contacts/" + contact + "/hold", Map.of(), 409);
        post(stranger, "/contacts/" + contact + "/transfer", Map.of("queueId", queue), 409);
        post(agent, "/contacts/" + contact + "/transfer", Map.of("queueId", unique("nowhere")), 404);
        post(agent, "/contacts/" + contact + "/transfer", Map.of("queueId", queue), 400);
        post(agent, "/contacts/" + contact + "/transfer", Map.of(), 400);
        asAdmin().get("/contacts/" + contact).then().body("state", equalTo("ASSIGNED")).body("transfers", equalTo(0));
    }

    @Test
    void aTransferQueuesTheContactInTheTargetQueueFreesTheAgentAndCountsForFcr() throws Exception {
        String contact = assigned(Channel.CHAT);
        String specialists = unique("l2");
        String specialist = unique("specialist");
        putQueue(specialists, 2, lang, Channel.CHAT);
        putAgent(specialist, 2, lang, Map.of("CHAT", 1));
        status(specialist, "AVAILABLE");
        post(agent, "/contacts/" + contact + "/hold", Map.of(), 200);

        asAdmin().contentType(ContentType.JSON).body(Map.of("queueId", specialists))
                .post("/agents/" + agent + "/contacts/" + contact + "/transfer").then().statusCode(200)
                .body("transfers", equalTo(1));
        ContactTransferred transferred = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactTransferred.class);
        assertEquals(agent, transferred.agentId());
        assertEquals(queue, transferred.queueId());
        assertEquals(1, transferred.tier());
        assertEquals(specialists, transferred.toQueueId());
        assertEquals(2, transferred.toTier());
        ContactHeld held = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactHeld.class);
        assertEquals(Duration.between(held.occurredAt(), transferred.occurredAt()).toMillis(),
                transferred.holdMillis());
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(0));

        List<ContactQueued> queued = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class, 2);
        assertEquals(specialists, queued.get(queued.size() - 1).queueId());
        List<ContactOffered> offers = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class, 2);
        assertEquals(List.of(agent, specialist), offers.stream().map(ContactOffered::agentId).toList());

        asAdmin().contentType(ContentType.JSON).body(Map.of("queueId", specialists))
                .post("/agents/" + agent + "/contacts/" + contact + "/transfer").then().statusCode(409);
        command(specialist, "/offers/" + contact + "/accept", Map.of());
        command(specialist, "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "FIXED"));
        ContactResolved resolved = event(Topics.CONTACTS_RESOLVED, contact, ContactResolved.class);
        assertEquals(1, resolved.transfers());
        assertEquals(2, resolved.tier());
        assertEquals(specialists, resolved.queueId());
        assertEquals(0, resolved.holdMillis(), "the hold belonged to the first handling");
        assertFalse(resolved.firstContactResolution());
    }
}
