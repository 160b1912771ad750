package io.tierline.routing;

import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent as routing keeps it.
 *
 * @param free         per channel, capacity minus the contacts held (offered, assigned or in wrap-up); can be
 *                     negative after a capacity cut
 * @param holds        the contacts holding capacity on this agent
 * @param idleSince    when the agent last became available, was offered work or finished a wrap-up
 * @param statusSeq    counts status changes; the presence event of the current status derives its id from it
 * @param version      counts profile changes (optimistic concurrency for capacity updates)
 * @param statusReason why the status last changed, if routing changed it (e.g. missed-offer); null if the agent did
 * @param team         the team whose supervisors may act for the agent; null if none
 */
public record Agent(
        String id,
        String name,
        int tier,
        Map<String, Integer> skills,
        List<String> languages,
        Map<Channel, Integer> capacity,
        Map<Channel, Integer> free,
        List<String> holds,
        AgentStatus status,
        AgentStatus previousStatus,
        Instant statusChangedAt,
        long statusSeq,
        Instant idleSince,
        long version,
        String statusReason,
        String team) {

    public Agent {
        skills = Map.copyOf(skills);
        languages = List.copyOf(languages);
        capacity = Map.copyOf(capacity);
        free = Map.copyOf(free);
        holds = List.copyOf(holds);
    }

    public int capacityFor(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }

    public int freeFor(Channel channel) {
        return free.getOrDefault(channel, 0);
    }

    /** Contacts in progress on the channel (offered, assigned, in wrap-up). */
    public int loadFor(Channel channel) {
        return Math.max(0, capacityFor(channel) - freeFor(channel));
    }

    public boolean available() {
        return status == AgentStatus.AVAILABLE;
    }

    public boolean speaks(String language) {
        if (language == null) {
            return true;
        }
        String wanted = Languages.key(language);
        for (String tag : languages) {
            if (wanted.equals(Languages.key(tag))) {
                return true;
            }
        }
        return false;
    }
}
