package io.tierline.escalation;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.SharedInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactReceived;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactUnresolved;
import io.tierline.events.Customer;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.TierlineEvent;
import io.tierline.events.UnresolvedReason;
import io.tierline.identity.DevTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/** Builds the events routing would publish, and feeds and reads topics through the shared broker. */
public final class TestEvents {

    public static final String GROUP = "tierline-escalation";
    public static final Duration WAIT = Duration.ofSeconds(45);
    private static final KafkaProbe PROBE = KafkaProbe.shared();

    public static final DevTokens TOKENS = SharedInfra.get().tokens();
    private static final String ADMIN_TOKEN = TOKENS.admin();

    private TestEvents() {
    }

    /** A request as an admin, who may call every escalation endpoint. */
    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().oauth2(ADMIN_TOKEN);
    }

    /** A request with {@code token} (null: without credentials). */
    public static RequestSpecification as(String token) {
        return token == null ? RestAssured.given() : RestAssured.given().auth().oauth2(token);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static Customer customer(String customerId, Segment segment) {
        return new Customer(customerId, "Ada Example", "ada@example.org", "+15550100", segment);
    }

    public static ContactUnresolved unresolved(String contactId, Customer customer, int tier, String queueId,
            String caseId, int escalations, Priority priority) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ContactUnresolved(EventIds.random(), contactId, now, UnresolvedReason.AGENT_ESCALATED,
                "agent-t" + tier, queueId, tier, Channel.CHAT, customer, "en", "billing", priority,
                "Refund not received", "Tier " + tier + " checked the ledger; refund stuck in the gateway",
                Map.of("gateway.status", "PENDING", "$ledger", "ok"), escalations, caseId, null,
                now.minusSeconds(300), 240_000, 15_000);
    }

    public static ContactResolved resolved(String contactId, String customerId, int tier, String caseId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ContactResolved(EventIds.random(), contactId, now, "agent-t" + tier, "l2-general", tier,
                Channel.CHAT, customerId, "billing", caseId, "REFUND_ISSUED", "Refund re-sent via the gateway",
                tier - 1, 0, null, now.minusSeconds(600), now.minusSeconds(200), 180_000, 0);
    }

    public static OfferAccepted accepted(String contactId, String agentId, int tier, Instant at) {
        return new OfferAccepted(EventIds.random(), contactId, at, agentId, "q-tier" + tier, tier, Channel.CHAT,
                at.minusSeconds(30));
    }

    public static ContactQueued queued(String contactId, int tier) {
        return new ContactQueued(EventIds.random(), contactId, Instant.now(), "q-tier" + tier, tier, Channel.CHAT,
                Priority.NORMAL, "escalated");
    }

    public static void send(String topic, TierlineEvent event) {
        PROBE.send(topic, event.key(), EventJson.write(event));
    }

    public static void sendRaw(String topic, String key, String value) {
        PROBE.send(topic, key, value);
    }

    /** Records of one event type with this key, waiting until at least {@code count} arrived. */
    public static List<ConsumerRecord<String, String>> awaitType(String topic, String key, Class<? extends TierlineEvent> type,
            int count) {
        return PROBE.await(topic, r -> key.equals(r.key())
                && ("io.tierline." + type.getSimpleName()).equals(KafkaProbe.header(r, "ce_type")), count, WAIT);
    }

    /** Like {@link #awaitType} but returns whatever arrived within a second. */
    public static List<ConsumerRecord<String, String>> settleType(String topic, String key,
            Class<? extends TierlineEvent> type) {
        return PROBE.await(topic, r -> key.equals(r.key())
                && ("io.tierline." + type.getSimpleName()).equals(KafkaProbe.header(r, "ce_type")), 1,
                Duration.ofSeconds(1));
    }

    /** An unresolved contact with every field the policy can match on. */
    public static ContactUnresolved unresolved(String contactId, Customer customer, int tier, String queueId,
            int escalations, Priority priority, UnresolvedReason reason, Channel channel, String category,
            String repeatOf, Map<String, String> diagnostics) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ContactUnresolved(EventIds.random(), contactId, now, reason, "agent-t" + tier, queueId, tier,
                channel, customer, "en", category, priority, "Card charged twice", "Tier " + tier + " notes",
                diagnostics, escalations, null, repeatOf, now.minusSeconds(300), 240_000, 15_000);
    }

    public static ContactReceived received(String contactId, Customer customer, String category, Instant at) {
        return received(contactId, customer, category, at, null);
    }

    /** A new contact that intake found to repeat {@code repeatOf} (null: none). */
    public static ContactReceived received(String contactId, Customer customer, String category, Instant at,
            String repeatOf) {
        return new ContactReceived(EventIds.random(), contactId, at, Channel.EMAIL, customer, "en",
                "Still no refund", "Hello again", category, Priority.NORMAL, repeatOf, null, Map.of(), null,
                new io.tierline.events.EmailDetails("ada@example.org", "<m1@example.org>", null), null, null, null);
    }

    public static List<ConsumerRecord<String, String>> await(String topic, String key, int count) {
        return PROBE.awaitKey(topic, key, count, WAIT);
    }

    /** Returns whatever arrived within a second: after {@link #awaitConsumed}, for asserting that nothing did. */
    public static List<ConsumerRecord<String, String>> settle(String topic, String key) {
        return PROBE.awaitKey(topic, key, 1, Duration.ofSeconds(1));
    }

    /**
     * Waits until the service's consumer group has committed every record written to the topic so far:
     * whatever processing them was going to publish has been published.
     */
    public static void awaitConsumed(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.get().kafka().bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get();
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T extends TierlineEvent> List<T> read(List<ConsumerRecord<String, String>> records, Class<T> type) {
        return records.stream().map(r -> EventJson.read(r.value(), type)).toList();
    }
}
