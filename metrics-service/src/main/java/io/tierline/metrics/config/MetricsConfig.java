package io.tierline.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code tierline.metrics.*} settings (documented in the service README). */
@ConfigMapping(prefix = "tierline.metrics")
public interface MetricsConfig {

    /** How often the KPI snapshots are computed, the gauges refreshed and changed snapshots published. */
    @WithDefault("5s")
    Duration publishInterval();

    /** How long a KPI snapshot publish waits for the broker's acknowledgement. */
    @WithDefault("10s")
    Duration publishTimeout();
}
