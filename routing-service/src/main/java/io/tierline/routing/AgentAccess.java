package io.tierline.routing;

import io.tierline.identity.Roles;
import io.tierline.platform.auth.Caller;

/**
 * Who may see and act on an agent's profile, offers, contacts and assignment stream: the agent itself, a
 * supervisor of the agent's team, or an admin. Nobody else, whatever else their token holds.
 */
public final class AgentAccess {

    private AgentAccess() {
    }

    /** Whether {@code caller} may act for {@code agentId} without knowing the agent's team. */
    public static boolean allowsWithoutLookup(Caller caller, String agentId) {
        return caller.isAdmin() || (caller.has(Roles.AGENT) && caller.name().equals(agentId));
    }

    /** Whether {@code caller} may act for the agent {@code agentId} of team {@code team} (null: no team). */
    public static boolean allows(Caller caller, String agentId, String team) {
        return allowsWithoutLookup(caller, agentId) || caller.leads(team);
    }

    /**
     * Whether {@code caller} may read a contact now offered to or handled by {@code agentId} (null: none):
     * supervisors, ops and admins read any contact; an agent only its own.
     */
    public static boolean mayReadContact(Caller caller, String agentId) {
        if (caller.isAdmin() || caller.has(Roles.OPS) || caller.has(Roles.SUPERVISOR)) {
            return true;
        }
        return agentId != null && caller.has(Roles.AGENT) && caller.name().equals(agentId);
    }
}
