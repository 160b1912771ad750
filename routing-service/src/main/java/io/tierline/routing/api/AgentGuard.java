package io.tierline.routing.api;

import io.quarkus.security.ForbiddenException;
import io.tierline.platform.auth.Caller;
import io.tierline.platform.auth.Callers;
import io.tierline.routing.AgentAccess;
import io.tierline.routing.Lookup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Enforces {@link AgentAccess} on the agent endpoints: 403 unless the caller is the agent, a supervisor of
 * its team, or an admin. Only a supervisor's call reads the agent (for its team).
 */
@ApplicationScoped
public class AgentGuard {

    private final Callers callers;
    private final Lookup lookup;

    public AgentGuard(Callers callers, Lookup lookup) {
        this.callers = callers;
        this.lookup = lookup;
    }

    public void check(String agentId) {
        Caller caller = callers.current();
        if (AgentAccess.allowsWithoutLookup(caller, agentId)) {
            return;
        }
        if (caller.teams().isEmpty() || !AgentAccess.allows(caller, agentId, lookup.agent(agentId).team())) {
            throw new ForbiddenException("Only agent " + agentId + ", a supervisor of its team or an admin may do this");
        }
    }

    public void checkContact(String agentId) {
        if (!AgentAccess.mayReadContact(callers.current(), agentId)) {
            throw new ForbiddenException("An agent may read only the contacts offered to or handled by itself");
        }
    }
}
