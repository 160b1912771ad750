package io.tierline.metrics.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Channel;
import io.tierline.events.ContactResolved;
import io.tierline.events.EventJson;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.DurationDistribution;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KpiSerdesTest {

    @Test
    void aSumIsReadBackExactly() {
        KpiTally sum = new KpiTally().add(new Contribution("aht|all", 0, 0, 60_000L, 0))
                .add(new Contribution("aht|all", 0, 0, 60_000L, 0)).add(new Contribution("aht|all", 0, 0, 1L, 0));
        KpiTally read = KpiSerdes.sum().deserializer().deserialize("t", KpiSerdes.sum().serializer().serialize("t", sum));
        assertEquals(DurationDistribution.of(60_000, 60_000, 1), read.durations());
        assertEquals(3, read.durations().count());
    }

    @Test
    void aMinuteOfTheAgentStoreIsReadBackWithEachPartInItsWindowSize() {
        MinuteTally minute = new MinuteTally()
                .add(KpiWindow.PT1M, 1_000, new KpiTally().add(new Contribution("aht|agent=a", 0, 0, 30_000L, 0)))
                .add(KpiWindow.PT1H, 2_000, new KpiTally().add(new Contribution("aht|agent=a", 0, 0, 90_000L, 0)));
        MinuteTally read = KpiSerdes.minuteTally().deserializer().deserialize("t",
                KpiSerdes.minuteTally().serializer().serialize("t", minute));
        KpiTally quarter = new KpiTally();
        assertEquals(1_000, read.addTo(KpiWindow.PT15M, quarter));
        assertEquals(DurationDistribution.of(30_000), quarter.durations());
        KpiTally day = new KpiTally();
        assertEquals(2_000, read.addTo(KpiWindow.P1D, day));
        assertEquals(DurationDistribution.of(30_000, 90_000), day.durations());
    }

    @Test
    void aTallyWrittenWithDistinctValuesIsReadIntoBuckets() throws IOException {
        // version 1 of the stores' tallies: counts, then each distinct duration and how often
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(0);
            out.writeLong(0);
            out.writeLong(0);
            out.writeInt(2);
            out.writeLong(1_234);
            out.writeLong(2);
            out.writeLong(1_238);
            out.writeLong(1);
        }
        KpiTally read = KpiSerdes.tally().deserializer().deserialize("t", bytes.toByteArray());
        assertEquals(DurationDistribution.of(1_234, 1_234, 1_238), read.durations());
        assertEquals(3_706, read.durations().sumMillis());
        // and what is written now is read back the same
        KpiTally again = KpiSerdes.tally().deserializer().deserialize("t", KpiSerdes.tally().serializer().serialize("t", read));
        assertEquals(read.durations(), again.durations());
    }

    @Test
    void aSingleContributionWrittenBeforeTheCombinerIsReadAsASumOfOne() throws IOException {
        // version 1: what the repartition topics carried before (in flight when a service without it is replaced)
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("csat|channel=CHAT");
            out.writeLong(1);
            out.writeLong(1);
            out.writeBoolean(false);
            out.writeLong(0);
            out.writeInt(5);
        }
        KpiTally read = KpiSerdes.sum().deserializer().deserialize("t", bytes.toByteArray());
        assertEquals(1, read.ratio().numerator());
        assertEquals(1, read.ratio().denominator());
        assertEquals(5, read.scoreSum());
        assertEquals(0, read.durations().count());
    }

    @Test
    void theSevenDayFcrInputIsReadBackAndTheEventJsonTheTopicCarriedBeforeIsReadAsTheSame() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        ContactResolved resolved = new ContactResolved("e-1", "C-1", at, "agent-1", "billing-l1", 1, Channel.CHAT,
                "cust-1", "billing", null, "FIXED", null, 0, 0, null, at.minusSeconds(60), at.minusSeconds(50),
                40_000, 0);
        RepeatInput input = RepeatInput.of(resolved);
        assertTrue(input.resolution());
        assertEquals(resolved.firstContactResolution(), input.firstContactResolution());
        assertTrue(input.dimensions().contains("queue=billing-l1"), input.dimensions().toString());

        var serde = KpiSerdes.repeatInput();
        assertEquals(input, serde.deserializer().deserialize("t", serde.serializer().serialize("t", input)));
        assertEquals(RepeatInput.REPEAT,
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", RepeatInput.REPEAT)));
        // in flight on kpi-fcr7-contacts when a version that wrote the event itself is replaced
        byte[] before = EventJson.write(resolved).getBytes(StandardCharsets.UTF_8);
        assertEquals(input, serde.deserializer().deserialize("t", before));
    }
}
