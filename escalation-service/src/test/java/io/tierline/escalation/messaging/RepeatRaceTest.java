package io.tierline.escalation.messaging;

import static io.tierline.escalation.TestEvents.asAdmin;
import static io.tierline.escalation.TestEvents.await;
import static io.tierline.escalation.TestEvents.awaitConsumed;
import static io.tierline.escalation.TestEvents.customer;
import static io.tierline.escalation.TestEvents.read;
import static io.tierline.escalation.TestEvents.received;
import static io.tierline.escalation.TestEvents.send;
import static io.tierline.escalation.TestEvents.unique;
import static io.tierline.escalation.TestEvents.unresolved;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.ContactEscalated;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A repeat contact's arrival and its escalation, consumed from two topics at once: the arrival attaches it to the
 * case of the contact it repeats, the escalation places it in a case; whichever comes second, the contact ends in
 * one case, the one its escalation names.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RepeatRaceTest {

    private static final int CUSTOMERS = 24;

    @Test
    void aRepeatArrivingWhileItIsEscalatedEndsInOneCase() {
        List<Customer> customers = new ArrayList<>();
        List<String> firsts = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            Customer customer = customer(unique("cust"), Segment.STANDARD);
            String first = unique("c");
            send(Topics.CONTACTS_UNRESOLVED, unresolved(first, customer, 1, "l1-en", null, 0, Priority.NORMAL));
            customers.add(customer);
            firsts.add(first);
        }
        firsts.forEach(first -> await(Topics.CONTACTS_ESCALATED, first, 1));

        // each repeat's arrival and escalation sent together, in either order: the two consumers race
        List<String> repeats = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String repeat = unique("c");
            var arrival = received(repeat, customers.get(i), "billing", Instant.now(), firsts.get(i));
            var escalation = unresolved(repeat, customers.get(i), 1, "l1-en", null, 0, Priority.NORMAL);
            if (i % 2 == 0) {
                send(Topics.CONTACTS_RECEIVED, arrival);
                send(Topics.CONTACTS_UNRESOLVED, escalation);
            } else {
                send(Topics.CONTACTS_UNRESOLVED, escalation);
                send(Topics.CONTACTS_RECEIVED, arrival);
            }
            repeats.add(repeat);
        }
        awaitConsumed(Topics.CONTACTS_RECEIVED);
        awaitConsumed(Topics.CONTACTS_UNRESOLVED);

        Map<String, String> misplaced = new TreeMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String repeat = repeats.get(i);
            String escalatedTo = read(await(Topics.CONTACTS_ESCALATED, repeat, 1), ContactEscalated.class).get(0)
                    .caseId();
            List<String> holding = casesHolding(customers.get(i).id(), repeat);
            if (!holding.equals(List.of(escalatedTo))) {
                misplaced.put(repeat, "escalated to " + escalatedTo + ", held by " + holding);
            }
        }
        assertEquals(Map.of(), misplaced, "each repeat in one case, the one its escalation went to");
    }

    /** The customer's cases that hold the contact. */
    private static List<String> casesHolding(String customerId, String contactId) {
        List<String> caseIds = asAdmin().queryParam("customerId", customerId).get("/cases").then().statusCode(200)
                .extract().jsonPath().getList("caseId", String.class);
        return caseIds.stream().filter(caseId -> asAdmin().get("/cases/" + caseId).then().statusCode(200).extract()
                .jsonPath().getList("contactIds", String.class).contains(contactId)).toList();
    }
}
