package io.tierline.simulator;

import io.tierline.events.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How customers arrive: a Poisson process of {@code ratePerMinute} contacts per minute, shaped by a
 * time-of-day profile, plus optional bursts (an outage storm).
 *
 * @param hourlyProfile 24 factors, one per hour of the simulated day (empty: flat 1.0)
 * @param startHour the simulated hour of day the run starts at
 * @param clockSpeed simulated seconds per real second, for reading the profile only (60: one simulated hour
 *     per real minute); handle, wrap-up and patience times are always real time
 * @param customers how many distinct customers contact the centre (repeat contacts come from them)
 * @param repeatShare share of arrivals that are the same customer again, about the same category
 */
public record Arrivals(
        double ratePerMinute,
        List<Double> hourlyProfile,
        int startHour,
        double clockSpeed,
        Map<Channel, Double> channels,
        Map<String, Double> categories,
        Map<String, Double> languages,
        double vipShare,
        double repeatShare,
        int customers,
        List<Burst> bursts) {

    public Arrivals {
        Scenario.require(ratePerMinute > 0 && ratePerMinute <= 1_000_000, "arrivals.ratePerMinute", "must be within (0, 1000000]");
        hourlyProfile = hourlyProfile == null ? List.of() : List.copyOf(hourlyProfile);
        Scenario.require(hourlyProfile.isEmpty() || hourlyProfile.size() == 24, "arrivals.hourlyProfile", "must have 24 values");
        Scenario.require(hourlyProfile.stream().allMatch(f -> f != null && f >= 0), "arrivals.hourlyProfile", "values must be >= 0");
        Scenario.require(startHour >= 0 && startHour < 24, "arrivals.startHour", "must be within 0..23");
        clockSpeed = clockSpeed == 0 ? 1 : clockSpeed;
        Scenario.require(clockSpeed > 0, "arrivals.clockSpeed", "must be > 0");
        Scenario.require(channels != null && !channels.isEmpty(), "arrivals.channels", "must give at least one channel weight");
        Scenario.require(categories != null && !categories.isEmpty(), "arrivals.categories", "must give at least one category weight");
        Scenario.require(languages != null && !languages.isEmpty(), "arrivals.languages", "must give at least one language weight");
        Scenario.require(vipShare >= 0 && vipShare <= 1, "arrivals.vipShare", "must be within 0..1");
        Scenario.require(repeatShare >= 0 && repeatShare <= 1, "arrivals.repeatShare", "must be within 0..1");
        customers = customers == 0 ? 10_000 : customers;
        Scenario.require(customers > 0, "arrivals.customers", "must be > 0");
        bursts = bursts == null ? List.of() : List.copyOf(bursts);
    }

    /** The profile factor at a simulated hour. */
    double profileFactor(int hourOfDay) {
        return hourlyProfile.isEmpty() ? 1.0 : hourlyProfile.get(hourOfDay);
    }

    /**
     * Extra arrivals of one category (and optionally channel mix) during part of the run.
     *
     * @param startAfter real time after the run starts
     */
    public record Burst(Duration startAfter, Duration duration, double ratePerMinute, String category,
            Map<Channel, Double> channels) {

        public Burst {
            Scenario.require(startAfter != null && !startAfter.isNegative(), "arrivals.bursts.startAfter", "must be a duration >= 0");
            Scenario.require(duration != null && !duration.isNegative() && !duration.isZero(), "arrivals.bursts.duration", "must be a positive duration");
            Scenario.require(ratePerMinute > 0, "arrivals.bursts.ratePerMinute", "must be > 0");
            Scenario.require(category != null && !category.isBlank(), "arrivals.bursts.category", "is required");
            channels = channels == null ? Map.of() : Map.copyOf(channels);
        }

        boolean activeAt(long elapsedMillis) {
            return elapsedMillis >= startAfter.toMillis() && elapsedMillis < startAfter.plus(duration).toMillis();
        }
    }
}
