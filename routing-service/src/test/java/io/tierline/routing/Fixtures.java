package io.tierline.routing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierline.identity.DevTokens;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.SharedInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactReceived;
import io.tierline.events.Customer;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.TierlineEvent;
import io.tierline.events.Topics;
import io.tierline.events.UnresolvedReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * What the routing tests share: unique ids and a unique language per test (other tests' queues and agents
 * live in the same store), REST set-up calls, and Kafka records in and out.
 */
final class Fixtures {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** The agent's SSE stream on the application under test. */
    static String assignmentsUrl(String agentId) {
        return "http://localhost:" + io.restassured.RestAssured.port + "/agents/" + agentId + "/assignments";
    }
    static final KafkaProbe PROBE = KafkaProbe.shared();
    static final String GROUP = "tierline-routing";
    static final DevTokens TOKENS = SharedInfra.get().tokens();
    private static final String ADMIN_TOKEN = TOKENS.admin();

    private Fixtures() {
    }

    /** A request as an admin, who may call every routing endpoint. */
    static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }

    /** A request as agent {@code agentId}'s desktop. */
    static RequestSpecification asAgent(String agentId) {
        return given().auth().oauth2(TOKENS.agent(agentId));
    }

    /** A request with {@code token} (null: without credentials). */
    static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    /** Waits until the instance is ready, which includes the SSE fan-out following contacts.assignments. */
    static void awaitReady() {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** Waits until routing's consumer group has committed everything written to the topic so far. */
    static void awaitConsumed(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.get().kafka().bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
                    tp -> OffsetSpec.latest()))).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                var committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A language tag no other test uses, so routing can never pick another test's queue or agent. */
    static String language() {
        return "xx-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static void putQueue(String queueId, int tier, String language, Channel... channels) {
        putQueue(queueId, Map.of("name", "Queue " + queueId, "tier", tier, "channels", List.of(channels),
                "languages", List.of(language)));
    }

    static void putQueue(String queueId, Map<String, Object> body) {
        asAdmin().contentType(ContentType.JSON).body(body).put("/queues/" + queueId).then().statusCode(200);
    }

    static void putAgent(String agentId, int tier, String language, Map<String, Integer> capacity) {
        asAdmin().contentType(ContentType.JSON).body(agentBody(agentId, tier, language, capacity, null))
                .put("/agents/" + agentId).then().statusCode(200);
    }

    static Map<String, Object> agentBody(String agentId, int tier, String language, Map<String, Integer> capacity,
            String team) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Agent " + agentId, "tier", tier,
                "languages", List.of(language), "skills", Map.of("billing", 5), "capacity", capacity));
        if (team != null) {
            body.put("team", team);
        }
        return body;
    }

    static void status(String agentId, String status) {
        asAgent(agentId).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/agents/" + agentId + "/status").then().statusCode(200);
    }

    static void command(String agentId, String path, Object body) {
        asAgent(agentId).contentType(ContentType.JSON).body(body).post("/agents/" + agentId + path).then().statusCode(200);
    }

    static ContactReceived received(String contactId, Channel channel, String language, Priority priority) {
        return new ContactReceived(EventIds.random(), contactId, Instant.now(), channel,
                new Customer("cust-" + contactId, "Ada Lovelace", "ada@example.org", "+441234", Segment.VIP),
                language, "Card declined", "my card was declined twice", "billing", priority, null, "gw-1",
                Map.of(), null, null, null, null, null);
    }

    static ContactEscalated escalated(String contactId, String queueId, String language, String caseId) {
        return new ContactEscalated(EventIds.random(), contactId, Instant.now(), caseId, "CASE-1", 1, 2, queueId,
                Priority.HIGH, UnresolvedReason.AGENT_ESCALATED, 1, "v1", "rule-1", Channel.CHAT, language,
                "billing", new Customer("cust-" + contactId, "Ada Lovelace", "ada@example.org", null,
                        Segment.STANDARD), "Refund", null);
    }

    static void send(String topic, TierlineEvent event) {
        PROBE.send(topic, event.key(), EventJson.write(event));
    }

    static ContactReceived arrive(String contactId, Channel channel, String language) {
        ContactReceived event = received(contactId, channel, language, Priority.NORMAL);
        send(Topics.CONTACTS_RECEIVED, event);
        return event;
    }

    /** The contact's events of one type on a topic, waiting until {@code count} arrived. */
    static <T extends TierlineEvent> List<T> events(String topic, String key, Class<T> type, int count) {
        String marker = "\"type\":\"" + type.getSimpleName() + "\"";
        return PROBE.await(topic, r -> key.equals(r.key()) && r.value().contains(marker), count, WAIT).stream()
                .map(ConsumerRecord::value).map(json -> EventJson.read(json, type)).toList();
    }

    static <T extends TierlineEvent> T event(String topic, String key, Class<T> type) {
        List<T> found = events(topic, key, type, 1);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " for " + key + " on " + topic + " within " + WAIT);
        }
        return found.get(found.size() - 1);
    }
}
