package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.queued;
import static io.tierline.escalation.TestEvents.resolved;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.sendRaw;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.ContactEscalated;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DeadLetterTest {

    private static final String DLQ = Topics.dlq("escalation");

    @Test
    void aRecordThatIsNotJsonIsDeadLetteredAndTheNextRecordIsProcessed() {
        String contactId = unique("c");
        sendRaw(Topics.CONTACTS_UNRESOLVED, contactId, "this is { not json");
        // the same key: the same partition, right behind the poison record
        send(Topics.CONTACTS_UNRESOLVED,
                unresolved(contactId, customer(unique("cust"), Segment.STANDARD), 1, "l1", null, 0, Priority.NORMAL));

        ConsumerRecord<String, String> dead = single(await(DLQ, contactId, 1));
        assertEquals("this is { not json", dead.value());
        assertDeadLetterHeaders(dead, Topics.CONTACTS_UNRESOLVED);
        ContactEscalated next = EventJson.read(await(Topics.CONTACTS_ESCALATED, contactId, 1).get(0).value(),
                ContactEscalated.class);
        assertEquals(2, next.toTier());
    }

    @Test
    void anEventOfTheWrongTypeIsDeadLettered() {
        String contactId = unique("c");
        send(Topics.CONTACTS_UNRESOLVED, resolved(contactId, "cust", 1, null));

        ConsumerRecord<String, String> dead = single(await(DLQ, contactId, 1));
        assertDeadLetterHeaders(dead, Topics.CONTACTS_UNRESOLVED);
        assertTrue(KafkaProbe.header(dead, "dead-letter-reason").contains("expected ContactUnresolved"),
                KafkaProbe.header(dead, "dead-letter-reason"));
    }

    @Test
    void anUnresolvedEventWithAnImpossibleTierIsDeadLettered() {
        String contactId = unique("c");
        send(Topics.CONTACTS_UNRESOLVED,
                unresolved(contactId, customer(unique("cust"), Segment.STANDARD), 7, "l1", null, 0, Priority.NORMAL));

        assertDeadLetterHeaders(single(await(DLQ, contactId, 1)), Topics.CONTACTS_UNRESOLVED);
    }

    @Test
    void poisonOnTheResolvedAndAssignmentTopicsIsDeadLettered() {
        String onResolved = unique("c");
        String onAssignments = unique("c");
        sendRaw(Topics.CONTACTS_RESOLVED, onResolved, "{\"type\":\"ContactResolved\",\"eventId\":");
        send(Topics.CONTACTS_ASSIGNMENTS,
                unresolved(onAssignments, customer(unique("cust"), Segment.STANDARD), 1, "l1", null, 0, Priority.NORMAL));
        // valid records behind them are still consumed (a queued event is valid and ignored)
        send(Topics.CONTACTS_ASSIGNMENTS, queued(onAssignments, 1));

        assertDeadLetterHeaders(single(await(DLQ, onResolved, 1)), Topics.CONTACTS_RESOLVED);
        assertDeadLetterHeaders(single(await(DLQ, onAssignments, 1)), Topics.CONTACTS_ASSIGNMENTS);
        io.tierline.escalation.TestEvents.awaitConsumed(Topics.CONTACTS_ASSIGNMENTS);
        assertEquals(1, await(DLQ, onAssignments, 1).size(), "the queued event is not a dead letter");
    }

    private static ConsumerRecord<String, String> single(List<ConsumerRecord<String, String>> records) {
        assertEquals(1, records.size(), "exactly one dead letter");
        return records.get(0);
    }

    private static void assertDeadLetterHeaders(ConsumerRecord<String, String> dead, String sourceTopic) {
        assertEquals(sourceTopic, KafkaProbe.header(dead, "dead-letter-topic"));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-partition"));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-offset"));
        assertNotNull(KafkaProbe.header(dead, "dead-letter-reason"));
        assertTrue(KafkaProbe.header(dead, "dead-letter-exception-class-name").endsWith("MalformedEventException"),
                KafkaProbe.header(dead, "dead-letter-exception-class-name"));
    }
}
