package io.tierline.metrics.streams;

import io.tierline.events.EventJson;
import io.tierline.events.TierlineEvent;
import io.tierline.metrics.kpi.AgentTimeline;
import io.tierline.metrics.kpi.DurationDistribution;
import io.tierline.metrics.kpi.RepeatCorrections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Compact binary serdes for the topology's repartition topics and state stores (internal topics only). */
final class KpiSerdes {

    private static final byte VERSION = 1;
    private static final byte SUM_VERSION = 2;

    private KpiSerdes() {
    }

    static Serde<KpiTally> tally() {
        return Serdes.serdeFrom(bytes(KpiSerdes::writeTally), read(KpiSerdes::readTally));
    }

    /**
     * The sums on the repartition topics {@code kpi-contributions} and {@code kpi-fcr7-contributions}: a tally
     * (version 2). Reads version 1 too, the single contribution those topics carried before the {@link Combiner}
     * (so records in flight when a version without it is replaced count exactly once).
     */
    static Serde<KpiTally> sum() {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            var buffer = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(buffer)) {
                out.writeByte(SUM_VERSION);
                writeTally(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version == SUM_VERSION) {
                    return readTally(in);
                }
                if (version == VERSION) {
                    String key = in.readUTF();
                    long numerator = in.readLong();
                    long denominator = in.readLong();
                    boolean hasDuration = in.readBoolean();
                    long duration = in.readLong();
                    int score = in.readInt();
                    return new KpiTally().add(new Contribution(key, numerator, denominator,
                            hasDuration ? duration : null, score));
                }
                throw new IllegalStateException("unknown serialisation version " + version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Serde<Combiner.Pending> pending() {
        return Serdes.serdeFrom(bytes((p, out) -> {
            out.writeLong(p.sequence());
            out.writeLong(p.timestamp());
            writeTally(p.tally(), out);
        }), read(in -> new Combiner.Pending(in.readLong(), in.readLong(), readTally(in))));
    }

    private static void writeTally(KpiTally t, DataOutputStream out) throws IOException {
        out.writeLong(t.numerator);
        out.writeLong(t.denominator);
        out.writeLong(t.scoreSum);
        var counts = t.durations.counts();
        out.writeInt(counts.size());
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            out.writeLong(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    private static KpiTally readTally(DataInputStream in) throws IOException {
        long numerator = in.readLong();
        long denominator = in.readLong();
        long scoreSum = in.readLong();
        int n = in.readInt();
        DurationDistribution durations = new DurationDistribution();
        for (int i = 0; i < n; i++) {
            durations.add(in.readLong(), in.readLong());
        }
        return new KpiTally(numerator, denominator, scoreSum, durations);
    }

    static Serde<AgentTimeline> timeline() {
        return Serdes.serdeFrom(bytes((t, out) -> {
            out.writeBoolean(t.staffedStatus());
            out.writeLong(t.since());
            out.writeInt(t.openContacts().size());
            for (String contact : t.openContacts()) {
                out.writeUTF(contact);
            }
        }), read(in -> {
            boolean staffed = in.readBoolean();
            long since = in.readLong();
            int n = in.readInt();
            Set<String> open = new HashSet<>();
            for (int i = 0; i < n; i++) {
                open.add(in.readUTF());
            }
            return new AgentTimeline(staffed, open, since);
        }));
    }

    static Serde<RepeatCorrections> repeatCorrections() {
        return Serdes.serdeFrom(bytes((r, out) -> {
            out.writeInt(r.resolutions().size());
            for (RepeatCorrections.Resolution resolution : r.resolutions()) {
                out.writeLong(resolution.time());
                out.writeBoolean(resolution.corrected());
                writeStrings(resolution.dimensions(), out);
            }
        }), read(in -> {
            int n = in.readInt();
            List<RepeatCorrections.Resolution> resolutions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long time = in.readLong();
                boolean corrected = in.readBoolean();
                resolutions.add(new RepeatCorrections.Resolution(time, readStrings(in), corrected));
            }
            return new RepeatCorrections(resolutions);
        }));
    }

    /**
     * The 7-day FCR's input on {@code kpi-fcr7-contacts}. Reads the event JSON too, which that topic carried
     * before, so records in flight when an older version is replaced count exactly once.
     */
    static Serde<RepeatInput> repeatInput() {
        Deserializer<RepeatInput> binary = read(in -> new RepeatInput(in.readBoolean(), in.readBoolean(),
                readStrings(in)));
        return Serdes.serdeFrom(bytes((r, out) -> {
            out.writeBoolean(r.resolution());
            out.writeBoolean(r.firstContactResolution());
            writeStrings(r.dimensions(), out);
        }), (topic, data) -> data != null && data.length > 0 && data[0] == '{'
                ? RepeatInput.of(EventJson.read(new String(data, StandardCharsets.UTF_8), TierlineEvent.class))
                : binary.deserialize(topic, data));
    }

    private static void writeStrings(List<String> strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serializer<T> bytes(Writer<T> writer) {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            var buffer = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(buffer)) {
                out.writeByte(VERSION);
                writer.write(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        };
    }

    private static <T> Deserializer<T> read(Reader<T> reader) {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new IllegalStateException("unknown serialisation version " + version);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
