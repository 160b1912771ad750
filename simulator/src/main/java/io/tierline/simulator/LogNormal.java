package io.tierline.simulator;

import java.util.SplittableRandom;

/**
 * A log-normal duration, given as its median and the standard deviation {@code sigma} of its logarithm
 * (contact-centre handle, wrap-up and patience times are well described by it: positive, right-skewed).
 */
public record LogNormal(double medianSeconds, double sigma) {

    public LogNormal {
        if (!(medianSeconds > 0)) {
            throw new IllegalArgumentException("medianSeconds must be > 0, was " + medianSeconds);
        }
        if (!(sigma >= 0) || sigma > 5) {
            throw new IllegalArgumentException("sigma must be within 0..5, was " + sigma);
        }
    }

    /** A draw in milliseconds (at least 1). */
    public long sampleMillis(SplittableRandom random) {
        double seconds = medianSeconds * Math.exp(sigma * gaussian(random));
        return Math.max(1, Math.round(seconds * 1000));
    }

    /** The mean in seconds: median * exp(sigma^2 / 2). */
    public double meanSeconds() {
        return medianSeconds * Math.exp(sigma * sigma / 2);
    }

    /** A standard normal draw (Box-Muller), so that draws depend only on the random's own sequence. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
