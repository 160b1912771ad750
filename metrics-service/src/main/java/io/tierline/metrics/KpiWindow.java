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

    private final Duration length;

    KpiWindow(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The window named exactly {@code name} (e.g. {@code PT15M}), if there is one. */
    public static Optional<KpiWindow> named(String name) {
        return Arrays.stream(values()).filter(w -> w.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
