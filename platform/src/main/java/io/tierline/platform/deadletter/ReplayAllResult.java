package io.tierline.platform.deadletter;

import java.util.List;

/**
 * What {@code POST /ops/dead-letters/replay} did: the ids it replayed, and how many dead letters it skipped
 * because they had been replayed already. Only dead letters on the topic when the call started are looked at.
 */
public record ReplayAllResult(String topic, List<String> replayed, int alreadyReplayed) {
    public ReplayAllResult {
        replayed = List.copyOf(replayed);
    }
}
