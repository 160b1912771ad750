package io.tierline.platform.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code tierline.dead-letters.*}: the ops endpoint over the service's dead-letter topic (service READMEs). */
@ConfigMapping(prefix = "tierline.dead-letters")
public interface DeadLetterConfig {

    /** The most dead letters one listing answers, and the page size when none is asked for. */
    @WithDefault("100")
    int listLimit();

    /** The most characters of a dead letter's value shown. */
    @WithDefault("4096")
    int valueLimit();

    /** How long a read of the topic may make no progress, and how long a replay waits for the broker's ack. */
    @WithDefault("PT10S")
    Duration timeout();
}
