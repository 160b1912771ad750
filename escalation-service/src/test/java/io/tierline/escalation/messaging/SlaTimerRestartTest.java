package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.awaitType;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.settleType;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.escalation.Case;
import io.tierline.escalation.policy.Policies;
import io.tierline.escalation.store.CaseStore;
import io.tierline.events.CaseSlaBreached;
import io.tierline.events.ContactEscalated;
import io.tierline.events.CustomerNotified;
import io.tierline.events.NotificationKind;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * "A restart loses no case and no pending SLA timer". A {@code @QuarkusTest} cannot stop and start its service
 * mid-test, so the restart is what follows the running instance: a store and a sweeper built afresh from nothing
 * but the database, with a clock set to after the pick-up was due (the service was down meanwhile). The running
 * instance's own sweeper, on the real clock, is not due for 30 minutes, so only the fresh one can raise the breach.
 */
@QuarkusTest
@TestProfile(SlaTimerRestartTest.OwnDatabase.class)
@QuarkusTestResource(TierlineTestInfra.class)
class SlaTimerRestartTest {

    /** A database of its own: the sweep sees only this test's case. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mongodb.database", "tierline-escalation-restart-tests");
        }
    }

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    EscalationPublisher publisher;

    @Inject
    Policies policies;

    @Test
    void aPickupThatFellDueWhileNoInstanceRanIsBreachedByAFreshSweeperReadingOnlyTheStore() {
        String contactId = unique("c");
        send(Topics.CONTACTS_UNRESOLVED, unresolved(contactId, customer(unique("cust"), Segment.STANDARD), 1,
                "l1-general", null, 0, Priority.NORMAL));
        ContactEscalated escalated = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, ContactEscalated.class, 1),
                ContactEscalated.class).get(0);

        // after the "restart": the case and its timer are read back from the store alone
        Case stored = new CaseStore(mongo, database).find(escalated.caseId()).orElseThrow();
        Instant due = stored.pickupDueAt();
        assertEquals(escalated.occurredAt().plus(Duration.ofMinutes(30)), due, "the tier-2 pick-up target");

        assertEquals(0, freshSweeper(due.minusSeconds(1)).sweep(), "not yet due");
        Instant restartedAt = due.plus(Duration.ofMinutes(5));
        assertEquals(1, freshSweeper(restartedAt).sweep());

        List<CaseSlaBreached> breaches = read(awaitType(Topics.CONTACTS_ESCALATED, contactId, CaseSlaBreached.class,
                1), CaseSlaBreached.class);
        assertEquals(due, breaches.get(0).pickupDueAt());
        assertEquals(restartedAt, breaches.get(0).occurredAt());
        assertEquals(Priority.HIGH, breaches.get(0).priority());
        CustomerNotified delayed = read(awaitType(Topics.CUSTOMERS_NOTIFICATIONS, contactId, CustomerNotified.class, 2),
                CustomerNotified.class).get(1);
        assertEquals(NotificationKind.DELAYED, delayed.kind());
        assertEquals(restartedAt.plus(Duration.ofMinutes(30)), delayed.expectedResponseBy());

        // yet another restart finds the breach recorded and published: nothing again
        assertEquals(0, freshSweeper(restartedAt.plus(Duration.ofHours(1))).sweep());
        assertEquals(1, settleType(Topics.CONTACTS_ESCALATED, contactId, CaseSlaBreached.class).size());
        asAdmin().get("/cases/" + escalated.caseId()).then().statusCode(200)
                .body("priority", equalTo("HIGH"))
                .body("history.kind", contains("ESCALATED", "SLA_BREACHED"));
        assertTrue(new CaseStore(mongo, database).find(escalated.caseId()).orElseThrow().isOpen());
    }

    private SlaSweeper freshSweeper(Instant now) {
        return new SlaSweeper(new CaseStore(mongo, database), publisher, policies, Clock.fixed(now, ZoneOffset.UTC),
                new SimpleMeterRegistry());
    }
}
