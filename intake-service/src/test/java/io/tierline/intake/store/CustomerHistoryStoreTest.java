package io.tierline.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tierline.embedded.SharedInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The customer history against the store over TCP: the first contacts of a customer and category at once. */
class CustomerHistoryStoreTest {

    private static final int CUSTOMERS = 60;
    private static final int AT_ONCE = 6;

    @Test
    void aLaterContactReplacesTheLatestOfEachOfHundredsOfCustomersInTheFileBackedStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        try (io.tierline.embedded.EmbeddedMongo mongo = io.tierline.embedded.EmbeddedMongo.start(0, dir.resolve("store.mv"));
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            CustomerHistoryStore store = new CustomerHistoryStore(client, "history");
            for (int c = 0; c < 500; c++) {
                store.record("cust-" + c, c % 2 == 0 ? "account" : "billing", "C-" + c + "-1", now);
            }
            for (int c = 0; c < 500; c++) {
                String category = c % 2 == 0 ? "account" : "billing";
                store.record("cust-" + c, category, "C-" + c + "-2", now.plusSeconds(5));
                assertEquals(Optional.of("C-" + c + "-2"), store.latest("cust-" + c, category, now, now.plusSeconds(10)));
            }
        }
    }

    @Test
    void contactsOfANewCustomerArrivingTogetherAreAllRecordedAndOneIsTheLatest() throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(AT_ONCE);
        try (MongoClient client = MongoClients.create(SharedInfra.get().mongo().connectionString())) {
            CustomerHistoryStore store = new CustomerHistoryStore(client, "history-" + UUID.randomUUID());
            for (int c = 0; c < CUSTOMERS; c++) {
                String customer = "cust-" + c;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writes = new ArrayList<>();
                for (int w = 0; w < AT_ONCE; w++) {
                    String contact = "C-" + c + "-" + w;
                    writes.add(writers.submit(() -> {
                        try {
                            start.await();
                            store.record(customer, "billing", contact, now);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> write : writes) {
                    write.get();
                }
                Optional<String> latest = store.latest(customer, "billing", now.minus(Duration.ofHours(1)),
                        now.plusSeconds(1));
                assertTrue(latest.isPresent() && latest.get().startsWith("C-" + c + "-"), customer + ": " + latest);
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(failures), "no write failed");
    }

    @Test
    void theKeyTellsApartCustomersAndCategoriesThatShareCharacters() {
        assertTrue(!CustomerHistoryStore.key("b|c", "a").equals(CustomerHistoryStore.key("c", "a|b")));
        assertEquals("7:billing|cust-1", CustomerHistoryStore.key("cust-1", "billing"));
    }
}
