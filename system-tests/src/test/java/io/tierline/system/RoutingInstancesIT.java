package io.tierline.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tierline.embedded.EmbeddedKafka;
import io.tierline.embedded.EmbeddedMongo;
import io.tierline.embedded.FreePorts;
import io.tierline.embedded.JvmTokens;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactReceived;
import io.tierline.events.Customer;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.OfferTimedOut;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 4's "correct under concurrency": two packaged routing-service processes (same consumer group, same
 * store) on one embedded broker and store, hundreds of agents registered through both REST APIs, thousands of
 * ContactReceived produced concurrently straight onto {@code contacts.received}, desktops accepting and
 * resolving through both instances. From the event log: every contact assigned exactly once, no agent over
 * its channel capacity at any moment, nothing left waiting while an eligible agent is free. Then the same
 * with one instance killed (kill -9) mid-load; the survivor finishes everything. Then the survivor, now the only
 * instance, is killed mid-load and started again: it resumes from the store and the topics, losing and
 * doubling nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingInstancesIT {

    private static final String ADMIN = JvmTokens.get().admin();

    /** Agents and contacts per run; {@code -Dtierline.scale.agents} and {@code -Dtierline.scale.contacts} raise them. */
    private static final int AGENTS = Integer.getInteger("tierline.scale.agents", 200);
    private static final int CONTACTS_PER_RUN = Integer.getInteger("tierline.scale.contacts", 600);
    private static final int UNSERVABLE = 5;
    private static final Duration FINISH = Duration.ofSeconds(240);
    private static final List<String> LANGUAGES = List.of("en", "de");

    private static EmbeddedKafka kafka;
    private static EmbeddedMongo mongo;
    private static final List<io.tierline.embedded.ServiceProcess> routing = new ArrayList<>();
    private static final List<String> urls = new ArrayList<>();
    private static final Map<String, Map<String, Integer>> capacities = new LinkedHashMap<>();
    private static final List<String> allContacts = new ArrayList<>();
    private static final AssignmentLedger ledger = new AssignmentLedger();
    private static SimulatedDesktops desktops;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path root = Path.of(System.getProperty("tierline.root", ".."));
        Path logs = Files.createDirectories(root.resolve("system-tests/target/system-logs"));
        mongo = EmbeddedMongo.start(0, null);
        kafka = EmbeddedKafka.start(FreePorts.next(), FreePorts.next(), null).createCatalogueTopics(4);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongo.connectionString());
        Map<String, String> settings = new HashMap<>();
        settings.put("tierline.routing.offer-timeout.CHAT", "PT10S");
        settings.put("tierline.routing.offer-timeout.PHONE", "PT10S");
        settings.put("tierline.routing.wrap-up", "PT2S");
        settings.put("tierline.routing.recovery-age", "PT5S");
        settings.put("tierline.routing.recovery-sweep", "1s");
        // a killed member's partitions move to the survivor after this, not the 45 s default
        settings.put("mp.messaging.incoming.contacts-received.session.timeout.ms", "8000");
        settings.put("mp.messaging.incoming.contacts-escalated.session.timeout.ms", "8000");
        settings.put("quarkus.log.category.\"io.tierline\".level", "WARN");
        settings.put("quarkus.log.category.\"io.tierline.routing.Recovery\".level", "INFO");
        for (int i = 0; i < 2; i++) {
            routing.add(io.tierline.embedded.ServiceProcess.start(root, "routing-service", FreePorts.next(), env,
                    settings, logs, "384m"));
        }
        for (var instance : routing) {
            instance.awaitReady(Duration.ofSeconds(90));
            urls.add(instance.baseUrl());
        }
        setUpQueuesAndAgents();
    }

    private static void setUpQueuesAndAgents() {
        for (String language : LANGUAGES) {
            for (Channel channel : List.of(Channel.CHAT, Channel.PHONE)) {
                put(urls.get(0), "/queues/" + channel.name().toLowerCase() + "-" + language, Map.of("name", "Q",
                        "tier", 1, "channels", List.of(channel.name()), "languages", List.of(language)));
            }
        }
        // nobody speaks fr: these contacts wait, and may, since no eligible agent is free for them
        put(urls.get(1), "/queues/chat-fr", Map.of("name", "Q", "tier", 1, "channels", List.of("CHAT"),
                "languages", List.of("fr")));
        Map<String, Integer> homes = new HashMap<>();
        IntStream.range(0, AGENTS).parallel().forEach(i -> {
            String agent = "agent-" + i;
            List<String> languages = i % 3 == 0 ? LANGUAGES : List.of(LANGUAGES.get(i % 2));
            Map<String, Integer> capacity = Map.of("CHAT", 2 + i % 2, "PHONE", 1);
            synchronized (capacities) {
                capacities.put(agent, capacity);
                homes.put(agent, i % 2);
            }
            put(urls.get(i % 2), "/agents/" + agent, Map.of("name", "Agent " + i, "tier", 1,
                    "languages", languages, "skills", Map.of("billing", 5), "capacity", capacity));
        });
        desktops = new SimulatedDesktops(urls, homes, ledger, kafka.bootstrapServers());
        IntStream.range(0, AGENTS).parallel().forEach(i -> assertEquals(200,
                desktops.call("agent-" + i, "PUT", "/agents/agent-" + i + "/status", "{\"status\":\"AVAILABLE\"}")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (desktops != null) {
            desktops.close();
        }
        io.tierline.embedded.ServiceProcess.closeAll(routing);
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    @Order(1)
    void twoInstancesAssignEveryContactOnceAndKeepEveryAgentWithinCapacity() throws Exception {
        List<String> contacts = produce("a", CONTACTS_PER_RUN);
        produceUnservable();
        awaitResolved(contacts);
        checkInvariants("two instances");
    }

    @Test
    @Order(2)
    void theSurvivorFinishesEverythingWhenOneInstanceIsKilledMidLoad() throws Exception {
        CompletableFuture<List<String>> producing = CompletableFuture.supplyAsync(() -> produce("b", CONTACTS_PER_RUN));
        await().atMost(FINISH).until(() -> offersOf("b-") >= CONTACTS_PER_RUN / 4);
        var victim = routing.get(1);
        long pid = victim.pid();
        victim.kill();
        System.out.printf("killed routing instance pid %d after %d offers of the second run%n", pid, offersOf("b-"));
        awaitResolved(producing.get());
        checkInvariants("after kill -9 of one instance");
        List<String> log = Files.readAllLines(routing.get(0).log());
        System.out.printf("the survivor's recovery sweep finished %d stuck PENDING contacts and released %d"
                        + " unclaimed reservations%n", log.stream().filter(l -> l.contains("stuck PENDING")).count(),
                log.stream().filter(l -> l.contains("was never claimed")).count());
    }

    @Test
    @Order(3)
    void theOnlyInstanceKilledAndRestartedMidLoadLosesAndDoublesNothing() throws Exception {
        var lone = routing.stream().filter(io.tierline.embedded.ServiceProcess::isAlive).findFirst().orElseThrow();
        CompletableFuture<List<String>> producing = CompletableFuture.supplyAsync(() -> produce("c", CONTACTS_PER_RUN));
        await().atMost(FINISH).until(() -> offersOf("c-") >= CONTACTS_PER_RUN / 4);
        lone.kill();
        long offersAtKill = offersOf("c-");
        lone.restart().awaitReady(Duration.ofSeconds(90));
        System.out.printf("killed the only routing instance after %d offers of the third run and started it again%n",
                offersAtKill);
        // waiting contacts, offers (reservations) and agent states come back from the store and the topics
        awaitResolved(producing.get());
        checkInvariants("after kill -9 and restart of the only instance");
    }

    private static long offersOf(String prefix) {
        return ledger.all(ContactOffered.class).stream().filter(o -> o.contactId().startsWith(prefix)).count();
    }

    /** ContactReceived for {@code count} contacts, written by four threads at once; the contact ids. */
    private static List<String> produce(String run, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> run + "-" + i).toList();
        synchronized (allContacts) {
            allContacts.addAll(ids);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            IntStream.range(0, 4).parallel().forEach(t -> {
                for (int i = t; i < count; i += 4) {
                    Channel channel = i % 10 < 7 ? Channel.CHAT : Channel.PHONE;
                    producer.send(record(ids.get(i), channel, LANGUAGES.get(i % 2)));
                }
            });
            producer.flush();
        }
        return ids;
    }

    private static void produceUnservable() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < UNSERVABLE; i++) {
                producer.send(record("fr-" + i, Channel.CHAT, "fr"));
            }
        }
    }

    private static ProducerRecord<String, String> record(String contactId, Channel channel, String language) {
        ContactReceived received = new ContactReceived(EventIds.random(), contactId, Instant.now(), channel,
                new Customer("cust-" + contactId, null, null, null, Segment.STANDARD), language, "Help",
                null, "general", Priority.NORMAL, null, "gw", Map.of(), null, null, null, null, null);
        return new ProducerRecord<>(Topics.CONTACTS_RECEIVED, contactId, EventJson.write(received));
    }

    private static void awaitResolved(List<String> contacts) {
        await().atMost(FINISH).pollInterval(Duration.ofSeconds(1))
                .until(() -> ledger.unresolved(contacts).isEmpty());
    }

    private static void checkInvariants(String label) {
        List<String> contacts;
        synchronized (allContacts) {
            contacts = List.copyOf(allContacts);
        }
        var wrong = ledger.notAssignedExactlyOnce(contacts);
        assertTrue(wrong.isEmpty(), "contacts not assigned exactly once (contact=accepts): " + wrong);
        assertEquals(List.of(), ledger.unresolved(contacts));
        List<String> over = ledger.overCapacity(capacities);
        assertTrue(over.isEmpty(), "agents over capacity: " + over);
        String survivor = routing.stream().filter(io.tierline.embedded.ServiceProcess::isAlive).findFirst()
                .orElseThrow().baseUrl();
        // the handlings are over: once the last wrap-ups end, every agent's capacity is all free again
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> capacities.keySet().stream().allMatch(a -> idle(survivor, a)));
        // nothing waits while an eligible agent is free: only queues no available agent can serve have depth
        for (String queue : List.of("chat-en", "chat-de", "phone-en", "phone-de", "chat-fr")) {
            JsonPath stats = RestAssured.given().auth().oauth2(ADMIN).get(survivor + "/queues/" + queue + "/stats").jsonPath();
            assertTrue(stats.getInt("depth") == 0 || stats.getInt("availableAgents") == 0,
                    queue + " has waiting contacts and available agents: " + stats.prettify());
        }
        assertEquals(UNSERVABLE, RestAssured.given().auth().oauth2(ADMIN).get(survivor + "/queues/chat-fr/stats").jsonPath()
                .getInt("depth"), "the contacts no agent can take are still waiting");
        System.out.printf("%s: %d contacts, %d offers, %d accepted, %d timed out, %d resolved, %d desktop calls"
                        + " answered by the other instance; 0 double assignments, 0 capacity excesses%n", label,
                contacts.size(), ledger.all(ContactOffered.class).size(),
                ledger.all(io.tierline.events.OfferAccepted.class).size(), ledger.all(OfferTimedOut.class).size(),
                ledger.all(io.tierline.events.ContactResolved.class).size(), desktops.fallbacks());
    }

    private static boolean idle(String base, String agent) {
        Map<String, Integer> load = RestAssured.given().auth().oauth2(ADMIN).get(base + "/agents/" + agent).jsonPath().getMap("load");
        return load == null || load.values().stream().allMatch(v -> v == 0);
    }

    private static void put(String base, String path, Map<String, Object> body) {
        RestAssured.given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).put(base + path).then().statusCode(200);
    }
}
