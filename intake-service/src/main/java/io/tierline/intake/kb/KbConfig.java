package io.tierline.intake.kb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code tierline.intake.kb.*} settings (documented in the module README). */
@ConfigMapping(prefix = "tierline.intake.kb")
public interface KbConfig {

    /**
     * How often the index compares itself with MongoDB and applies what other instances changed (a scheduler
     * interval such as {@code 30s}; {@code off} disables it).
     */
    @WithDefault("30s")
    String refreshInterval();

    /** Load the shipped sample articles on start when the collection is empty. */
    @WithDefault("false")
    boolean seed();

    /** How much more a word in the title weighs than one in the body (tags weigh 1.5). */
    @WithDefault("3.0")
    float titleBoost();

    Suggestions suggestions();

    /** The articles suggested in the answer to {@code POST /contacts}. */
    interface Suggestions {
        /** At most this many (0: none). */
        @WithDefault("3")
        int limit();

        /** Only articles scoring at least this much (BM25). */
        @WithDefault("1.0")
        float minScore();
    }
}
