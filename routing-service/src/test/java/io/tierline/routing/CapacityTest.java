package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.PROBE;
import static io.tierline.routing.Fixtures.WAIT;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.received;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.events.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Capacity is never exceeded, whoever races: arrivals through Kafka, the agent coming online, and matching
 * run from many threads at once (as several routing instances would, on the same store).
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class CapacityTest {

    private static final int CONTACTS = 12;

    @Inject
    ContactRouter router;

    private final String lang = language();
    private final String queue = unique("l1");

    private List<String> arriveConcurrently() throws Exception {
        putQueue(queue, 1, lang, Channel.CHAT);
        List<String> contacts = new ArrayList<>();
        List<Callable<Void>> sends = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            String contact = unique("c");
            contacts.add(contact);
            String json = EventJson.write(received(contact, Channel.CHAT, lang, Priority.NORMAL));
            sends.add(() -> {
                PROBE.send(Topics.CONTACTS_RECEIVED, contact, json);
                return null;
            });
        }
        runAll(sends);
        return contacts;
    }

    /** The offers for these contacts: at least {@code atLeast}, plus any more already on the topic. */
    private List<ContactOffered> offers(List<String> contacts, int atLeast) {
        Set<String> keys = Set.copyOf(contacts);
        return PROBE.await(Topics.CONTACTS_ASSIGNMENTS,
                        r -> keys.contains(r.key()) && r.value().contains("\"type\":\"ContactOffered\""), atLeast, WAIT)
                .stream().map(r -> EventJson.read(r.value(), ContactOffered.class)).toList();
    }

    private void queued(List<String> contacts) {
        Set<String> keys = Set.copyOf(contacts);
        assertEquals(CONTACTS, PROBE.await(Topics.CONTACTS_ASSIGNMENTS,
                r -> keys.contains(r.key()) && r.value().contains("\"type\":\"ContactQueued\""), CONTACTS, WAIT)
                .size());
    }

    /** Every thread tries to match every contact and the agents, all at once. */
    private List<Callable<Void>> matchingStorm(List<String> contacts, List<String> agents) {
        List<Callable<Void>> storm = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            storm.add(() -> {
                contacts.forEach(router::matchContact);
                agents.forEach(router::matchAgent);
                return null;
            });
        }
        return storm;
    }

    @Test
    void concurrentArrivalsGiveAnAgentOfCapacityOneExactlyOneOffer() throws Exception {
        String agent = unique("solo");
        putAgent(agent, 1, lang, Map.of("CHAT", 1));
        status(agent, "AVAILABLE");

        List<String> contacts = arriveConcurrently();
        queued(contacts);
        runAll(matchingStorm(contacts, List.of(agent)));
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);

        List<ContactOffered> offers = offers(contacts, 1);
        assertEquals(1, offers.size(), "capacity 1 means one offer: " + offers);
        assertEquals(agent, offers.get(0).agentId());
        asAdmin().get("/agents/" + agent).then().body("load.CHAT", equalTo(1));
        asAdmin().get("/queues/" + queue + "/stats").then().body("depth", equalTo(CONTACTS - 1));
    }

    @Test
    void agentsComingOnlineDuringAMatchingStormGetExactlyTheirCapacity() throws Exception {
        String big = unique("big");
        String small = unique("small");
        putAgent(big, 1, lang, Map.of("CHAT", 2));
        putAgent(small, 1, lang, Map.of("CHAT", 1));
        List<String> contacts = arriveConcurrently();
        queued(contacts);

        List<Callable<Void>> race = new ArrayList<>(matchingStorm(contacts, List.of(big, small)));
        race.add(() -> {
            status(big, "AVAILABLE");
            return null;
        });
        race.add(() -> {
            status(small, "AVAILABLE");
            return null;
        });
        runAll(race);
        Fixtures.awaitConsumed(Topics.CONTACTS_RECEIVED);

        List<ContactOffered> offers = offers(contacts, 3);
        Map<String, Long> perAgent = offers.stream()
                .collect(Collectors.groupingBy(ContactOffered::agentId, Collectors.counting()));
        assertEquals(Map.of(big, 2L, small, 1L), perAgent, "offers per agent");
        assertEquals(3, offers.stream().map(ContactOffered::contactId).distinct().count(),
                "no contact offered twice");
        asAdmin().get("/agents/" + big).then().body("load.CHAT", equalTo(2));
        asAdmin().get("/agents/" + small).then().body("load.CHAT", equalTo(1));
    }

    private static void runAll(List<? extends Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = pool.invokeAll(tasks);
            for (Future<Void> f : futures) {
                f.get(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

}
