package io.tierline.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Picks one of several values with given relative weights; iteration order is fixed (sorted) so picks are reproducible. */
public final class Weighted<T extends Comparable<T>> {

    private final List<T> values = new ArrayList<>();
    private final double[] cumulative;

    public Weighted(String name, Map<T, Double> weights) {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException(name + " must name at least one value");
        }
        var sorted = new TreeMap<T, Double>(weights);
        cumulative = new double[sorted.size()];
        double total = 0;
        int i = 0;
        for (var e : sorted.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0)) {
                throw new IllegalArgumentException(name + "." + e.getKey() + " must be a weight >= 0");
            }
            total += e.getValue();
            values.add(e.getKey());
            cumulative[i++] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(name + " weights must not all be 0");
        }
        for (int j = 0; j < cumulative.length; j++) {
            cumulative[j] /= total;
        }
    }

    public T pick(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    public List<T> values() {
        return List.copyOf(values);
    }
}
