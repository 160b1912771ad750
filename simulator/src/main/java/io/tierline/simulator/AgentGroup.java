package io.tierline.simulator;

import io.tierline.events.Channel;
import java.util.List;
import java.util.Map;

/**
 * {@code count} simulated agent desktops alike: registered in routing as {@code <prefix>-<n>}, each holding an
 * SSE subscription to its offers. An offer is missed ({@code missShare}: routing times it out), declined
 * ({@code declineShare}) or accepted after {@code acceptDelay}; a handled contact is put on hold once with
 * {@code holdShare}, then escalated with {@code escalateShare} or resolved, after {@code handle}; after-contact
 * work lasts {@code wrapUp} and is then completed from the desktop.
 */
public record AgentGroup(
        String prefix,
        int count,
        int tier,
        List<String> languages,
        Map<String, Integer> skills,
        Map<Channel, Integer> capacity,
        LogNormal acceptDelay,
        double declineShare,
        double missShare,
        LogNormal handle,
        double holdShare,
        LogNormal hold,
        LogNormal wrapUp,
        double escalateShare) {

    public AgentGroup {
        Scenario.require(prefix != null && prefix.matches("[a-z0-9][a-z0-9-]{0,40}"), "agents.prefix", "must be 1-41 of a-z, 0-9, '-'");
        Scenario.require(count > 0 && count <= 100_000, "agents[" + prefix + "].count", "must be within 1..100000");
        Scenario.require(tier >= 1 && tier <= 3, "agents[" + prefix + "].tier", "must be 1, 2 or 3");
        Scenario.require(languages != null && !languages.isEmpty(), "agents[" + prefix + "].languages", "must list at least one language");
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        Scenario.require(capacity != null && !capacity.isEmpty(), "agents[" + prefix + "].capacity", "must give at least one channel");
        Scenario.require(acceptDelay != null && handle != null && wrapUp != null,
                "agents[" + prefix + "]", "needs acceptDelay, handle and wrapUp");
        Scenario.require(holdShare == 0 || hold != null, "agents[" + prefix + "].hold", "is required when holdShare > 0");
        for (double share : new double[] {declineShare, missShare, holdShare, escalateShare}) {
            Scenario.require(share >= 0 && share <= 1, "agents[" + prefix + "]", "shares must be within 0..1");
        }
        Scenario.require(declineShare + missShare <= 1, "agents[" + prefix + "]", "declineShare + missShare must be <= 1");
    }

    public String agentId(int n) {
        return prefix + "-" + n;
    }
}
