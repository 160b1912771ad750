package io.tierline.metrics.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.metrics.kpi.DurationDistribution;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
}
