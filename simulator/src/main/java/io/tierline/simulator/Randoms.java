package io.tierline.simulator;

import java.util.SplittableRandom;

/** Independent, reproducible random streams: one per (seed, purpose, subject), whatever the order of events. */
final class Randoms {

    private Randoms() {
    }

    static SplittableRandom of(long seed, String purpose, String subject) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = mix(h ^ purpose.hashCode());
        h = mix(h ^ subject.hashCode());
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
