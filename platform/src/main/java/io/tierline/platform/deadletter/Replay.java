package io.tierline.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A dead letter's replay as recorded: when it was first replayed and where to (topic, partition, offset of the
 * copy), and, after forced replays, how many replays there were and when the last one was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Replay(Instant replayedAt, String topic, int partition, long offset, int replays,
        Instant lastReplayedAt) {
}
