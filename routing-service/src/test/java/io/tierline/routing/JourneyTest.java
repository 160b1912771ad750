package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.PROBE;
import static io.tierline.routing.Fixtures.WAIT;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.command;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.send;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.SseClient;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.ContactHeld;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactResolved;
import io.tierline.events.EventJson;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.OfferAccepted;
import io.tierline.events.OfferDeclined;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import io.tierline.events.WrapUpEnded;
import io.tierline.routing.messaging.AssignmentBroadcaster;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A contact's way through routing at tier 1: queued, offered on the agent's stream, accepted, resolved. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class JourneyTest {

    @Inject
    AssignmentBroadcaster broadcaster;

    private final String lang = language();
    private final String queue = unique("l1-chat");
    private final String agent = unique("alice");

    @BeforeEach
    void setUp() {
        Fixtures.awaitReady();
        putQueue(queue, 1, lang, Channel.CHAT);
    }

    @Test
    void aContactIsQueuedOfferedOnTheStreamAcceptedAndResolvedExactlyOnce() throws Exception {
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        String contact = unique("c");
        try (SseClient desk = new SseClient(Fixtures.assignmentsUrl(agent), Fixtures.TOKENS.agent(agent))) {
            status(agent, "AVAILABLE");
            arrive(contact, Channel.CHAT, lang);

            ContactQueued queued = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class);
            assertEquals(queue, queued.queueId());
            assertEquals(1, queued.tier());
            assertTrue(queued.reason().startsWith("first tier-1 queue by id"), queued.reason());

            SseClient.Event offer = desk.await("ContactOffered", contact, WAIT);
            var record = PROBE.await(Topics.CONTACTS_ASSIGNMENTS,
                    r -> contact.equals(r.key()) && r.value().contains("\"ContactOffered\""), 1, WAIT).get(0);
            assertEquals(record.value(), offer.data(), "the SSE data is the event JSON as on Kafka");
            var queuedRecord = PROBE.await(Topics.CONTACTS_ASSIGNMENTS,
                    r -> contact.equals(r.key()) && r.value().contains("\"ContactQueued\""), 1, WAIT).get(0);
            assertEquals(queuedRecord.partition(), record.partition());
            assertTrue(queuedRecord.offset() < record.offset(),
                    "ContactQueued first on the contact's partition");
            assertEquals(KafkaProbe.header(record, CloudEventHeaders.ID), offer.id());
            assertEquals("io.tierline.ContactOffered", KafkaProbe.header(record, CloudEventHeaders.TYPE));
            ContactOffered offered = EventJson.read(offer.data(), ContactOffered.class);
            assertEquals(offered.eventId(), offer.id());
            assertEquals(agent, offered.agentId());
            assertEquals(queue, offered.queueId());
            assertEquals("cust-" + contact, offered.customerId());
            assertEquals(Segment.VIP, offered.segment());
            assertEquals("Card declined", offered.subject());
            assertEquals(offered.occurredAt().plus(Duration.ofMinutes(5)), offered.expiresAt(),
                    "the CHAT offer timeout of the test profile");
            assertFalse(offer.data().contains("Ada") || offer.data().contains("ada@example.org")
                    || offer.data().contains("declined twice"), "no personal data in the offer");

            command(agent, "/offers/" + contact + "/accept", Map.of());
            OfferAccepted accepted = EventJson.read(desk.await("OfferAccepted", contact, WAIT).data(), OfferAccepted.class);
            assertEquals(queued.occurredAt(), accepted.queuedAt());

            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("resolutionCode", "CARD_UNBLOCKED", "notes", "unblocked the card"))
                    .post("/agents/" + agent + "/contacts/" + contact + "/resolve")
                    .then().statusCode(200).body("state", equalTo("RESOLVED")).body("agentId", equalTo(agent));

            List<ContactResolved> resolved = events(Topics.CONTACTS_RESOLVED, contact, ContactResolved.class, 1);
            assertEquals(1, resolved.size(), "exactly one ContactResolved");
            ContactResolved r = resolved.get(0);
            assertEquals(agent, r.agentId());
            assertEquals(queue, r.queueId());
            assertEquals("CARD_UNBLOCKED", r.resolutionCode());
            assertEquals("unblocked the card", r.notes());
            assertTrue(r.firstContactResolution());
            assertEquals(queued.occurredAt(), r.queuedAt());
            assertEquals(accepted.occurredAt(), r.acceptedAt());
            assertEquals(Duration.between(r.acceptedAt(), r.occurredAt()).toMillis(), r.talkMillis());
            assertEquals(0, r.holdMillis());

            asAdmin().get("/agents/" + agent).then().statusCode(200)
                    .body("status", equalTo("AVAILABLE")).body("load.CHAT", equalTo(1));

            // An event another instance sent reaches the stream through the fan-out. Once it has, the fan-out has
            // read every earlier event of the contact (same partition), this instance's own included, which reached
            // the stream when the broker acknowledged them: a copy streamed twice would be on the stream by now.
            ContactHeld elsewhere = new ContactHeld(unique("held-elsewhere"), contact, Instant.now(), agent, queue, 1,
                    Channel.CHAT);
            send(Topics.CONTACTS_ASSIGNMENTS, elsewhere);
            assertEquals(elsewhere.eventId(), desk.await("ContactHeld", contact, WAIT).id());
            List<String> ids = desk.events().stream().map(SseClient.Event::id).toList();
            assertEquals(Set.copyOf(ids).size(), ids.size(), "each event once on the stream: " + ids);
            assertEquals(List.of("ContactOffered", "OfferAccepted", "ContactHeld"),
                    desk.events().stream().map(SseClient.Event::name).toList());
        }
    }

    @Test
    void onConnectTheStreamShowsTheAgentsOpenOffersAndAssignmentsThenLiveEvents() throws Exception {
        putAgent(agent, 1, lang, Map.of("CHAT", 2));
        status(agent, "AVAILABLE");
        String first = unique("c");
        String second = unique("c");
        arrive(first, Channel.CHAT, lang);
        ContactOffered firstOffer = event(Topics.CONTACTS_ASSIGNMENTS, first, ContactOffered.class);
        command(agent, "/offers/" + first + "/accept", Map.of());
        OfferAccepted firstAccepted = event(Topics.CONTACTS_ASSIGNMENTS, first, OfferAccepted.class);
        arrive(second, Channel.CHAT, lang);
        ContactOffered secondOffer = event(Topics.CONTACTS_ASSIGNMENTS, second, ContactOffered.class);
        assertEquals(agent, firstOffer.agentId());

        try (SseClient desk = new SseClient(Fixtures.assignmentsUrl(agent), Fixtures.TOKENS.agent(agent))) {
            assertEquals(firstAccepted.eventId(), desk.await("OfferAccepted", first, WAIT).id());
            assertEquals(secondOffer.eventId(), desk.await("ContactOffered", second, WAIT).id());
            assertTrue(desk.comments().contains("connected"), desk.comments().toString());

            command(agent, "/offers/" + second + "/decline", Map.of());
            assertEquals(agent, EventJson.read(desk.await("OfferDeclined", second, WAIT).data(),
                    OfferDeclined.class).agentId());
            desk.events().forEach(e -> assertTrue(e.data().contains("\"agentId\":\"" + agent + "\""),
                    "only this agent's events: " + e));
            desk.awaitComment("heartbeat", WAIT);
            assertEquals(1, broadcaster.listeners(agent));
        }
        Awaitility.await().atMost(WAIT).until(() -> broadcaster.listeners(agent) == 0);
    }

    @Test
    void completingWrapUpEndsItAndTheAgentTakesTheNextWaitingContact() throws Exception {
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");
        String first = unique("c");
        String next = unique("c");
        arrive(first, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, first, ContactOffered.class);
        command(agent, "/offers/" + first + "/accept", Map.of());
        command(agent, "/contacts/" + first + "/resolve", Map.of("resolutionCode", "DONE"));
        ContactResolved resolved = event(Topics.CONTACTS_RESOLVED, first, ContactResolved.class);

        arrive(next, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, next, ContactQueued.class);
        assertTrue(PROBE.await(Topics.CONTACTS_ASSIGNMENTS, r -> next.equals(r.key())
                && r.value().contains("\"ContactOffered\""), 1, Duration.ofSeconds(2)).isEmpty(),
                "no offer while the only capacity is in wrap-up");
        asAdmin().get("/queues/" + queue + "/stats").then().statusCode(200)
                .body("depth", equalTo(1)).body("eligibleAgents", equalTo(1)).body("availableAgents", equalTo(0));

        asAdmin().contentType(ContentType.JSON).body(Map.of()).post("/agents/" + agent + "/wrap-up/complete")
                .then().statusCode(200).body("ended", contains(first));

        WrapUpEnded ended = event(Topics.CONTACTS_ASSIGNMENTS, first, WrapUpEnded.class);
        assertEquals(HandlingOutcome.RESOLVED, ended.outcome());
        assertEquals(agent, ended.agentId());
        assertEquals(resolved.acceptedAt(), ended.acceptedAt());
        assertEquals(resolved.occurredAt(), ended.handlingEndedAt());
        assertEquals(Duration.between(ended.acceptedAt(), ended.occurredAt()).toMillis(), ended.handleMillis());
        ContactOffered offered = event(Topics.CONTACTS_ASSIGNMENTS, next, ContactOffered.class);
        assertEquals(agent, offered.agentId());

        asAdmin().contentType(ContentType.JSON).body(Map.of()).post("/agents/" + agent + "/wrap-up/complete")
                .then().statusCode(200).body("ended.size()", equalTo(0));
        assertEquals(1, events(Topics.CONTACTS_ASSIGNMENTS, first, WrapUpEnded.class, 1).size());
    }

    @Test
    void aWrapUpEndsByItselfAfterTheQueuesWrapUpTime() {
        String shortQueue = unique("l1-short");
        String shortLang = language();
        putQueue(shortQueue, Map.of("name", "short wrap-up", "tier", 1, "channels", List.of("EMAIL"),
                "languages", List.of(shortLang), "wrapUpSeconds", 1));
        putAgent(agent, 1, shortLang, Map.of("EMAIL", 1));
        status(agent, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.EMAIL, shortLang);
        event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class);
        command(agent, "/offers/" + contact + "/accept", Map.of());
        command(agent, "/contacts/" + contact + "/resolve", Map.of("resolutionCode", "DONE"));

        WrapUpEnded ended = event(Topics.CONTACTS_ASSIGNMENTS, contact, WrapUpEnded.class);
        assertEquals(1000, ended.wrapUpMillis());
        asAdmin().get("/agents/" + agent).then().statusCode(200).body("load.EMAIL", equalTo(0));
    }
}
