package io.tierline.escalation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import io.tierline.escalation.Case;
import io.tierline.escalation.EngineeringHandoff;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.HistoryKind;
import io.tierline.escalation.config.EscalationConfig;
import io.tierline.escalation.store.CaseStore;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers engineering hand-offs (an outbox in the case documents): every {@code poll-interval} it POSTs each
 * pending hand-off that is due to the engineering webhook as JSON, with the hand-off id as
 * {@code Idempotency-Key}. An attempt is claimed by a conditional update before it is made (one instance per
 * attempt) and the next one is scheduled at once, with a back-off doubling from {@code first-retry} to
 * {@code max-retry}; a restart loses nothing. A 2xx answer ends it ({@code ENGINEERING_HANDOFF} entry); after
 * {@code max-attempts} failures a dead-letter record goes to {@code engineering-dead-letters} and the case gets an
 * {@code ENGINEERING_HANDOFF_FAILED} entry. On delivery the customer is told ({@code WITH_ENGINEERING}). With a
 * {@code signing-secret} every call is signed ({@link WebhookSignature}).
 */
@ApplicationScoped
public class EngineeringHandoffSender {

    private static final Logger LOG = Logger.getLogger(EngineeringHandoffSender.class);
    static final String DEAD_LETTERS = "engineering-dead-letters";
    private static final int BATCH = 50;

    private final CaseStore store;
    private final EscalationPublisher publisher;
    private final MongoCollection<Document> deadLetters;
    private final EscalationConfig.Engineering config;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper mapper = EventJson.mapper();
    private final io.micrometer.core.instrument.MeterRegistry meters;

