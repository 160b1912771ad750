package io.tierline.escalation.api.ops;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.WAIT;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.awaitConsumed;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.sendRaw;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.DeadLetterListing;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import io.tierline.platform.deadletter.ReplayStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /ops/dead-letters}: escalation's dead letters listed with their error and consumer, fixed, replayed. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DeadLetterOpsTest {

    private static final String DLQ = Topics.dlq("escalation");

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * Every record escalation dead-letters today is malformed, except one that meets state it cannot read. The
     * cause here: the contact's open case document was damaged (a priority no version of Tierline writes, as a
     * hand edit or a faulty migration would leave it), so the tier-2 escalation of that contact cannot be placed
     * in its case and is dead-lettered. The fix: the document is repaired. Replayed after the fix, the contact
     * is escalated to tier 3 in the same case.
     */
    @Test
    void anEscalationIntoADamagedCaseIsReplayedAfterTheCaseIsRepaired() {
        String contactId = unique("c");
        Customer customer = customer(unique("cust"), Segment.STANDARD);
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer, 1, "l1-en", null, 0, Priority.NORMAL));
        ContactEscalated toTier2 = read(await(Topics.CONTACTS_ESCALATED, contactId, 1), ContactEscalated.class).get(0);
        MongoCollection<Document> cases = mongo.getDatabase(database).getCollection("cases");
        String goodPriority = cases.find(Filters.eq("_id", toTier2.caseId())).first().getString("priority");
        cases.updateOne(Filters.eq("_id", toTier2.caseId()), Updates.set("priority", "P1-URGENT"));

        ContactUnresolved fromTier2 = unresolved(contactId, customer, 2, "l2-general", toTier2.caseId(), 1,
                Priority.NORMAL);
        send(Topics.CONTACTS_UNRESOLVED, fromTier2);

        // listed with the error and the consumer
        Map<String, Object> dead = DeadLetterListing.await(contactId, 1, WAIT).get(0);
        String id = (String) dead.get("id");
        assertEquals(DLQ, dead.get("deadLetterTopic"));
        assertEquals(Topics.CONTACTS_UNRESOLVED, dead.get("originalTopic"));
        assertNotNull(dead.get("originalPartition"));
        Map<?, ?> error = (Map<?, ?>) dead.get("error");
        assertTrue(((String) error.get("reason")).contains("P1-URGENT"), error.toString());
        assertEquals(IllegalArgumentException.class.getName(), error.get("exceptionClass"));
        assertEquals(Map.of("service", "escalation", "channel", "contacts-unresolved", "group", "tierline-escalation"),
                dead.get("consumer"));
        assertTrue(((String) dead.get("value")).contains(fromTier2.eventId()));
        assertEquals(false, dead.get("replayed"));

        // replayed before the fix: a dead letter again, naming the first; nothing loops
        asAdmin().post("/ops/dead-letters/" + id + "/replay").then().statusCode(200).body("replayed", equalTo(true));
        Map<String, Object> again = DeadLetterListing.await(contactId, 2, WAIT).get(1);
        assertEquals(DLQ + "/" + id, again.get("replayOf"));
        awaitConsumed(Topics.CONTACTS_UNRESOLVED);
        assertEquals(2, DeadLetterListing.forKey(contactId).size(), "the failed replay is one new dead letter, not a loop");
        assertEquals(1, await(Topics.CONTACTS_ESCALATED, contactId, 1).size());

        // the fix: the case document is repaired
        cases.updateOne(Filters.eq("_id", toTier2.caseId()), Updates.set("priority", goodPriority));

        asAdmin().post("/ops/dead-letters/" + again.get("id") + "/replay").then().statusCode(200)
                .body("replayed", equalTo(true)).body("replay.topic", equalTo(Topics.CONTACTS_UNRESOLVED));

        // the outcome: escalated to tier 3 in the same case
        List<ContactEscalated> escalated = read(await(Topics.CONTACTS_ESCALATED, contactId, 2), ContactEscalated.class);
        assertEquals(2, escalated.size());
        ContactEscalated toTier3 = escalated.get(1);
        assertEquals(toTier2.caseId(), toTier3.caseId());
        assertEquals(3, toTier3.toTier());
        asAdmin().get("/cases/" + toTier2.caseId()).then().statusCode(200).body("tier", equalTo(3));
        awaitConsumed(Topics.CONTACTS_UNRESOLVED);
        assertEquals(2, DeadLetterListing.forKey(contactId).size(), "the replay after the fix did not fail");
    }

    @Test
    void aDoubleReplayIsRecordedOnceAndAThirdIsAConflictUnlessForced() throws Exception {
        String key = unique("poison");
        sendRaw(Topics.CONTACTS_RESOLVED, key, "{\"type\":\"ContactResolved\",\"eventId\":");
        String id = (String) DeadLetterListing.await(key, 1, WAIT).get(0).get("id");

        DeadLetterListing.replayTwiceAtOnce(id);
        var replays = mongo.getDatabase(database).getCollection(ReplayStore.COLLECTION);
        assertEquals(1, replays.countDocuments(Filters.eq("_id", DLQ + "/" + id)));
        assertEquals(1, replays.find(Filters.eq("_id", DLQ + "/" + id)).first().getInteger("replays"));
        DeadLetterListing.replayAgainIsAConflict(id);
        asAdmin().queryParam("force", "true").post("/ops/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("replay.replays", equalTo(2));
        asAdmin().get("/ops/dead-letters/" + id).then().statusCode(200).body("replay.replays", equalTo(2));
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        asAdmin().post("/ops/dead-letters/2-999999999/replay").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asAdmin().get("/ops/dead-letters/7-1").then().statusCode(404);
        asAdmin().post("/ops/dead-letters/x/replay").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("id"));
        asAdmin().queryParam("limit", "-3").get("/ops/dead-letters").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }
}
