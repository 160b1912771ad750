package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.WAIT;
import static io.tierline.routing.Fixtures.arrive;
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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.SharedInfra;
import io.tierline.embedded.DeadLetterListing;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.Topics;
import io.tierline.platform.deadletter.DeadLetterPage;
import io.tierline.platform.deadletter.DeadLetterSettings;
import io.tierline.platform.deadletter.DeadLetters;
import io.tierline.platform.deadletter.ReplayStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /ops/dead-letters}: routing's dead letters listed with their error and consumer, fixed, replayed. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DeadLetterReplayTest {

    private static final String DLQ = Topics.dlq("routing");

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * The cause: escalation's answer (ContactEscalated) arrives while the contact is still offered to an L1
     * agent; routing will not pull a contact away from an agent, so the record is dead-lettered. The fix: the
     * offer is taken back (here the agent declines it). Replayed after the fix, the contact moves to tier 2.
     */
    @Test
    void anEscalationThatArrivedWhileTheContactWasOfferedIsReplayedAfterTheOfferIsTakenBack() {
        String lang = language();
        String l1 = unique("l1");
        String l2 = unique("l2");
        String alice = unique("alice");
        putQueue(l1, 1, lang, Channel.CHAT);
        putQueue(l2, 2, lang, Channel.CHAT);
        putAgent(alice, 1, lang, Map.of("CHAT", 1));
        status(alice, "AVAILABLE");
        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        assertEquals(alice, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());

        String caseId = unique("case");
        ContactEscalated escalation = escalated(contact, l2, lang, caseId);
        send(Topics.CONTACTS_ESCALATED, escalation);

        // listed with the error and the consumer
        Map<String, Object> dead = DeadLetterListing.await(contact, 1, WAIT).get(0);
        String id = (String) dead.get("id");
        assertEquals(DLQ, dead.get("deadLetterTopic"));
        assertEquals(Topics.CONTACTS_ESCALATED, dead.get("originalTopic"));
        assertNotNull(dead.get("originalOffset"));
        Map<?, ?> error = (Map<?, ?>) dead.get("error");
        assertTrue(((String) error.get("reason")).contains("with an agent"), error.toString());
        assertEquals(IllegalStateException.class.getName(), error.get("exceptionClass"));
        assertEquals(Map.of("service", "routing", "channel", "contacts-escalated", "group", "tierline-routing"),
                dead.get("consumer"));
        assertNotNull(dead.get("deadLetteredAt"));
        assertTrue(((String) dead.get("value")).contains(escalation.eventId()));
        assertEquals(false, dead.get("replayed"));
        asAdmin().get("/ops/dead-letters/" + id).then().statusCode(200).body("key", equalTo(contact))
                .body("replayed", equalTo(false));

        // replayed before the fix: it fails again and is a dead letter again, naming the first; nothing loops
        asAdmin().post("/ops/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("replayed", equalTo(true)).body("replay.topic", equalTo(Topics.CONTACTS_ESCALATED))
                .body("replay.replays", equalTo(1));
        List<Map<String, Object>> both = DeadLetterListing.await(contact, 2, WAIT);
        Map<String, Object> again = both.get(1);
        assertEquals(DLQ + "/" + id, again.get("replayOf"));
        assertEquals(false, again.get("replayed"));
        Fixtures.awaitConsumed(Topics.CONTACTS_ESCALATED);
        assertEquals(2, DeadLetterListing.forKey(contact).size(), "the failed replay is one new dead letter, not a loop");
        asAdmin().get("/contacts/" + contact).then().body("state", equalTo("OFFERED")).body("tier", equalTo(1));

        // the fix: the offer is taken back
        asAdmin().contentType(ContentType.JSON).post("/agents/" + alice + "/offers/" + contact + "/decline")
                .then().statusCode(200).body("state", equalTo("QUEUED"));

        asAdmin().post("/ops/dead-letters/" + again.get("id") + "/replay").then().statusCode(200)
                .body("replayed", equalTo(true));

        // the outcome: escalated to tier 2, exactly as if the record had arrived after the decline
        List<ContactQueued> queued = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class, 2);
        ContactQueued atTier2 = queued.get(queued.size() - 1);
        assertEquals(2, atTier2.tier());
        assertEquals(l2, atTier2.queueId());
        asAdmin().get("/contacts/" + contact).then().statusCode(200).body("state", equalTo("QUEUED"))
                .body("tier", equalTo(2)).body("queueId", equalTo(l2)).body("caseId", equalTo(caseId));
        Fixtures.awaitConsumed(Topics.CONTACTS_ESCALATED);
        assertEquals(2, DeadLetterListing.forKey(contact).size(), "the replay after the fix did not fail");
    }

    @Test
    void aDoubleReplayIsRecordedOnceAndAThirdIsAConflictUnlessForced() throws Exception {
        String key = unique("poison");
        Fixtures.PROBE.send(Topics.CONTACTS_RECEIVED, key, "this is { not json");
        String id = (String) DeadLetterListing.await(key, 1, WAIT).get(0).get("id");

        DeadLetterListing.replayTwiceAtOnce(id);
        var replays = mongo.getDatabase(database).getCollection(ReplayStore.COLLECTION);
        assertEquals(1, replays.countDocuments(Filters.eq("_id", DLQ + "/" + id)));
        assertEquals(1, replays.find(Filters.eq("_id", DLQ + "/" + id)).first().getInteger("replays"));

        DeadLetterListing.replayAgainIsAConflict(id);
        asAdmin().queryParam("force", "true").post("/ops/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("replay.replays", equalTo(2)).body("replay.lastReplayedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, replays.countDocuments(Filters.eq("_id", DLQ + "/" + id)));

        // every copy failed again and is a dead letter of its own, naming the one it replayed
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);
        List<Map<String, Object>> copies = DeadLetterListing.forKey(key).stream()
                .filter(d -> (DLQ + "/" + id).equals(d.get("replayOf"))).toList();
        assertTrue(copies.size() >= 2 && copies.size() <= 3, copies.toString());
    }

    @Test
    void replayAllReplaysWhatWasNotReplayedYetOnce() {
        String key = unique("poison");
        Fixtures.PROBE.send(Topics.CONTACTS_RECEIVED, key, "{\"type\":\"ContactReceived\",");
        String id = (String) DeadLetterListing.await(key, 1, WAIT).get(0).get("id");

        JsonPath first = asAdmin().post("/ops/dead-letters/replay").then().statusCode(200)
                .body("topic", equalTo(DLQ)).extract().jsonPath();
        assertTrue(first.getList("replayed", String.class).contains(id));
        JsonPath second = asAdmin().post("/ops/dead-letters/replay").then().statusCode(200).extract().jsonPath();
        assertFalse(second.getList("replayed", String.class).contains(id), "replayed once");
        assertTrue(second.getInt("alreadyReplayed") >= 1);
        asAdmin().get("/ops/dead-letters/" + id).then().body("replayed", equalTo(true));
    }

    @Test
    void pagesFollowEachOther() {
        String key = unique("poison");
        Fixtures.PROBE.send(Topics.CONTACTS_RECEIVED, key, "not json either");
        DeadLetterListing.await(key, 1, WAIT);
        JsonPath page = asAdmin().queryParam("limit", 1).get("/ops/dead-letters").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, page.getList("deadLetters").size());
        String next = page.getString("next");
        assertNotNull(next, "there is more than one dead letter");
        assertEquals(page.getString("deadLetters[0].id"), next);
        JsonPath following = asAdmin().queryParam("limit", 1).queryParam("after", next).get("/ops/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertNotEquals(next, following.getString("deadLetters[0].id"));
    }

    @Test
    void badRequestsAreProblems() {
        asAdmin().get("/ops/dead-letters/0-999999999").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asAdmin().post("/ops/dead-letters/0-999999999/replay").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asAdmin().post("/ops/dead-letters/not-an-id/replay").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("id"));
        asAdmin().queryParam("limit", "0").get("/ops/dead-letters").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        asAdmin().queryParam("limit", "many").get("/ops/dead-letters").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        asAdmin().queryParam("limit", "101").get("/ops/dead-letters").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        asAdmin().queryParam("after", "x-1").get("/ops/dead-letters").then().statusCode(400)
                .body("violations[0].field", equalTo("after"));
        asAdmin().queryParam("force", "maybe").post("/ops/dead-letters/0-0/replay").then().statusCode(400)
                .body("violations[0].field", equalTo("force"));
    }

    /** The same component on a dead-letter topic that does not exist, and on one that exists but is empty. */
    @Test
    void aTopicWithoutDeadLettersListsNothing() throws Exception {
        String missing = unique("routing.dlq-missing");
        String empty = unique("routing.dlq-empty");
        String bootstrap = SharedInfra.get().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(empty, 3, (short) 1))).all().get();
        }
        for (String topic : List.of(missing, empty)) {
            try (DeadLetters letters = new DeadLetters(
                    new DeadLetterSettings("routing", topic, Map.of("bootstrap.servers", bootstrap), 100, 4096,
                            Duration.ofSeconds(10)),
                    Map.of(), new ReplayStore(mongo.getDatabase(database).getCollection(ReplayStore.COLLECTION)),
                    Clock.systemUTC())) {
                DeadLetterPage page = letters.list((Integer) null, null);
                assertEquals(List.of(), page.deadLetters(), topic);
                assertNull(page.next());
                assertEquals(List.of(), letters.replayAll().replayed());
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertFalse(admin.listTopics().names().get().contains(missing), "listing created no topic");
        }
    }
}
