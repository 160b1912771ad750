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
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;

/** Compact binary serdes for the topology's repartition topics and state stores (internal topics only). */
final class KpiSerdes {

    private static final byte VERSION = 1;
    /** Of the serdes that carry a tally: its durations as buckets with an exact sum (version 1: distinct values). */
    private static final byte TALLY_VERSION = 2;
    private static final byte SUM_VERSION = 3;
    private static final byte SUM_VERSION_DISTINCT_VALUES = 2;

    private KpiSerdes() {
    }

    static Serde<KpiTally> tally() {
        return Serdes.serdeFrom(bytes(TALLY_VERSION, KpiSerdes::writeTally), readTallyVersions(KpiSerdes::readTally));
    }

    /**
     * The sums on the repartition topics {@code kpi-contributions} and {@code kpi-fcr7-contributions}: a tally
     * (version 3). Reads the versions before too, so records in flight when an older version of the service is
     * replaced count exactly once: 2, a tally whose durations were distinct values; 1, the single contribution
     * those topics carried before the {@link Combiner}.
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
                    return readTally(in, true);
                }
                if (version == SUM_VERSION_DISTINCT_VALUES) {
                    return readTally(in, false);
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
        return Serdes.serdeFrom(bytes(TALLY_VERSION, (p, out) -> {
            out.writeLong(p.sequence());
            out.writeLong(p.timestamp());
            writeTally(p.tally(), out);
        }), readTallyVersions((in, buckets) -> new Combiner.Pending(in.readLong(), in.readLong(),
                readTally(in, buckets))));
    }

    /** A minute of the agent dimension's store: per window size, whether a part is there, its time and sum. */
    static Serde<MinuteTally> minuteTally() {
        return Serdes.serdeFrom(bytes(TALLY_VERSION, (m, out) -> {
            out.writeByte(MinuteTally.SIZES);
            for (int i = 0; i < MinuteTally.SIZES; i++) {
                out.writeBoolean(m.parts[i] != null);
                if (m.parts[i] != null) {
                    out.writeLong(m.timestamps[i]);
                    writeTally(m.parts[i], out);
                }
            }
        }), readTallyVersions((in, buckets) -> {
            MinuteTally m = new MinuteTally();
            int sizes = in.readByte();
            if (sizes != MinuteTally.SIZES) {
                throw new IllegalStateException("a minute of " + sizes + " window sizes, expected " + MinuteTally.SIZES);
            }
            for (int i = 0; i < sizes; i++) {
                if (in.readBoolean()) {
                    m.timestamps[i] = in.readLong();
                    m.parts[i] = readTally(in, buckets);
                }
            }
            return m;
        }));
    }

    /** A tally: counts, then its durations' exact sum and buckets (ascending, each as the step from the last). */
    private static void writeTally(KpiTally t, DataOutputStream out) throws IOException {
        out.writeLong(t.numerator);
        out.writeLong(t.denominator);
        out.writeLong(t.scoreSum);
        ByteUtils.writeVarlong(t.durations.sumMillis(), out);
        var buckets = t.durations.buckets();
        ByteUtils.writeVarint(buckets.size(), out);
        long last = 0;
        for (Map.Entry<Long, Long> e : buckets.entrySet()) {
            ByteUtils.writeVarlong(e.getKey() - last, out);
            ByteUtils.writeVarlong(e.getValue(), out);
            last = e.getKey();
        }
    }

    /** @param buckets whether written by {@link #writeTally}; else by the version before, with distinct values */
    private static KpiTally readTally(DataInputStream in, boolean buckets) throws IOException {
        long numerator = in.readLong();
        long denominator = in.readLong();
        long scoreSum = in.readLong();
        if (!buckets) {
            int n = in.readInt();
            DurationDistribution durations = new DurationDistribution();
            for (int i = 0; i < n; i++) {
                durations.add(in.readLong(), in.readLong());
            }
            return new KpiTally(numerator, denominator, scoreSum, durations);
        }
        long sum = ByteUtils.readVarlong(in);
        int n = ByteUtils.readVarint(in);
        Map<Long, Long> counts = new TreeMap<>();
        long bucket = 0;
        for (int i = 0; i < n; i++) {
            bucket += ByteUtils.readVarlong(in);
            counts.put(bucket, ByteUtils.readVarlong(in));
        }
        return new KpiTally(numerator, denominator, scoreSum, DurationDistribution.ofBuckets(counts, sum));
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

    /** Reads what carries tallies, in either format: {@code buckets} is false for version 1 (distinct values). */
    private interface TallyReader<T> {
        T read(DataInputStream in, boolean buckets) throws IOException;
    }

    private static <T> Serializer<T> bytes(Writer<T> writer) {
        return bytes(VERSION, writer);
    }

    private static <T> Serializer<T> bytes(byte version, Writer<T> writer) {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            var buffer = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(buffer)) {
                out.writeByte(version);
                writer.write(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        };
    }

    private static <T> Deserializer<T> read(Reader<T> reader) {
        return read(version -> version == VERSION, (in, version) -> reader.read(in));
    }

    /** Reads what carries tallies, in either format: the version before {@link #TALLY_VERSION} had distinct values. */
    private static <T> Deserializer<T> readTallyVersions(TallyReader<T> reader) {
        return read(version -> version == VERSION || version == TALLY_VERSION,
                (in, version) -> reader.read(in, version == TALLY_VERSION));
    }

    private interface VersionedReader<T> {
        T read(DataInputStream in, byte version) throws IOException;
    }

    private static <T> Deserializer<T> read(IntPredicate accepted, VersionedReader<T> reader) {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (!accepted.test(version)) {
                    throw new IllegalStateException("unknown serialisation version " + version);
                }
                return reader.read(in, version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
