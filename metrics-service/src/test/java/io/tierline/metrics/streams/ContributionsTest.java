package io.tierline.metrics.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactHeld;
import io.tierline.events.ContactResolved;
import io.tierline.events.OfferAccepted;
import io.tierline.events.QualityEvaluated;
import io.tierline.events.SurveySubmitted;
import io.tierline.events.WrapUpEnded;
import io.tierline.events.HandlingOutcome;
import io.tierline.metrics.kpi.ServiceLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ContributionsTest {

    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");
    private final Contributions contributions = new Contributions(
            new ServiceLevel(Duration.ofSeconds(20), Duration.ofSeconds(5), ServiceLevel.AbandonRule.IGNORE_SHORT));

    @Test
    void aResolutionFeedsFcrInEveryDimensionAndTheEscalationDenominatorWithoutQueue() {
        var e = new ContactResolved("e1", "c1", T, "a", "l1-chat", 1, Channel.CHAT, "cust", "billing", null, "FIXED",
                null, 0, 0, null, T.minusSeconds(60), T.minusSeconds(50), 40_000, 0);
        assertEquals(List.of(
                new Contribution("fcr|all", 1, 1, null, 0),
                new Contribution("fcr|queue=l1-chat", 1, 1, null, 0),
                new Contribution("fcr|channel=CHAT", 1, 1, null, 0),
                new Contribution("fcr|tier=1", 1, 1, null, 0),
                new Contribution("fcr|agent=a", 1, 1, null, 0),
                new Contribution("escalation|all", 0, 1, null, 0),
                new Contribution("escalation|channel=CHAT", 0, 1, null, 0),
                new Contribution("escalation|tier=1", 0, 1, null, 0)), contributions.of(e));
    }

    @Test
    void anAnswerFeedsAsaServiceLevelAndAbandonment() {
        var e = new OfferAccepted("e2", "c1", T, "a", "q", 2, Channel.PHONE, T.minusSeconds(25));
        List<Contribution> out = contributions.of(e);
        assertEquals(new Contribution("asa|tier=2", 0, 0, 25_000L, 0), out.get(3));
        assertEquals(new Contribution("asa|agent=a", 0, 0, 25_000L, 0), out.get(4));
        assertEquals(new Contribution("service-level|channel=PHONE", 0, 1, null, 0), out.get(6)); // 25 s > 20 s
        assertEquals(new Contribution("abandonment|all", 0, 1, null, 0), out.get(7));
        assertEquals(9, out.size());
    }

    @Test
    void anAnswerWithoutQueuedAtStillCountsAsAnsweredForAbandonmentOnly() {
        var e = new OfferAccepted("e3", "c1", T, "a", null, 1, Channel.CHAT, null);
        assertEquals(List.of(new Contribution("abandonment|all", 0, 1, null, 0),
                new Contribution("abandonment|channel=CHAT", 0, 1, null, 0)), contributions.of(e));
    }

    @Test
    void aShortAbandonCountsForAbandonmentButNotForServiceLevel() {
        var e = new ContactAbandoned("e4", "c1", T, "cust", Channel.SMS, "billing", T.minusSeconds(4));
        assertEquals(List.of(new Contribution("abandonment|all", 1, 1, null, 0),
                new Contribution("abandonment|channel=SMS", 1, 1, null, 0)), contributions.of(e));
        var longer = new ContactAbandoned("e5", "c1", T, "cust", null, "billing", T.minusSeconds(6));
        assertEquals(List.of(new Contribution("abandonment|all", 1, 1, null, 0),
                new Contribution("service-level|all", 0, 1, null, 0)), contributions.of(longer));
    }

    @Test
    void surveysOutsideOneToFiveAndNegativeHandleTimesAreNotCounted() {
        assertEquals(List.of(), contributions.of(new SurveySubmitted("e6", "c1", T, "cust", Channel.CHAT, "b", 0, null)));
        assertEquals(List.of(new Contribution("csat|all", 1, 1, null, 4), new Contribution("csat|channel=CHAT", 1, 1, null, 4)),
                contributions.of(new SurveySubmitted("e7", "c1", T, "cust", Channel.CHAT, "b", 4, null)));
        assertEquals(List.of(), contributions.of(new WrapUpEnded("e8", "c1", T, "a", "q", 1, Channel.CHAT,
                HandlingOutcome.RESOLVED, T.minusSeconds(10), T, 10_000, -1, 0)));
        assertEquals(List.of(), contributions.of(new ContactHeld("e9", "c1", T, "a", "q", 1, Channel.CHAT)));
    }

    @Test
    void anEvaluationFeedsQaPerQueueTierAndAgentButNotChannel() {
        var e = new QualityEvaluated("e10", "c1", T, "ev-1", "alice", "l1-chat", 1, 85, Map.of("greeting", 90), "sup");
        assertEquals(List.of(new Contribution("qa|all", 0, 1, null, 85), new Contribution("qa|queue=l1-chat", 0, 1, null, 85),
                new Contribution("qa|tier=1", 0, 1, null, 85), new Contribution("qa|agent=alice", 0, 1, null, 85)),
                contributions.of(e));
        var unplaced = new QualityEvaluated("e11", "c1", T, "ev-2", "bob", null, null, 0, null, "sup");
        assertEquals(List.of(new Contribution("qa|all", 0, 1, null, 0), new Contribution("qa|agent=bob", 0, 1, null, 0)),
                contributions.of(unplaced));
        assertEquals(List.of(), contributions.of(new QualityEvaluated("e12", "c1", T, "ev-3", "bob", null, null, 101,
                null, "sup")));
    }

    @Test
    void eventTimeIsCeTimeThenOccurredAtThenTheRecordTimestamp() {
        var extractor = new EventTimeExtractor();
        long recordTime = T.plusSeconds(3600).toEpochMilli();
        var headers = new RecordHeaders().add("ce_time", "2025-03-01T12:00:01Z".getBytes(StandardCharsets.UTF_8));
        assertEquals(T.plusSeconds(1).toEpochMilli(),
                extractor.extract(record("{\"occurredAt\":\"2025-03-01T12:00:02Z\"}", headers, recordTime), 0));
        assertEquals(T.plusSeconds(2).toEpochMilli(),
                extractor.extract(record("{\"occurredAt\":\"2025-03-01T12:00:02Z\"}", new RecordHeaders(), recordTime), 0));
        var badHeader = new RecordHeaders().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertEquals(recordTime, extractor.extract(record("not JSON", badHeader, recordTime), 0));
    }

    private static ConsumerRecord<Object, Object> record(String value, org.apache.kafka.common.header.Headers headers, long timestamp) {
        return new ConsumerRecord<>("contacts.resolved", 0, 0, timestamp, TimestampType.CREATE_TIME, -1, -1, "k",
                value, headers, java.util.Optional.empty());
    }
}
