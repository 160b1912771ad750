package io.tierline.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import io.tierline.embedded.KafkaProbe;
import io.tierline.embedded.SharedInfra;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.Channel;
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactReceived;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import io.tierline.events.ContactResolved;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.Topics;
import io.tierline.events.TierlineEvent;
import io.tierline.events.WrapUpEnded;
import io.tierline.identity.DevTokens;
import io.tierline.metrics.streams.KpiState;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the events the tests feed, writes them to the real broker, and reads {@code GET /kpis}; requests with the
 * tokens of the test JVM's signer, whose public key the application under test trusts.
 */
public final class TestEvents {

    private static KafkaProbe probe;

    private TestEvents() {
    }

    public static synchronized KafkaProbe probe() {
        if (probe == null) {
            probe = KafkaProbe.shared();
        }
        return probe;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static ContactResolved resolved(String queueId, Channel channel, int tier, int escalations, int transfers,
            Instant at) {
        return resolved(unique("c"), queueId, channel, tier, escalations, transfers, at);
    }

    public static ContactResolved resolved(String contactId, String queueId, Channel channel, int tier,
            int escalations, int transfers, Instant at) {
        return new ContactResolved(EventIds.random(), contactId, at, "agent-1", queueId, tier, channel, "cust-1",
                "billing", null, "FIXED", "done", escalations, transfers, null, at.minusSeconds(900),
                at.minusSeconds(600), 500_000, 60_000);
    }

    /** A handling of {@code talk + hold + wrapUp} seconds that ended at {@code at}. */
    public static WrapUpEnded wrapUp(String queueId, Channel channel, int tier, long talk, long hold, long wrapUp,
            Instant at) {
        return wrapUp(unique("c"), queueId, channel, tier, talk, hold, wrapUp, at);
    }

    public static WrapUpEnded wrapUp(String contactId, String queueId, Channel channel, int tier, long talk, long hold,
            long wrapUp, Instant at) {
        Instant accepted = at.minusSeconds(talk + hold + wrapUp);
        return new WrapUpEnded(EventIds.random(), contactId, at, "agent-1", queueId, tier, channel,
                HandlingOutcome.RESOLVED, accepted, at.minusSeconds(wrapUp), talk * 1000, hold * 1000, wrapUp * 1000);
    }

    /** The same handling, by another agent. */
    public static WrapUpEnded byAgent(String agentId, WrapUpEnded w) {
        return new WrapUpEnded(w.eventId(), w.contactId(), w.occurredAt(), agentId, w.queueId(), w.tier(), w.channel(),
                w.outcome(), w.acceptedAt(), w.handlingEndedAt(), w.talkMillis(), w.holdMillis(), w.wrapUpMillis());
    }

    /** A contact that intake took in at {@code at} and published (queued for routing). */
    public static ContactReceived received(String contactId, Channel channel, String category, Instant at) {
        return new ContactReceived(EventIds.random(), contactId, at, channel, new Customer("cust-1", null, null, null,
                null), "en", "subject", "message", category, Priority.NORMAL, null, null, null, null, null, null,
                null, null);
    }

    /** The customer solved the contact received at {@code receivedAt} with self-service at {@code at}. */
    public static ContactDeflected deflected(String contactId, Channel channel, String category, Instant receivedAt,
            Instant at) {
        return new ContactDeflected(EventIds.random(), contactId, at, "cust-1", channel, category, "kb-1", receivedAt);
    }

    /** Writes the event as its producer would: to its topic, keyed by contactId, JSON from the one mapping. */
    public static void send(TierlineEvent event) {
        send(probe(), event);
    }

    /** {@link #send(TierlineEvent)} to the broker of this probe. */
    public static void send(KafkaProbe probe, TierlineEvent event) {
        String topic = event instanceof AssignmentEvent ? Topics.CONTACTS_ASSIGNMENTS
                : event instanceof ContactEvent ? Topics.CONTACTS_RECEIVED : Topics.CONTACTS_RESOLVED;
        probe.send(topic, event.key(), EventJson.write(event),
                Map.of("ce_id", event.eventId(), "ce_type", event.ceType()));
    }

    /** The test JVM's token signer (started with the shared broker and store on first use). */
    public static DevTokens tokens() {
        return SharedInfra.get().tokens();
    }

    /** A request as ops, who may read the KPIs and list dead letters. */
    public static RequestSpecification asOps() {
        return as(tokens().ops());
    }

    /** A request as a supervisor, who may read the KPIs and post QA evaluations. */
    public static RequestSpecification asSupervisor() {
        return as(tokens().supervisor("qa-lead", "team-qa"));
    }

    /** A request as an admin, who may call every endpoint. */
    public static RequestSpecification asAdmin() {
        return as(tokens().admin());
    }

    /** A request with {@code token} (null: without credentials). */
    public static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    /** {@code GET /kpis} with the given query as ops, expecting 200 JSON. */
    public static JsonPath kpis(Map<String, ?> query) {
        // until the topology first runs (or while it rebalances) /kpis answers 503 with Retry-After, as a client
        // is told to retry; the answer itself is then checked strictly
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> asOps().queryParams(query).when().get("/kpis").statusCode() != 503);
        return asOps().queryParams(query).when().get("/kpis")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /**
     * Waits for the next quarter hour when less than {@code room} of the current one is left: tests that read the
     * current PT15M window then send and compare within one window (a new one starts empty).
     */
    public static void awayFromTheEndOfTheQuarter(Duration room) {
        Instant start = KpiState.windowStart(KpiWindow.PT15M, Instant.now());
        if (Duration.between(Instant.now(), start.plus(KpiWindow.PT15M.length())).compareTo(room) < 0) {
            await().atMost(room.plusSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !KpiState.windowStart(KpiWindow.PT15M, Instant.now()).equals(start));
        }
    }
}
