package io.tierline.metrics.api;

import io.tierline.events.Channel;
import io.tierline.metrics.KpiFilter;
import io.tierline.metrics.KpiWindow;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The query parameters of {@code GET /kpis}, validated all at once. A blank parameter is an absent one. */
record KpiQuery(KpiWindow window, KpiFilter filter) {

    static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).toList();

    /** @throws ProblemException 400 naming every invalid parameter */
    static KpiQuery parse(String window, String queueId, String channel, String tier) {
        List<Violation> violations = new ArrayList<>();
        KpiWindow parsedWindow = KpiWindow.DEFAULT;
        if (!blank(window)) {
            parsedWindow = KpiWindow.named(window.trim()).orElse(null);
            if (parsedWindow == null) {
                violations.add(new Violation("window", "must be one of " + KpiWindow.names()));
            }
        }
        Channel parsedChannel = null;
        if (!blank(channel)) {
            String name = channel.trim();
            if (CHANNELS.contains(name)) {
                parsedChannel = Channel.valueOf(name);
            } else {
                violations.add(new Violation("channel", "must be one of " + CHANNELS));
            }
        }
        Integer parsedTier = blank(tier) ? null : tier(tier.trim());
        if (!blank(tier) && parsedTier == null) {
            violations.add(new Violation("tier", "must be 1, 2 or 3"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new KpiQuery(parsedWindow, new KpiFilter(blank(queueId) ? null : queueId.trim(), parsedChannel, parsedTier));
    }

    private static Integer tier(String value) {
        return switch (value) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> null;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
