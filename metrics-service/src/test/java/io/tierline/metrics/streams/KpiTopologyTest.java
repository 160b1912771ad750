package io.tierline.metrics.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AgentStatus;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactHeld;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactQueued;
import io.tierline.events.ContactReceived;
import io.tierline.events.Customer;
import io.tierline.events.ContactResumed;
import io.tierline.events.ContactWithdrawn;
import io.tierline.events.ContactTransferred;
import io.tierline.events.EventIds;
import io.tierline.events.EventJson;
import io.tierline.events.HandlingOutcome;
import io.tierline.events.KpiSnapshot;
import io.tierline.events.OfferAccepted;
import io.tierline.events.Priority;
import io.tierline.events.QualityEvaluated;
import io.tierline.events.SurveySubmitted;
import io.tierline.events.TierlineEvent;
import io.tierline.events.Topics;
import io.tierline.events.UnresolvedReason;
import io.tierline.events.WrapUpEnded;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.QueueWaits;
import io.tierline.metrics.kpi.ServiceLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay test: a hand-written event log through the topology, every KPI checked against values computed by
 * hand. Settings: grace PT5M; service level T = 20 s, short abandon S = 5 s, rule IGNORE_SHORT.
 *
 * <pre>
 * The log (2025-03-01, UTC), in the order it is piped; "wait" = answer or abandon wait:
 *  1 c1 OfferAccepted     12:00:30 l1-chat  t1 CHAT   queued 12:00:20 -> wait 10 s
 *  2 c2 OfferAccepted     12:01:00 l1-phone t1 PHONE  queued 12:00:30 -> wait 30 s
 *  3 c3 OfferAccepted     12:02:00 l1-chat  t1 CHAT   queued 12:01:55 -> wait 5 s
 *  4 c1 ContactHeld       12:02:00, 5 c1 ContactResumed 12:02:40 (40 s hold: inside c1's WrapUpEnded)
 *  6 a1 ContactAbandoned  12:03:00 CHAT  received 12:02:57 -> 3 s (short)
 *  7 c2 ContactTransferred 12:03:00 l1-phone -> l1-chat (same tier)
 *  8 c2 OfferAccepted     12:04:00 l1-chat  t1 PHONE  queued 12:03:00 -> wait 60 s
 *  9 c1 ContactResolved   12:04:30 l1-chat  t1 CHAT   0 escalations, 0 transfers -> first contact
 * 10 c1 WrapUpEnded       12:05:00 l1-chat  t1 CHAT   200 + 40 + 30 = 270 s
 * 11 a2 ContactAbandoned  12:06:00 PHONE received 12:05:45 -> 15 s
 * 12 a3 ContactAbandoned  12:07:00 CHAT  received 12:06:20 -> 40 s
 * 13 c3 WrapUpEnded       12:08:00 l1-chat  t1 CHAT   ESCALATED 120 + 0 + 30 = 150 s
 * 14 c3 ContactEscalated  12:08:30 tier 1 -> 2, l2-chat, CHAT
 * 15 c2 ContactResolved   12:09:00 l1-chat  t1 PHONE  1 transfer -> not first contact
 * 16 c3 OfferAccepted     12:09:30 l2-chat  t2 CHAT   queued 12:08:30 -> wait 60 s
 * 17 c2 WrapUpEnded       12:10:00 l1-chat  t1 PHONE  300 + 0 + 60 = 360 s
 * 18 c3 ContactResolved   12:19:00 l2-chat  t2 CHAT   1 escalation -> not first contact
 * 19 c3 WrapUpEnded       12:20:00 l2-chat  t2 CHAT   500 + 100 + 0 = 600 s        (stream time now 12:20:00)
 * 20 c4 ContactResolved   12:16:00 l1-phone t1 PHONE  first contact: LATE, within grace of every window
 * 21 c5 ContactResolved   12:13:00 l1-phone t1 PHONE  first contact: LATE, beyond grace of its PT1M window
 *    [12:13, 12:14) (closed at 12:19) and PT15M window [12:00, 12:15) (closed at 12:20): counted in PT1H and P1D only
 * 22 c6 ContactResolved   02-28 23:50 l1-phone t1 PHONE: beyond grace of every window (P1D closed 03-01 00:05)
 *    -- a record that is not JSON on contacts.received: dead-lettered, counts nothing
 * 23 s1 SurveySubmitted   12:30:00 CHAT  score 5
 * 24 s2 SurveySubmitted   12:31:00 PHONE score 3
 * 25 redelivery of 9 (c1 ContactResolved), 26 redelivery of 11 (a2 ContactAbandoned): same eventIds, counted once
 * L0 deflection (contacts.received; "arrival" = the contact's receivedAt, where the deflection rate counts it):
 * 27 d1 ContactReceived   12:32:00 CHAT  billing
 * 28 d2 ContactReceived   12:32:30 PHONE general
 * 29 d3 ContactReceived   12:33:00 CHAT  general
 * 30 d1 ContactDeflected  12:34:00 CHAT  billing, received 12:32:00 (after being queued: counts at its arrival)
 * 31 d4 ContactDeflected  12:35:00 EMAIL billing, received 12:34:50, held for self-service: no ContactReceived
 * 32 d5 ContactAbandoned  12:35:10 SMS   general, received 12:35:08, held: no ContactReceived (wait 2 s: short)
 * 33 redelivery of 30; 34 d1 ContactDeflected again at 12:36:00 with another eventId: d1 is deflected once
 * 35 d6 ContactReceived   12:45:00 CHAT  billing                                      (stream time now 12:45:00)
 * 36 d3 ContactDeflected  12:45:30 CHAT  general, received 12:33:00: its PT1M window [12:33, 12:34) closed at
 *    12:39 (not counted there); its PT15M window [12:30, 12:45) is open until 12:50 (counted)
 * The log has no ContactReceived of a1, a2, a3: to the topology they are contacts abandoned while held, arrivals
 * at 12:02:57 (CHAT), 12:05:45 (PHONE), 12:06:20 (CHAT), all of category billing.
 * </pre>
 */
class KpiTopologyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final String HOUR = "2025-03-01T12:00:00Z";
    private static final String DAY = "2025-03-01T00:00:00Z";

    /** The drivers' RocksDB stores, in memory where possible: the driver flushes them after every record. */
    @TempDir(factory = MemoryBackedTempDir.class)
    Path stateDir;
    private TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();

    @BeforeEach
    void start() {
        var settings = new KpiTopology.Settings(Duration.ofMinutes(5), Duration.ofDays(2),
                new ServiceLevel(Duration.ofSeconds(20), Duration.ofSeconds(5), ServiceLevel.AbandonRule.IGNORE_SHORT));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "kpi-topology-test-" + EventIds.random());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(KpiTopology.build(settings), props);
        for (String topic : KpiTopology.SOURCES) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
        }
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void everyKpiOfTheHandWrittenLogEqualsTheHandComputedValue() {
        replay();
        Map<String, KpiSnapshot> out = latestSnapshots();

        // FCR, PT1H [12:00, 13:00): resolutions c1 (FCR), c2, c3, c4 (FCR, late), c5 (FCR, late) = 3/5;
        // c6 is beyond grace, the redelivered c1 counts once (else 4/6).
        assertRatio(out, "fcr|all|PT1H", HOUR, 3, 5);
        assertRatio(out, "fcr|all|P1D", DAY, 3, 5);
        assertRatio(out, "fcr|tier=1|PT1H", HOUR, 3, 4);     // c1, c2, c4, c5
        assertRatio(out, "fcr|tier=2|PT1H", HOUR, 0, 1);     // c3
        assertRatio(out, "fcr|queue=l1-chat|PT1H", HOUR, 1, 2);  // c1, c2
        assertRatio(out, "fcr|queue=l1-phone|PT1H", HOUR, 2, 2); // c4, c5
        assertRatio(out, "fcr|channel=PHONE|PT1H", HOUR, 2, 3);  // c2, c4, c5
        assertRatio(out, "fcr|channel=CHAT|PT1H", HOUR, 1, 2);   // c1, c3
        // PT15M [12:00, 12:15): c1 (FCR), c2; c5 (12:13) came after that window closed -> 1/2
        assertRatio(out, "fcr|all|PT15M", "2025-03-01T12:00:00Z", 1, 2);
        // PT15M [12:15, 12:30): c3, c4 (FCR, late within grace) -> 1/2
        assertRatio(out, "fcr|all|PT15M", "2025-03-01T12:15:00Z", 1, 2);
        // PT1M [12:16, 12:17): c4 alone -> 1/1; [12:13, 12:14): c5 beyond grace -> never published
        assertRatio(out, "fcr|all|PT1M", "2025-03-01T12:16:00Z", 1, 1);
        assertFalse(out.containsKey("fcr|all|PT1M@2025-03-01T12:13:00Z"), "c5 is beyond its minute's grace");
        // c6 (02-28 23:50) is beyond the grace of its day: no window of 02-28 exists
        assertFalse(out.containsKey("fcr|all|P1D@2025-02-28T00:00:00Z"), "c6 is beyond its day's grace");
        assertFalse(out.containsKey("fcr|all|PT1H@2025-02-28T23:00:00Z"), "c6 is beyond its hour's grace");

        // AHT PT1H: 270, 150, 360, 600 s -> sorted 150 270 360 600; mean 1380 / 4 = 345;
        // p50 rank ceil(2) = 2 -> 270; p90 rank ceil(3.6) = 4 -> 600; p99 rank 4 -> 600
        assertDuration(out, "aht|all|PT1H", HOUR, 4, 345.0, 270.0, 600.0, 600.0);
        // per tier: tier 1 = 150, 270, 360 -> mean 260, p50 rank 2 -> 270, p90 rank ceil(2.7) = 3 -> 360
        assertDuration(out, "aht|tier=1|PT1H", HOUR, 3, 260.0, 270.0, 360.0, 360.0);
        assertDuration(out, "aht|tier=2|PT1H", HOUR, 1, 600.0, 600.0, 600.0, 600.0);
        // PT15M [12:00, 12:15): 270, 150, 360; [12:15, 12:30): 600
        assertDuration(out, "aht|all|PT15M", "2025-03-01T12:00:00Z", 3, 260.0, 270.0, 360.0, 360.0);
        assertDuration(out, "aht|all|PT15M", "2025-03-01T12:15:00Z", 1, 600.0, 600.0, 600.0, 600.0);
        assertDuration(out, "aht|channel=PHONE|P1D", DAY, 1, 360.0, 360.0, 360.0, 360.0);

        // ASA PT1H: waits 10, 30, 5, 60, 60 s -> sorted 5 10 30 60 60; mean 165 / 5 = 33;
        // p50 rank ceil(2.5) = 3 -> 30; p90 rank ceil(4.5) = 5 -> 60; p99 -> 60
        assertDuration(out, "asa|all|PT1H", HOUR, 5, 33.0, 30.0, 60.0, 60.0);
        // l1-chat: c1 10, c3 5, c2 after its transfer 60 -> mean 25, p50 rank 2 -> 10, p90 rank 3 -> 60
        assertDuration(out, "asa|queue=l1-chat|PT1H", HOUR, 3, 25.0, 10.0, 60.0, 60.0);
        assertDuration(out, "asa|tier=2|PT1H", HOUR, 1, 60.0, 60.0, 60.0, 60.0);

        // Service level (T 20 s, IGNORE_SHORT, S 5 s), PT1H: answered 10 yes, 30 no, 5 yes, 60 no, 60 no;
        // abandons: a1 3 s short -> ignored, a2 15 s -> against, a3 40 s -> against => 2/7
        assertRatio(out, "service-level|all|PT1H", HOUR, 2, 7);
        // CHAT: answered 10 yes, 5 yes, 60 no; a3 against => 2/4.  PHONE: 30 no, 60 no; a2 against => 0/3
        assertRatio(out, "service-level|channel=CHAT|PT1H", HOUR, 2, 4);
        assertRatio(out, "service-level|channel=PHONE|PT1H", HOUR, 0, 3);

        // Abandonment PT1H: 4 abandoned (a1, a2, a3, d5) / (5 answered + 4) = 4/9 (a2 redelivered counts once,
        // else 5/10); d5's 2 s wait is short: not in the service level (IGNORE_SHORT)
        assertRatio(out, "abandonment|all|PT1H", HOUR, 4, 9);
        assertRatio(out, "abandonment|all|PT15M", "2025-03-01T12:00:00Z", 3, 8);
        assertRatio(out, "abandonment|channel=CHAT|PT1H", HOUR, 2, 5);   // a1, a3 / (c1, c3, c3 at L2 + 2)
        assertRatio(out, "abandonment|channel=PHONE|PT1H", HOUR, 1, 3);  // a2 / (c2 twice + 1)

        // Escalation PT1H: c3 escalated from tier 1; resolutions c1, c2, c3, c4, c5 => 1 / (5 + 1)
        assertRatio(out, "escalation|all|PT1H", HOUR, 1, 6);
        // L1 -> L2: 1 / (tier-1 resolutions c1, c2, c4, c5 + 1) = 1/5; L2 -> L3: 0 / (c3 resolved at tier 2) = 0/1
        assertRatio(out, "escalation|tier=1|PT1H", HOUR, 1, 5);
        assertRatio(out, "escalation|tier=2|PT1H", HOUR, 0, 1);
        assertRatio(out, "escalation|channel=CHAT|PT1H", HOUR, 1, 3);   // c3 / (c1, c3 resolved + 1)

        // CSAT PT1H: scores 5, 3 -> share 1/2, mean 4.0; CHAT: 5 -> 1/1, mean 5.0
        assertRatio(out, "csat|all|PT1H", HOUR, 1, 2);
        assertRatio(out, "csat|channel=CHAT|PT1H", HOUR, 1, 1);
        KpiSnapshot mean = get(out, "csat-mean|all|PT1H", HOUR);
        assertEquals(4.0, mean.value());
        assertEquals(2L, mean.count());
        assertEquals(8L, mean.numerator());
        assertEquals("score", mean.unit());
        assertEquals(5.0, get(out, "csat-mean|channel=CHAT|PT1H", HOUR).value());

        // L0 deflection, counted at the arrival. PT1H [12:00, 13:00): arrivals a1, a2, a3, d1, d2, d3, d4, d5, d6 = 9;
        // deflected d1 (once, not 3 times), d4, d3 (late for its minute only) = 3 -> 3/9
        assertDeflection(KpiWindow.PT1H, HOUR, "all", 3, 9);
        assertDeflection(KpiWindow.P1D, DAY, "all", 3, 9);
        // CHAT: a1, a3, d1, d3, d6 / d1, d3 -> 2/5; PHONE: a2, d2 -> 0/2; EMAIL: d4 -> 1/1; SMS: d5 -> 0/1
        assertDeflection(KpiWindow.PT1H, HOUR, "channel=CHAT", 2, 5);
        assertDeflection(KpiWindow.PT1H, HOUR, "channel=PHONE", 0, 2);
        assertDeflection(KpiWindow.PT1H, HOUR, "channel=EMAIL", 1, 1);
        assertDeflection(KpiWindow.PT1H, HOUR, "channel=SMS", 0, 1);
        // billing: a1, a2, a3, d1, d4, d6 / d1, d4 -> 2/6; general: d2, d3, d5 / d3 -> 1/3
        assertDeflection(KpiWindow.PT1H, HOUR, "category=billing", 2, 6);
        assertDeflection(KpiWindow.PT1H, HOUR, "category=general", 1, 3);
        // PT15M [12:00, 12:15): a1, a2, a3 -> 0/3; [12:30, 12:45): d1..d5 / d1, d4, d3 -> 3/5; [12:45, 13:00): d6 -> 0/1
        assertDeflection(KpiWindow.PT15M, "2025-03-01T12:00:00Z", "all", 0, 3);
        assertDeflection(KpiWindow.PT15M, "2025-03-01T12:30:00Z", "all", 3, 5);
        assertDeflection(KpiWindow.PT15M, "2025-03-01T12:45:00Z", "all", 0, 1);
        // PT1M [12:32, 12:33): d1, d2 / d1 -> 1/2; [12:33, 12:34): d3, deflected after the minute closed -> 0/1;
        // [12:34, 12:35): d4 -> 1/1
        assertDeflection(KpiWindow.PT1M, "2025-03-01T12:32:00Z", "all", 1, 2);
        assertDeflection(KpiWindow.PT1M, "2025-03-01T12:33:00Z", "all", 0, 1);
        assertDeflection(KpiWindow.PT1M, "2025-03-01T12:34:00Z", "all", 1, 1);
        // no queue dimension, and on no topic (the catalogue has no kpi.deflection)
        assertNull(driver.<String, KpiTally>getTimestampedWindowStore(KpiTopology.storeName(KpiWindow.PT1H))
                .fetch("deflection|queue=l1-chat", T0.toEpochMilli()));
        assertTrue(out.keySet().stream().noneMatch(k -> k.startsWith("deflection|")), "no kpi topic for deflection");
    }

    @Test
    void snapshotsAreKeyedByKpiDimensionAndWindowWithCloudEventsHeaders() {
        Instant at = T0.plusSeconds(30);
        pipe(new ContactResolved("ev-" + EventIds.random(), "c-x", at, "agent-1", "l1-chat", 1, Channel.CHAT,
                "cust-x", "billing", null, "FIXED", null, 0, 0, null, at.minusSeconds(60), at.minusSeconds(50),
                40_000, 0));
        var records = driver.createOutputTopic(Topics.KPI_FCR, new StringDeserializer(), new StringDeserializer())
                .readRecordsToList();
        // one snapshot per dimension (all, queue, channel, tier) and window (4): 16, and as many of fcr-7d; none of
        // the agent dimension, kept in minutes and served by GET /kpis only
        assertEquals(16, records.stream().filter(r -> r.key().startsWith("fcr|")).count());
        assertEquals(16, records.stream().filter(r -> r.key().startsWith("fcr-7d|")).count());
        assertTrue(records.stream().noneMatch(r -> r.key().contains("|agent=")), "no agent snapshot published");
        assertRatio(agentWindow("fcr|agent=agent-1", KpiWindow.PT1H, HOUR), 1, 1);
        var hour = records.stream().filter(r -> r.key().equals("fcr|queue=l1-chat|PT1H")).findFirst().orElseThrow();
        KpiSnapshot s = EventJson.read(hour.value(), KpiSnapshot.class);
        assertEquals(new KpiSnapshot(s.eventId(), at, "fcr", "PT1H", T0, T0.plusSeconds(3600), "queue=l1-chat",
                "ratio", 1.0, 1L, 1L, null, null, null, null), s);
        assertEquals(s.eventId(), header(hour, "ce_id"));
        assertEquals("io.tierline.KpiSnapshot", header(hour, "ce_type"));
        assertEquals("/tierline/metrics", header(hour, "ce_source"));
        assertEquals(at.toString(), header(hour, "ce_time"));
        assertEquals("1.0", header(hour, "ce_specversion"));
    }

    @Test
    void aRecordThatIsNoEventOfItsTopicIsDeadLetteredAndTheTopologyGoesOn() {
        inputs.get(Topics.CONTACTS_ESCALATED).pipeInput("c-bad", "{\"type\":\"Nonsense\"}", T0);
        inputs.get(Topics.CONTACTS_RESOLVED).pipeInput("c-bad-2", "not JSON", T0);
        // a valid event on the wrong topic: a resolution on contacts.assignments counts nothing
        inputs.get(Topics.CONTACTS_ASSIGNMENTS).pipeInput("c-bad-3",
                EventJson.write(resolved("c-bad-3", "12:00:05", "l1-chat", 1, Channel.CHAT, 0, 0)), T0);
        pipe(resolved("c-good", "12:00:10", "l1-chat", 1, Channel.CHAT, 0, 0));

        var dead = driver.createOutputTopic(Topics.dlq("metrics"), new StringDeserializer(), new StringDeserializer())
                .readRecordsToList();
        assertEquals(3, dead.size());
        assertEquals("c-bad", dead.get(0).key());
        assertEquals("{\"type\":\"Nonsense\"}", dead.get(0).value());
        assertEquals(Topics.CONTACTS_ESCALATED, header(dead.get(0), "dead-letter-topic"));
        assertEquals("0", header(dead.get(0), "dead-letter-partition"));
        assertEquals("0", header(dead.get(0), "dead-letter-offset"));
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("not a Tierline event"));
        assertEquals("not JSON", dead.get(1).value());
        assertEquals(Topics.CONTACTS_RESOLVED, header(dead.get(1), "dead-letter-topic"));
        assertEquals(Topics.CONTACTS_ASSIGNMENTS, header(dead.get(2), "dead-letter-topic"));
        assertTrue(header(dead.get(2), "dead-letter-reason").contains("expected AssignmentEvent"));
        // and the topology goes on: only c-good counted
        assertRatio(latestSnapshots(), "fcr|all|PT1M", "2025-03-01T12:00:00Z", 1, 1);
    }

    @Test
    void qaIsTheMeanEvaluationScoreKeptInTheStateAndPublishedNowhere() {
        // 80 (l1-chat, alice), 90 (l1-chat, bob), 40 (no queue, alice), the first redelivered, 101 not counted
        var first = evaluation("ev-1", "12:01:00", "alice", "l1-chat", 1, 80);
        pipe(first);
        pipe(evaluation("ev-2", "12:02:00", "bob", "l1-chat", 1, 90));
        pipe(evaluation("ev-3", "12:03:00", "alice", null, null, 40));
        pipe(first);
        pipe(evaluation("ev-4", "12:04:00", "alice", "l1-chat", 1, 101));

        // all: (80 + 90 + 40) / 3 = 70; l1-chat and tier 1: (80 + 90) / 2 = 85; alice: (80 + 40) / 2 = 60
        assertQa("qa|all", 70.0, 3, 210);
        assertQa("qa|queue=l1-chat", 85.0, 2, 170);
        assertQa("qa|tier=1", 85.0, 2, 170);
        assertQa("qa|agent=alice", 60.0, 2, 120);
        assertQa("qa|agent=bob", 90.0, 1, 90);
        assertTrue(latestSnapshots().keySet().stream().noneMatch(k -> k.startsWith("qa|")), "no kpi topic for QA");
    }

    @Test
    void anAgentsWindowsReadFromItsMinutesEqualTheTumblingWindowsLateInputsIncluded() {
        // Every acceptance, resolution and wrap-up of the log is agent-1's, so each of agent-1's windows, read from
        // its minutes, must equal the window of all: c5 (12:13, beyond the grace of its PT1M and PT15M windows) is in
        // neither's PT1M and PT15M windows and in both PT1H windows; c6 (beyond every grace) in no window at all.
        replay();
        int compared = 0;
        for (String kpi : List.of(Kpis.FCR, Kpis.FCR_7D, Kpis.AHT, Kpis.ASA)) {
            for (KpiWindow window : KpiWindow.values()) {
                List<Instant> starts = new ArrayList<>();
                try (var all = driver.<String, KpiTally>getTimestampedWindowStore(KpiTopology.storeName(kpi, window))
                        .all()) {
                    all.forEachRemaining(e -> {
                        if (e.key.key().equals(kpi + "|all")) {
                            starts.add(Instant.ofEpochMilli(e.key.window().start()));
                        }
                    });
                }
                for (Instant start : starts) {
                    KpiSnapshot expected = window(kpi + "|all", window, start.toString());
                    KpiSnapshot agent = agentWindow(kpi + "|agent=agent-1", window, start.toString());
                    assertNotNull(agent, kpi + " " + window + " " + start);
                    assertEquals(expected, new KpiSnapshot(expected.eventId(), agent.occurredAt(), agent.kpi(),
                            agent.window(), agent.windowStart(), agent.windowEnd(), "all", agent.unit(), agent.value(),
                            agent.numerator(), agent.denominator(), agent.count(), agent.p50(), agent.p90(),
                            agent.p99()), kpi + " " + window + " " + start);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 30, "windows compared: " + compared);
        // hand-computed, as for all: FCR in PT1H 3/5 (c1, c4, c5 of c1..c5), c5 absent from its minute
        assertRatio(agentWindow("fcr|agent=agent-1", KpiWindow.PT1H, HOUR), 3, 5);
        assertNull(agentWindow("fcr|agent=agent-1", KpiWindow.PT1M, "2025-03-01T12:13:00Z"));
        assertRatio(agentWindow("fcr|agent=agent-1", KpiWindow.PT1M, "2025-03-01T12:16:00Z"), 1, 1);
    }

    @Test
    void aTrailingWindowIsTheMergeOfTheMinutesEndingWithTheMinuteOfAt() {
        // resolutions by agent-1 at 12:05:10 (transferred), 12:06:10, 12:19:50 and 12:20:10 (first contact)
        pipe(resolved("t1", "12:05:10", "l1-chat", 1, Channel.CHAT, 0, 1));
        pipe(resolved("t2", "12:06:10", "l1-chat", 1, Channel.CHAT, 0, 0));
        pipe(resolved("t3", "12:19:50", "l1-chat", 1, Channel.CHAT, 0, 0));
        pipe(resolved("t4", "12:20:10", "l1-chat", 1, Channel.CHAT, 0, 0));
        // at 12:20:30 the trailing quarter is [12:06, 12:21): t2, t3, t4, all first contact: 3/3
        assertRatio(trailing("fcr|all", at("12:20:30")), 3, 3);
        assertRatio(trailing("fcr|agent=agent-1", at("12:20:30")), 3, 3);
        // at 12:19:59 it is [12:05, 12:20): t1, t2, t3: 2/3
        assertRatio(trailing("fcr|queue=l1-chat", at("12:19:59")), 2, 3);
        assertRatio(trailing("fcr|agent=agent-1", at("12:19:59")), 2, 3);
        // at 12:35 it is [12:21, 12:36): nothing
        assertNull(trailing("fcr|all", at("12:35:00")));
    }

    @Test
    void occupancyCountsConcurrentChatsOncePerWallClockInterval() {
        // alice: available 12:00:00; c1 12:00:10..12:00:40 and c2 12:00:20..12:00:50 at once; offline 12:01:00
        // bob: available 12:00:30, offline 12:01:00, no contact. One redelivery (alice's accept of c1).
        pipe(presence("alice", "12:00:00", AgentStatus.AVAILABLE));
        var accept = accepted("c1", "12:00:10", "l1-chat", 1, Channel.CHAT, "12:00:05", "alice");
        pipe(accept);
        pipe(accepted("c2", "12:00:20", "l1-chat", 1, Channel.CHAT, "12:00:15", "alice"));
        pipe(presence("bob", "12:00:30", AgentStatus.AVAILABLE));
        pipe(accept);
        pipe(wrapUp("c1", "12:00:40", "l1-chat", 1, Channel.CHAT, HandlingOutcome.RESOLVED, 20, 0, 10, "alice"));
        pipe(wrapUp("c2", "12:00:50", "l1-chat", 1, Channel.CHAT, HandlingOutcome.RESOLVED, 20, 0, 10, "alice"));
        pipe(presence("alice", "12:01:00", AgentStatus.OFFLINE));
        pipe(presence("bob", "12:01:00", AgentStatus.OFFLINE));

        Map<String, KpiSnapshot> out = latestSnapshots();
        // alice occupied 12:00:10..12:00:50 = 40 s (not 30 + 30 = 60), staffed 60 s; bob staffed 30 s, occupied 0
        assertRatio(agentWindow("occupancy|agent=alice", KpiWindow.PT1M, "2025-03-01T12:00:00Z"), 40_000, 60_000);
        assertRatio(agentWindow("occupancy|agent=bob", KpiWindow.PT1M, "2025-03-01T12:00:00Z"), 0, 30_000);
        // all: 40 s / 90 s
        assertRatio(out, "occupancy|all|PT1M", "2025-03-01T12:00:00Z", 40_000, 90_000);
        assertRatio(out, "occupancy|all|PT1H", HOUR, 40_000, 90_000);
    }

    @Test
    void anAgentWithoutEventsAccruesEveryMinuteOfStreamTime() {
        // bob available at 12:00:00 and nothing else from him; other events move stream time to 12:03:30
        pipe(presence("bob", "12:00:00", AgentStatus.AVAILABLE));
        pipe(resolved("c-x", "12:03:30", "l1-chat", 1, Channel.CHAT, 0, 0));
        assertRatio(agentWindow("occupancy|agent=bob", KpiWindow.PT1M, "2025-03-01T12:00:00Z"), 0, 60_000);
        assertRatio(agentWindow("occupancy|agent=bob", KpiWindow.PT1M, "2025-03-01T12:02:00Z"), 0, 60_000);
        // the quarter: staffed from 12:00:00 to stream time 12:03:30, the same as all (bob is the only agent)
        assertRatio(agentWindow("occupancy|agent=bob", KpiWindow.PT15M, "2025-03-01T12:00:00Z"), 0, 210_000);
        assertRatio(window("occupancy|all", KpiWindow.PT15M, "2025-03-01T12:00:00Z"), 0, 210_000);
    }

    @Test
    void theContactsWaitingNowGiveEachQueuesDepthAndLongestWait() {
        pipe(queued("c1", "12:00:00", "l1-chat"));
        pipe(queued("c2", "12:00:10", "l1-chat"));
        pipe(queued("c3", "12:00:20", "l1-phone"));
        pipe(queued("c4", "12:00:25", "l2-chat"));
        pipe(accepted("c1", "12:00:30", "l1-chat", 1, Channel.CHAT, "12:00:00"));        // answered: out
        pipe(queued("c2", "12:00:40", "l1-chat"));                                        // again: keeps 12:00:10
        pipe(abandoned("c3", "12:00:50", Channel.PHONE, "12:00:15"));                     // abandoned: out
        pipe(new ContactWithdrawn(EventIds.random(), "c4", at("12:00:55"), null, "l2-chat", 2, Channel.CHAT,
                "closed", at("12:00:25")));                                              // withdrawn: out
        pipe(queued("c5", "12:00:58", "l1-phone"));

        KeyValueStore<String, String> store = driver.getKeyValueStore(WaitingProcessor.STORE);
        List<QueueWaits.Waiting> waiting = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> waiting.add(QueueWaits.Waiting.decode(kv.value)));
        }
        assertEquals(List.of(new QueueWaits.QueueWait("l1-chat", 1, at("12:00:10"), 50.0),
                new QueueWaits.QueueWait("l1-phone", 1, at("12:00:58"), 2.0)), QueueWaits.at(at("12:01:00"), waiting));
    }

    @Test
    void sevenDayFcrIsCorrectedByARepeatWithinSevenDaysOfTheResolution() {
        pipe(resolved("c1", "12:00:00", "l1-chat", 1, Channel.CHAT, 0, 0));   // first contact
        pipe(resolved("c2", "12:10:00", "l1-chat", 1, Channel.CHAT, 0, 0));   // first contact
        pipe(resolved("c3", "12:20:00", "l1-chat", 1, Channel.CHAT, 0, 1));   // transferred
        Map<String, KpiSnapshot> provisional = latestSnapshots();
        assertRatio(provisional, "fcr-7d|all|PT1H", HOUR, 2, 3);
        // A repeat of c1 two days later (inside 7 days) corrects c1's windows, closed long ago for the plain FCR;
        // a repeat of c2 just over 7 days after its resolution corrects nothing; a repeat redelivered counts once.
        var repeatOfC1 = repeat("y1", Instant.parse("2025-03-03T09:00:00Z"), "c1");
        pipe(repeatOfC1);
        pipe(repeatOfC1);
        pipe(repeat("y2", Instant.parse("2025-03-08T12:10:00.001Z"), "c2"));
        Map<String, KpiSnapshot> out = latestSnapshots();
        assertRatio(out, "fcr-7d|all|PT1H", HOUR, 1, 3);
        assertRatio(out, "fcr-7d|queue=l1-chat|P1D", DAY, 1, 3);
        assertRatio(out, "fcr-7d|all|PT1M", "2025-03-01T12:00:00Z", 0, 1);
        assertRatio(provisional, "fcr-7d|all|PT1M", "2025-03-01T12:10:00Z", 1, 1);
        assertFalse(out.containsKey("fcr-7d|all|PT1M@2025-03-01T12:10:00Z"), "c2 is not corrected: no new snapshot");
        assertFalse(out.containsKey("fcr|all|PT1H@" + HOUR), "the plain FCR published nothing new");
        assertRatio(provisional, "fcr|all|PT1H", HOUR, 2, 3);
    }

    @Test
    void theSumsOfManyEventsForwardedAtOnceGiveTheSameKpisAsEachEventForwardedAlone() {
        // 300 events in [12:00, 12:05) in random order (none late: every window is open until 12:06 at least),
        // through this driver flushing after every event, and through a second one flushing once at the end
        java.util.Random random = new java.util.Random(42);
        List<TierlineEvent> log = new ArrayList<>();
        Channel[] channels = Channel.values();
        for (int i = 0; i < 300; i++) {
            String time = String.format("12:%02d:%02d", random.nextInt(5), random.nextInt(60));
            String queue = "q" + random.nextInt(3);
            int tier = 1 + random.nextInt(2);
            Channel channel = channels[random.nextInt(channels.length)];
            String contact = "m" + i;
            log.add(switch (random.nextInt(6)) {
                case 0 -> resolved(contact, time, queue, tier, channel, random.nextInt(2), random.nextInt(2));
                case 1 -> wrapUp(contact, time, queue, tier, channel, HandlingOutcome.RESOLVED, 1 + random.nextInt(600),
                        random.nextInt(60), random.nextInt(90));
                case 2 -> accepted(contact, time, queue, tier, channel, "11:59:00");
                case 3 -> abandoned(contact, time, channel, "11:59:30");
                case 4 -> new SurveySubmitted(EventIds.random(), contact, at(time), "cust", channel, "billing",
                        1 + random.nextInt(5), null);
                default -> random.nextBoolean() ? received(contact, time, channel, "cat" + random.nextInt(3))
                        : deflected(contact, time, channel, "cat" + random.nextInt(3), "11:59:50");
            });
        }
        log.forEach(this::pipe);
        Map<String, KpiSnapshot> one = windows(driver);

        var settings = new KpiTopology.Settings(Duration.ofMinutes(5), Duration.ofDays(2),
                new ServiceLevel(Duration.ofSeconds(20), Duration.ofSeconds(5), ServiceLevel.AbandonRule.IGNORE_SHORT));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "kpi-topology-test-" + EventIds.random());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver batch = new TopologyTestDriver(KpiTopology.build(settings), props)) {
            for (TierlineEvent event : log) {
                batch.createInputTopic(topicOf(event), new StringSerializer(), new StringSerializer())
                        .pipeInput(new TestRecord<>(event.key(), EventJson.write(event), new RecordHeaders()
                                .add("ce_time", event.occurredAt().toString().getBytes(StandardCharsets.UTF_8)),
                                event.occurredAt()));
            }
            assertTrue(windows(batch).isEmpty(), "nothing forwarded before the combine interval passed");
            batch.advanceWallClockTime(KpiTopology.DEFAULT_COMBINE_INTERVAL);
            Map<String, KpiSnapshot> all = windows(batch);
            assertEquals(one.keySet(), all.keySet());
            one.forEach((key, snapshot) -> assertEquals(snapshot, all.get(key), key));
            assertTrue(one.size() > 200, "many windows compared: " + one.size());
        }
    }

    /** Every window of every size in the stores, as snapshots keyed {@code key|window@windowStart}. */
    private static Map<String, KpiSnapshot> windows(TopologyTestDriver driver) {
        Map<String, KpiSnapshot> out = new HashMap<>();
        for (KpiWindow window : KpiWindow.values()) {
            var store = driver.<String, KpiTally>getTimestampedWindowStore(KpiTopology.storeName(window));
            try (var all = store.all()) {
                all.forEachRemaining(e -> {
                    Instant start = Instant.ofEpochMilli(e.key.window().start());
                    for (KpiSnapshot s : WindowSnapshots.of(e.key.key(), window, start,
                            Instant.ofEpochMilli(e.value.timestamp()), e.value.value())) {
                        out.put(s.key() + "@" + start, s);
                    }
                });
            }
        }
        return out;
    }

    private static ContactReceived repeat(String contact, Instant at, String repeatOf) {
        return new ContactReceived(EventIds.random(), contact, at, Channel.CHAT, new Customer("cust-1", null, null,
                null, null), "en", "again", "still broken", "billing", Priority.NORMAL, repeatOf, null, null, null,
                null, null, null, null);
    }

    private static ContactQueued queued(String contact, String time, String queue) {
        return new ContactQueued(EventIds.random(), contact, at(time), queue, 1, Channel.CHAT, Priority.NORMAL, "fits");
    }

    private static AgentPresenceChanged presence(String agent, String time, AgentStatus status) {
        return new AgentPresenceChanged(EventIds.random(), agent, at(time), status, null, null);
    }

    private void assertQa(String key, double mean, long count, long sum) {
        KpiSnapshot s = key.contains("|agent=") ? agentWindow(key, KpiWindow.PT1H, HOUR)
                : window(key, KpiWindow.PT1H, HOUR);
        assertNotNull(s, key);
        assertEquals("qa", s.kpi());
        assertEquals("score", s.unit());
        assertEquals(mean, s.value(), key);
        assertEquals(count, s.count(), key);
        assertEquals(sum, s.numerator(), key);
    }

    /** The window of {@code kpi|dimension} (not an agent's) from its window store, or null if nothing counted. */
    private KpiSnapshot window(String key, KpiWindow window, String windowStart) {
        String kpi = key.substring(0, key.indexOf('|'));
        var found = driver.<String, KpiTally>getTimestampedWindowStore(KpiTopology.storeName(kpi, window))
                .fetch(key, Instant.parse(windowStart).toEpochMilli());
        return found == null ? null : WindowSnapshots.of(key, window, Instant.parse(windowStart),
                Instant.ofEpochMilli(found.timestamp()), found.value()).get(0);
    }

    /** The window of {@code kpi|agent=id}, as GET /kpis reads it from the agent minutes, or null if nothing counted. */
    private KpiSnapshot agentWindow(String key, KpiWindow window, String windowStart) {
        String kpi = key.substring(0, key.indexOf('|'));
        var found = MinuteWindows.fetch(driver.<String, MinuteTally>getWindowStore(KpiTopology.agentStoreName(kpi)),
                key, window, Instant.parse(windowStart));
        return found == null ? null : WindowSnapshots.of(key, window, Instant.parse(windowStart),
                Instant.ofEpochMilli(found.timestamp()), found.value()).get(0);
    }

    /** The trailing PT15M window of {@code kpi|dimension} at {@code at} as GET /kpis reads it, or null if empty. */
    private KpiSnapshot trailing(String key, Instant at) {
        String kpi = key.substring(0, key.indexOf('|'));
        Instant start = KpiState.trailingStart(KpiWindow.PT15M, at);
        Instant lastMinute = KpiState.windowStart(KpiWindow.PT1M, at);
        ValueAndTimestamp<KpiTally> found;
        if (key.contains("|agent=")) {
            found = MinuteWindows.merged(driver.<String, MinuteTally>getWindowStore(KpiTopology.agentStoreName(kpi)),
                    key, KpiWindow.PT1M, start, lastMinute);
        } else {
            try (var minutes = driver.<String, KpiTally>getTimestampedWindowStore(
                    KpiTopology.storeName(kpi, KpiWindow.PT1M)).fetch(key, start, lastMinute)) {
                found = MinuteWindows.merged(minutes);
            }
        }
        return found == null ? null : WindowSnapshots.of(key, KpiWindow.PT15M, start,
                Instant.ofEpochMilli(found.timestamp()), found.value()).get(0);
    }

    private static void assertRatio(KpiSnapshot s, long numerator, long denominator) {
        assertNotNull(s, "no window");
        assertEquals("ratio", s.unit(), s.key());
        assertEquals(numerator, s.numerator(), s.key() + " numerator");
        assertEquals(denominator, s.denominator(), s.key() + " denominator");
        assertEquals((double) numerator / denominator, s.value(), s.key() + " value");
    }

    private void assertDeflection(KpiWindow window, String windowStart, String dimension, long numerator,
            long denominator) {
        String key = "deflection|" + dimension;
        var found = driver.<String, KpiTally>getTimestampedWindowStore(KpiTopology.storeName(window))
                .fetch(key, Instant.parse(windowStart).toEpochMilli());
        assertNotNull(found, key + " " + window + " " + windowStart);
        KpiSnapshot s = WindowSnapshots.of(key, window, Instant.parse(windowStart),
                Instant.ofEpochMilli(found.timestamp()), found.value()).get(0);
        assertEquals("ratio", s.unit(), key);
        assertEquals(numerator, s.numerator(), key + " " + window + " " + windowStart + " numerator");
        assertEquals(denominator, s.denominator(), key + " " + window + " " + windowStart + " denominator");
        assertEquals((double) numerator / denominator, s.value(), key + " value");
    }

    private static ContactReceived received(String contact, String time, Channel channel, String category) {
        return new ContactReceived(EventIds.random(), contact, at(time), channel, new Customer("cust-" + contact, null,
                null, null, null), "en", "subject", "message", category, Priority.NORMAL, null, null, null, null,
                null, null, null, null);
    }

    private static ContactDeflected deflected(String contact, String time, Channel channel, String category,
            String receivedAt) {
        return new ContactDeflected(EventIds.random(), contact, at(time), "cust-" + contact, channel, category,
                "kb-1", at(receivedAt));
    }

    private static QualityEvaluated evaluation(String id, String time, String agent, String queue, Integer tier,
            int score) {
        return new QualityEvaluated("e-" + id, "c-" + id, at(time), id, agent, queue, tier, score,
                Map.of("greeting", score), "supervisor-1");
    }

    private void replay() {
        pipe(accepted("c1", "12:00:30", "l1-chat", 1, Channel.CHAT, "12:00:20"));
        pipe(accepted("c2", "12:01:00", "l1-phone", 1, Channel.PHONE, "12:00:30"));
        pipe(accepted("c3", "12:02:00", "l1-chat", 1, Channel.CHAT, "12:01:55"));
        pipe(new ContactHeld(EventIds.random(), "c1", at("12:02:00"), "agent-1", "l1-chat", 1, Channel.CHAT));
        pipe(new ContactResumed(EventIds.random(), "c1", at("12:02:40"), "agent-1", "l1-chat", 1, Channel.CHAT, 40_000));
        pipe(abandoned("a1", "12:03:00", Channel.CHAT, "12:02:57"));
        pipe(new ContactTransferred(EventIds.random(), "c2", at("12:03:00"), "agent-2", "l1-phone", 1, Channel.PHONE,
                "l1-chat", 1, 150_000, 0));
        pipe(accepted("c2", "12:04:00", "l1-chat", 1, Channel.PHONE, "12:03:00"));
        ContactResolved c1Resolved = resolved("c1", "12:04:30", "l1-chat", 1, Channel.CHAT, 0, 0);
        pipe(c1Resolved);
        pipe(wrapUp("c1", "12:05:00", "l1-chat", 1, Channel.CHAT, HandlingOutcome.RESOLVED, 200, 40, 30));
        ContactAbandoned a2 = abandoned("a2", "12:06:00", Channel.PHONE, "12:05:45");
        pipe(a2);
        pipe(abandoned("a3", "12:07:00", Channel.CHAT, "12:06:20"));
        pipe(wrapUp("c3", "12:08:00", "l1-chat", 1, Channel.CHAT, HandlingOutcome.ESCALATED, 120, 0, 30));
        pipe(new ContactEscalated(EventIds.random(), "c3", at("12:08:30"), "case-3", "C-3", 1, 2, "l2-chat",
                Priority.NORMAL, UnresolvedReason.AGENT_ESCALATED, 1, "v1", "rule-1", Channel.CHAT, "en", "billing",
                null, "subject", null));
        pipe(resolved("c2", "12:09:00", "l1-chat", 1, Channel.PHONE, 0, 1));
        pipe(accepted("c3", "12:09:30", "l2-chat", 2, Channel.CHAT, "12:08:30"));
        pipe(wrapUp("c2", "12:10:00", "l1-chat", 1, Channel.PHONE, HandlingOutcome.RESOLVED, 300, 0, 60));
        pipe(resolved("c3", "12:19:00", "l2-chat", 2, Channel.CHAT, 1, 0));
        pipe(wrapUp("c3", "12:20:00", "l2-chat", 2, Channel.CHAT, HandlingOutcome.RESOLVED, 500, 100, 0));
        // late events
        pipe(resolved("c4", "12:16:00", "l1-phone", 1, Channel.PHONE, 0, 0));
        pipe(resolved("c5", "12:13:00", "l1-phone", 1, Channel.PHONE, 0, 0));
        Instant dayBefore = Instant.parse("2025-02-28T23:50:00Z");
        pipe(new ContactResolved(EventIds.random(), "c6", dayBefore, "agent-1", "l1-phone", 1, Channel.PHONE, "cust",
                "billing", null, "FIXED", null, 0, 0, null, dayBefore.minusSeconds(60), dayBefore.minusSeconds(30),
                30_000, 0));
        inputs.get(Topics.CONTACTS_RECEIVED).pipeInput("c7", "this is not JSON {", at("12:25:00"));
        pipe(new SurveySubmitted(EventIds.random(), "c1", at("12:30:00"), "cust", Channel.CHAT, "billing", 5, null));
        pipe(new SurveySubmitted(EventIds.random(), "c2", at("12:31:00"), "cust", Channel.PHONE, "billing", 3, null));
        // redeliveries
        pipe(c1Resolved);
        pipe(a2);
        // L0 deflection
        pipe(received("d1", "12:32:00", Channel.CHAT, "billing"));
        pipe(received("d2", "12:32:30", Channel.PHONE, "general"));
        pipe(received("d3", "12:33:00", Channel.CHAT, "general"));
        ContactDeflected d1Deflected = deflected("d1", "12:34:00", Channel.CHAT, "billing", "12:32:00");
        pipe(d1Deflected);
        pipe(deflected("d4", "12:35:00", Channel.EMAIL, "billing", "12:34:50"));
        pipe(new ContactAbandoned(EventIds.random(), "d5", at("12:35:10"), "cust-d5", Channel.SMS, "general",
                at("12:35:08")));
        pipe(d1Deflected);
        pipe(deflected("d1", "12:36:00", Channel.CHAT, "billing", "12:32:00"));
        pipe(received("d6", "12:45:00", Channel.CHAT, "billing"));
        pipe(deflected("d3", "12:45:30", Channel.CHAT, "general", "12:33:00"));
    }

    private static Instant at(String time) {
        return Instant.parse("2025-03-01T" + time + "Z");
    }

    private static OfferAccepted accepted(String contact, String time, String queue, int tier, Channel channel,
            String queuedAt) {
        return accepted(contact, time, queue, tier, channel, queuedAt, "agent-1");
    }

    private static OfferAccepted accepted(String contact, String time, String queue, int tier, Channel channel,
            String queuedAt, String agent) {
        return new OfferAccepted(EventIds.random(), contact, at(time), agent, queue, tier, channel, at(queuedAt));
    }

    private static ContactAbandoned abandoned(String contact, String time, Channel channel, String receivedAt) {
        return new ContactAbandoned(EventIds.random(), contact, at(time), "cust", channel, "billing", at(receivedAt));
    }

    private static ContactResolved resolved(String contact, String time, String queue, int tier, Channel channel,
            int escalations, int transfers) {
        Instant at = at(time);
        return new ContactResolved(EventIds.random(), contact, at, "agent-1", queue, tier, channel, "cust", "billing",
                null, "FIXED", null, escalations, transfers, null, at.minusSeconds(120), at.minusSeconds(100), 90_000, 0);
    }

    private static WrapUpEnded wrapUp(String contact, String time, String queue, int tier, Channel channel,
            HandlingOutcome outcome, long talk, long hold, long wrap) {
        return wrapUp(contact, time, queue, tier, channel, outcome, talk, hold, wrap, "agent-1");
    }

    private static WrapUpEnded wrapUp(String contact, String time, String queue, int tier, Channel channel,
            HandlingOutcome outcome, long talk, long hold, long wrap, String agent) {
        Instant at = at(time);
        return new WrapUpEnded(EventIds.random(), contact, at, agent, queue, tier, channel, outcome,
                at.minusSeconds(talk + hold + wrap), at.minusSeconds(wrap), talk * 1000, hold * 1000, wrap * 1000);
    }

    /** Pipes the event as its producer would: its topic, keyed by contactId, with ce_id and ce_time headers. */
    private void pipe(TierlineEvent event) {
        String topic = topicOf(event);
        var headers = new RecordHeaders()
                .add("ce_id", event.eventId().getBytes(StandardCharsets.UTF_8))
                .add("ce_time", event.occurredAt().toString().getBytes(StandardCharsets.UTF_8));
        // The record timestamp is the (later) publish time: the topology must use ce_time, not this.
        inputs.get(topic).pipeInput(new TestRecord<>(event.key(), EventJson.write(event), headers,
                event.occurredAt().plusSeconds(3600)));
        // the contributions are added up per key and minute and forwarded every combine interval: here after each
        // event, so that each is judged late or not at its own arrival (see theSumsOfManyEventsGiveTheSameKpis)
        driver.advanceWallClockTime(KpiTopology.DEFAULT_COMBINE_INTERVAL);
    }

    private static String topicOf(TierlineEvent event) {
        return event instanceof ContactEvent ? Topics.CONTACTS_RECEIVED
                : event instanceof AssignmentEvent ? Topics.CONTACTS_ASSIGNMENTS
                : event instanceof ContactResolved ? Topics.CONTACTS_RESOLVED
                : event instanceof QualityEvaluated ? Topics.CONTACTS_EVALUATIONS
                : event instanceof AgentPresenceChanged ? Topics.AGENTS_PRESENCE
                : Topics.CONTACTS_ESCALATED;
    }

    /** The last snapshot of every key and window, as {@code key@windowStart}. */
    private Map<String, KpiSnapshot> latestSnapshots() {
        Map<String, KpiSnapshot> latest = new HashMap<>();
        for (String topic : Topics.KPI_TOPICS) {
            var output = driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
            for (var kv : output.readKeyValuesToList()) {
                KpiSnapshot s = EventJson.read(kv.value, KpiSnapshot.class);
                assertEquals(s.key(), kv.key);
                assertEquals(Duration.parse(s.window().equals("P1D") ? "PT24H" : s.window()),
                        Duration.between(s.windowStart(), s.windowEnd()));
                latest.put(kv.key + "@" + s.windowStart(), s);
            }
        }
        return latest;
    }

    private static KpiSnapshot get(Map<String, KpiSnapshot> out, String key, String windowStart) {
        KpiSnapshot s = out.get(key + "@" + windowStart);
        assertNotNull(s, "no snapshot " + key + " for the window starting " + windowStart);
        return s;
    }

    private static void assertRatio(Map<String, KpiSnapshot> out, String key, String windowStart, long numerator,
            long denominator) {
        KpiSnapshot s = get(out, key, windowStart);
        assertEquals("ratio", s.unit(), key);
        assertEquals(numerator, s.numerator(), key + " numerator");
        assertEquals(denominator, s.denominator(), key + " denominator");
        assertEquals((double) numerator / denominator, s.value(), key + " value");
    }

    private static void assertDuration(Map<String, KpiSnapshot> out, String key, String windowStart, long count,
            double mean, double p50, double p90, double p99) {
        KpiSnapshot s = get(out, key, windowStart);
        assertEquals("seconds", s.unit(), key);
        assertEquals(count, s.count(), key + " count");
        assertEquals(mean, s.value(), key + " mean");
        assertEquals(p50, s.p50(), key + " p50");
        assertEquals(p90, s.p90(), key + " p90");
        assertEquals(p99, s.p99(), key + " p99");
    }

    private static String header(TestRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
