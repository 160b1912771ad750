package io.tierline.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tierline.embedded.SharedInfra;
import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The batched writes of the contact store against the store over TCP: many requests at once, several with the same
 * idempotency key, so their inserts share bulk writes and a duplicate fails alone.
 */
class ContactStoreBatchTest {

    private static final int KEYS = 40;
    private static final int TRIES_PER_KEY = 4;
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void concurrentInsertsKeepOneContactPerKeyAndEveryOtherInsertOfTheBatchIsApplied() throws Exception {
        ExecutorService requests = Executors.newFixedThreadPool(KEYS * TRIES_PER_KEY);
        try (MongoClient client = MongoClients.create(SharedInfra.get().mongo().connectionString())) {
            ContactStore store = new ContactStore(client, "batch-" + UUID.randomUUID());
            store.createIndexes(null);
            CountDownLatch start = new CountDownLatch(1);
            List<List<Future<Boolean>>> inserts = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                List<Future<Boolean>> tries = new ArrayList<>();
                for (int t = 0; t < TRIES_PER_KEY; t++) {
                    Contact contact = contact("C-" + k + "-" + t, "key-" + k);
                    tries.add(requests.submit(() -> {
                        start.await();
                        return store.insertIfAbsent(contact);
                    }));
                }
                inserts.add(tries);
            }
            start.countDown();

            for (int k = 0; k < KEYS; k++) {
                int inserted = 0;
                for (Future<Boolean> insert : inserts.get(k)) {
                    inserted += insert.get() ? 1 : 0;
                }
                assertEquals(1, inserted, "key-" + k + ": exactly one insert applied");
                Contact stored = store.findByIdempotencyKey("key-" + k).orElseThrow();
                assertTrue(stored.contactId().startsWith("C-" + k + "-"), stored.contactId());
                assertEquals(PublishState.PENDING, stored.publishState());
            }
            assertEquals(KEYS, store.findPending(NOW.plusSeconds(1), KEYS * TRIES_PER_KEY).size());

            List<Future<?>> marks = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                String contactId = store.findByIdempotencyKey("key-" + k).orElseThrow().contactId();
                marks.add(requests.submit(() -> store.markPublished(contactId, NOW.plusSeconds(2))));
            }
            for (Future<?> mark : marks) {
                mark.get();
            }
            assertEquals(List.of(), store.findPending(NOW.plusSeconds(1), KEYS), "every contact marked PUBLISHED");
            store.close();
        } finally {
            requests.shutdownNow();
        }
    }

    private static Contact contact(String contactId, String key) {
        var content = new ContactContent(Channel.CHAT, new Customer("cust-" + key, "Ann", "ann@example.com", null,
                Segment.STANDARD), "en", "subject", "message", "gw-1", Map.of(), ChannelDetails.NONE);
        return new Contact(contactId, "e-" + contactId, key, "hash-" + key, content, "billing", Priority.NORMAL, null,
                ContactStatus.RECEIVED, NOW, PublishState.PENDING);
    }
}
