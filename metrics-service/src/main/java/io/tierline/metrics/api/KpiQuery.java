package io.tierline.metrics.api;

import io.tierline.events.Channel;
import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.streams.Kpis;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The query parameters of {@code GET /kpis}, validated all at once. A blank parameter is an absent one.
 *
 * @param kpis      the KPIs asked for (all of them by default)
 * @param dimension {@code all}, {@code queue=<id>}, {@code channel=<CHANNEL>}, {@code tier=<1..3>} or
 *                  {@code agent=<id>} or {@code category=<name>} (the deflection rate's)
 * @param at        an instant inside the window asked for (now by default)
 * @param trailing  whether the window is the trailing one of its size that ends with the minute containing
 *                  {@code at} ({@link #TRAILING}), rather than the UTC-aligned one containing {@code at}
 */
record KpiQuery(List<String> kpis, KpiWindow window, String dimension, Instant at, boolean trailing) {

    /** The window sizes that can be asked for as trailing windows: merged from at most 60 minutes. */
    static final List<KpiWindow> TRAILING = List.of(KpiWindow.PT15M, KpiWindow.PT1H);
    static final String TRAILING_VALUES = "must be true or false";

    KpiQuery(List<String> kpis, KpiWindow window, String dimension, Instant at) {
        this(kpis, window, dimension, at, false);
    }

    static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).toList();
    static final String DIMENSIONS = "all, queue=<id>, channel=<" + String.join("|", CHANNELS)
            + ">, tier=<1|2|3>, agent=<id> or category=<name>";

    /**
     * @param now       the current time: {@code at} may not be after it
     * @param retention how long back windows of each size are kept
     * @throws ProblemException 400 naming every invalid parameter
     */
    static KpiQuery parse(String kpi, String window, String dimension, String at, Instant now,
            Function<KpiWindow, Duration> retention) {
        return parse(kpi, window, dimension, at, null, now, retention);
    }

    /** @param trailing {@code true} for the trailing window ({@link #TRAILING} sizes only), {@code false} or absent */
    static KpiQuery parse(String kpi, String window, String dimension, String at, String trailing, Instant now,
            Function<KpiWindow, Duration> retention) {
        return parse(kpi, window, dimension, "at", at, now, trailing, now, retention);
    }

    /**
     * @param atName    the name of the instant parameter ({@code at}, or {@code from} for a series)
     * @param atDefault the instant when it is absent
     */
    static KpiQuery parse(String kpi, String window, String dimension, String atName, String at, Instant atDefault,
            Instant now, Function<KpiWindow, Duration> retention) {
        return parse(kpi, window, dimension, atName, at, atDefault, null, now, retention);
    }

    private static KpiQuery parse(String kpi, String window, String dimension, String atName, String at,
            Instant atDefault, String trailing, Instant now, Function<KpiWindow, Duration> retention) {
        List<Violation> violations = new ArrayList<>();
        List<String> kpis = Kpis.ALL;
        if (!blank(kpi)) {
            kpis = Kpis.ALL.contains(kpi.trim()) ? List.of(kpi.trim()) : null;
            if (kpis == null) {
                violations.add(new Violation("kpi", "must be one of " + Kpis.ALL));
            }
        }
        KpiWindow parsedWindow = KpiWindow.DEFAULT;
        if (!blank(window)) {
            parsedWindow = KpiWindow.named(window.trim()).orElse(null);
            if (parsedWindow == null) {
                violations.add(new Violation("window", "must be one of " + KpiWindow.names()));
            }
        }
        String parsedDimension = blank(dimension) ? "all" : dimension.trim();
        if (!validDimension(parsedDimension)) {
            violations.add(new Violation("dimension", "must be " + DIMENSIONS));
        }
        Optional<Boolean> trailingFlag = trailing(trailing);
        boolean parsedTrailing = trailingFlag.orElse(false);
        if (trailingFlag.isEmpty()) {
            violations.add(new Violation("trailing", TRAILING_VALUES));
        } else if (parsedTrailing && parsedWindow != null && !TRAILING.contains(parsedWindow)) {
            violations.add(new Violation("trailing", "is only for the windows " + TRAILING));
        }
        Instant parsedAt = atDefault;
        if (!blank(at)) {
            parsedAt = instant(at.trim());
            // a trailing window is read from the PT1M windows and starts less than its length before at
            Duration kept = parsedWindow == null ? null : parsedTrailing
                    ? retention.apply(KpiWindow.PT1M).minus(parsedWindow.length())
                    : retention.apply(parsedWindow);
            if (parsedAt == null) {
                violations.add(new Violation(atName, "must be an ISO-8601 instant such as 2025-03-01T12:00:00Z"));
            } else if (parsedAt.isAfter(now)) {
                violations.add(new Violation(atName, "must not be in the future"));
            } else if (kept != null && parsedAt.isBefore(now.minus(kept))) {
                violations.add(new Violation(atName, "is older than the " + (parsedTrailing ? "trailing " : "")
                        + parsedWindow + " windows are kept (" + kept + ")"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new KpiQuery(kpis, parsedWindow, parsedDimension, parsedAt, parsedTrailing);
    }

    /** {@code trailing} as given: true or false (blank or absent is false); empty if it is neither. */
    static Optional<Boolean> trailing(String trailing) {
        if (blank(trailing)) {
            return Optional.of(false);
        }
        return switch (trailing.trim()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    static boolean validDimension(String dimension) {
        if ("all".equals(dimension)) {
            return true;
        }
        int eq = dimension.indexOf('=');
        if (eq < 0 || eq == dimension.length() - 1) {
            return false;
        }
        String value = dimension.substring(eq + 1);
        return switch (dimension.substring(0, eq)) {
            case "queue", "agent", "category" -> !value.isBlank();
            case "channel" -> CHANNELS.contains(value);
            case "tier" -> List.of("1", "2", "3").contains(value);
            default -> false;
        };
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
