package io.tierline.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The end-of-run table, and the same figures as JSON for the benchmark report. */
final class Summary {

    private final Scenario scenario;
    private final Tally tally;
    private final long[] measuredWindow;

    /** {@code measuredWindow}: the measured arrivals' first and the arrivals' end in epoch ms, or null. */
    Summary(Scenario scenario, Tally tally, long[] measuredWindow) {
        this.scenario = scenario;
        this.tally = tally;
        this.measuredWindow = measuredWindow;
    }

    Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.name());
        m.put("seed", scenario.seed());
        m.put("durationSeconds", scenario.duration().toSeconds());
        m.put("agents", scenario.agentCount());
        m.putAll(tally.counts());
        m.put("postToOfferMillis", percentiles(tally.postToOffer));
        m.put("offerToStreamMillis", percentiles(tally.offerToStream));
        m.put("intakeRoundTripMillis", percentiles(tally.intake));
        if (measuredWindow != null) {
            // when the measured arrivals were posted, for a benchmark that samples the machine meanwhile
            m.put("measuredFromEpochMillis", measuredWindow[0]);
            m.put("measuredUntilEpochMillis", measuredWindow[1]);
        }
        return m;
    }

    String table() {
        StringBuilder b = new StringBuilder("\nSummary of ").append(scenario.name()).append('\n');
        b.append(String.format(Locale.ROOT, "  %-42s %12s%n", "", "count"));
        tally.counts().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-42s %12d%n", k, v)));
        row(b, "post-to-offer (ms)", tally.postToOffer);
        row(b, "  of which offer to stream (ms)", tally.offerToStream);
        row(b, "intake round trip (ms)", tally.intake);
        return b.toString();
    }

    String json() throws Exception {
        return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures());
    }

    private static void row(StringBuilder b, String name, Latencies l) {
        b.append(String.format(Locale.ROOT, "  %-42s n=%d p50 %.1f  p99 %.1f  p99.9 %.1f%n", name, l.count(),
                l.percentileMillis(0.5), l.percentileMillis(0.99), l.percentileMillis(0.999)));
    }

    private static Map<String, Object> percentiles(Latencies l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        if (l.count() == 0) {
            return m;
        }
        m.put("p50", l.percentileMillis(0.5));
        m.put("p99", l.percentileMillis(0.99));
        m.put("p999", l.percentileMillis(0.999));
        return m;
    }
}