    EngineeringHandoffSender(CaseStore store, EscalationPublisher publisher, MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database, EscalationConfig config, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.publisher = publisher;
        this.deadLetters = client.getDatabase(database).getCollection(DEAD_LETTERS);
        this.config = config.engineering();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.requestTimeout()).build();
    }

    @Scheduled(identity = "engineering-handoffs", every = "${tierline.escalation.engineering.poll-interval:PT5S}",
            skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("engineering hand-off delivery failed (%s); retrying at the next poll", e.getClass().getSimpleName());
        }
    }

    /** One pass over the hand-offs due for an attempt; returns how many it attempted. */
    public int deliverDue() {
        Instant now = Now.of(clock);
        int attempted = 0;
        for (Case c : store.dueHandoffs(now, BATCH)) {
            if (attempt(c, now)) {
                attempted++;
            }
        }
        return attempted;
    }

    private boolean attempt(Case c, Instant now) {
        EngineeringHandoff handoff = c.engineering();
        int attempt = handoff.attempts() + 1;
        if (!store.claimHandoffAttempt(c.caseId(), handoff, now.plus(backoff(attempt)))) {
            return false;
        }
        String payload = payload(c, handoff);
        String error;
        Optional<URI> url = config.webhookUrl();
        if (url.isEmpty()) {
            error = "no engineering webhook configured";
        } else {
            error = post(url.get(), handoff.handoffId(), payload);
            if (error == null) {
                var delivered = entry(handoff, HistoryKind.ENGINEERING_HANDOFF, "delivered", attempt, null);
                // told before it is recorded: a failure here repeats the call (deduped by the receiver) and the
                // notification (same id) at the next attempt
                publisher.publish(OutgoingEvents.withEngineeringNotice(c, delivered, handoff.contactId()));
                store.finishHandoff(c.caseId(), handoff.handoffId(), EngineeringHandoff.State.DELIVERED, delivered);
                LOG.infof("case %s: handed off to engineering (attempt %d)", c.caseNumber(), attempt);
                meters.counter("tierline.escalation.engineering.handoffs", "outcome", "delivered").increment();
                return true;
            }
        }
        if (attempt < config.maxAttempts()) {
            LOG.warnf("case %s: engineering hand-off attempt %d failed (%s); retrying", c.caseNumber(), attempt, error);
            return true;
        }
        deadLetter(c, handoff, attempt, error, payload, url);
        store.finishHandoff(c.caseId(), handoff.handoffId(), EngineeringHandoff.State.FAILED,
                entry(handoff, HistoryKind.ENGINEERING_HANDOFF_FAILED, "failed", attempt, error));
        meters.counter("tierline.escalation.engineering.handoffs", "outcome", "dead-lettered").increment();
        LOG.errorf("case %s: engineering hand-off given up after %d attempts (%s); dead-lettered", c.caseNumber(),
                attempt, error);
        return true;
    }

    /** Null on a 2xx answer, else what went wrong (no response body: it may quote personal data). */
    private String post(URI url, String handoffId, String payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", handoffId)
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        config.signingSecret().filter(secret -> !secret.isBlank()).ifPresent(secret -> {
            long timestamp = clock.instant().getEpochSecond();
            builder.header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, payload));
        });
        HttpRequest request = builder.build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    Duration backoff(int attempt) {
        Duration delay = config.firstRetry();
        for (int i = 1; i < attempt && delay.compareTo(config.maxRetry()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.maxRetry()) > 0 ? config.maxRetry() : delay;
    }

    private HistoryEntry.Engineering entry(EngineeringHandoff handoff, HistoryKind kind, String what, int attempts,
            String error) {
        Instant now = Now.of(clock);
        return new HistoryEntry.Engineering(EventIds.derive(handoff.handoffId(), what), kind, now, now,
                handoff.handoffId(), attempts, error, null, null);
    }

    private void deadLetter(Case c, EngineeringHandoff handoff, int attempts, String error, String payload,
            Optional<URI> url) {
        try {
            deadLetters.insertOne(new Document("_id", handoff.handoffId()).append("caseId", c.caseId())
                    .append("caseNumber", c.caseNumber()).append("attempts", attempts).append("lastError", error)
                    .append("webhookUrl", url.map(URI::toString).orElse(null))
                    .append("failedAt", Date.from(Now.of(clock))).append("payload", payload));
        } catch (MongoException e) {
            if (e.getCode() != 11000 && !(e instanceof com.mongodb.MongoWriteException w
                    && w.getError().getCode() == 11000)) {
                throw e;
            }
        }
    }

    /** What engineering gets: the case, the contact waiting in the top tier, and what every tier learned. */
    String payload(Case c, EngineeringHandoff handoff) {
        ObjectNode root = mapper.createObjectNode()
                .put("handoffId", handoff.handoffId())
                .put("caseId", c.caseId())
                .put("caseNumber", c.caseNumber())
                .put("contactId", handoff.contactId())
                .put("requestedAt", handoff.requestedAt().toString())
                .put("tier", c.tier())
                .put("queueId", c.queueId())
                .put("priority", c.priority() == null ? null : c.priority().name())
                .put("customerId", c.customer() == null ? null : c.customer().id())
                .put("segment", c.customer() == null || c.customer().segment() == null ? null
                        : c.customer().segment().name())
                .put("channel", c.channel() == null ? null : c.channel().name())
                .put("language", c.language())
                .put("category", c.category())
                .put("subject", c.subject())
                .put("escalations", c.escalations());
        ArrayNode history = root.putArray("history");
        List<HistoryEntry> entries = c.history();
        for (HistoryEntry h : entries) {
            if (h instanceof HistoryEntry.Escalated e) {
                ObjectNode n = history.addObject().put("kind", e.kind().name()).put("at", e.at().toString())
                        .put("agentId", e.agentId()).put("fromTier", e.fromTier()).put("toTier", e.toTier())
                        .put("notes", e.notes());
                ObjectNode diagnostics = n.putObject("diagnostics");
                e.diagnostics().forEach(diagnostics::put);
            } else if (h instanceof HistoryEntry.Note n) {
                history.addObject().put("kind", n.kind().name()).put("at", n.at().toString())
                        .put("author", n.author()).put("text", n.text());
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
