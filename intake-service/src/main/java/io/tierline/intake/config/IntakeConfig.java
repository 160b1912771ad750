package io.tierline.intake.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

    /**
     * The largest request body taken (by its Content-Length); larger ones are answered 413. Keep it below
     * {@code quarkus.http.limits.max-body-size}, the server's own hard limit for bodies without a length.
     */
    @WithDefault("512K")
    MemorySize maxBodySize();

    Republish republish();

    Classification classification();

    /** The classification rules document and its hot reload. */
    interface Classification {
        /** A rules file on disk; absent: the document shipped in the jar ({@code classification-rules.json}). */
        Optional<String> rulesFile();

        /** How often the rules file is checked for changes (a scheduler interval; {@code off} disables it). */
        @WithDefault("10s")
        String reloadEvery();
    }

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
