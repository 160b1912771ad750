package io.tierline.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code tierline.intake.*} settings (documented in the module README). */
@ConfigMapping(prefix = "tierline.intake")
public interface IntakeConfig {

    /** Language of contacts whose gateway sent none (a BCP 47 tag). */
    @WithDefault("en")
    String defaultLanguage();

    /** Category of contacts whose gateway asked for none. */
    @WithDefault("general")
    String defaultCategory();

    /** How far back an earlier contact of the same customer and category makes a new one a repeat. */
    @WithDefault("P7D")
    Duration repeatWindow();

    /** How long a request waits for the broker to acknowledge its event before answering 503. */
    @WithDefault("PT10S")
    Duration publishTimeout();

    Republish republish();

    /** The background re-publisher of contacts whose event was never acknowledged. */
    interface Republish {
        /** How often it looks (a scheduler interval such as {@code 15s}; {@code off} disables it). */
        @WithDefault("15s")
        String every();

        /** How long a contact must have been PENDING before it is re-published. */
        @WithDefault("PT30S")
        Duration after();

        /** At most this many contacts per run. */
        @WithDefault("100")
        int batchSize();
    }
}
