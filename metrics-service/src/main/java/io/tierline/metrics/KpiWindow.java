package io.tierline.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The UTC-aligned tumbling window sizes a KPI snapshot can cover, named by their ISO-8601 duration. */
public enum KpiWindow {
    PT1M(Duration.ofMinutes(1)),
    PT15M(Duration.ofMinutes(15)),
    PT1H(Duration.ofHours(1)),
    P1D(Duration.ofDays(1));

    public static final KpiWindow DEFAULT = PT1H;

    /** Every size, smallest first ({@code values()} copies its array on every call). */
    private static final List<KpiWindow> SIZES = List.of(values());

    private final Duration length;

    KpiWindow(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The start (epoch ms) of the window of this size that contains {@code epochMillis}. */
    public long startOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, length.toMillis());
    }

    /**
     * Whether the window of this size that contains {@code eventTime} still takes an input when the stream has
     * reached {@code streamTime} (KPIS.md, "Late events"): until its end plus the grace period.
     */
    public boolean openAt(long eventTime, long streamTime, Duration grace) {
        return streamTime < startOf(eventTime) + length.toMillis() + grace.toMillis();
    }

    /**
     * The smallest window size whose window containing {@code eventTime} is still open at {@code streamTime}, if
     * any. The windows nest (each contains the smaller ones around the same instant and ends no earlier), so an
     * input counts in the windows of this size and of every larger one, and in no smaller one.
     */
    public static Optional<KpiWindow> smallestOpen(long eventTime, long streamTime, Duration grace) {
        for (KpiWindow window : SIZES) {
            if (window.openAt(eventTime, streamTime, grace)) {
                return Optional.of(window);
            }
        }
        return Optional.empty();
    }

    /** The window named exactly {@code name} (e.g. {@code PT15M}), if there is one. */
    public static Optional<KpiWindow> named(String name) {
        return Arrays.stream(values()).filter(w -> w.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
