package io.tierline.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One benchmark's outcome: the figure, the same-run baseline it is compared with, their ratio, the target the
 * issue names, and the details behind them.
 *
 * @param higherIsBetter whether a larger figure is better (throughput) or worse (latency)
 */
public record BenchResult(
        String name,
        String figureName,
        double figure,
        String unit,
        String baselineName,
        double baseline,
        boolean higherIsBetter,
        String target,
        Map<String, Object> details) {

    /** figure / baseline. */
    public double ratio() {
        return baseline == 0 ? Double.NaN : figure / baseline;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("figureName", figureName);
        m.put("figure", figure);
        m.put("unit", unit);
        m.put("baselineName", baselineName);
        m.put("baseline", baseline);
        m.put("ratio", ratio());
        m.put("higherIsBetter", higherIsBetter);
        m.put("target", target);
        m.put("details", details);
        return m;
    }

    public String line() {
        return String.format(java.util.Locale.ROOT, "%s: %s %.1f %s | baseline %s %.1f %s | ratio %.3f | target: %s",
                name, figureName, figure, unit, baselineName, baseline, unit, ratio(), target);
    }
}
