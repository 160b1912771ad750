package io.tierline.platform.auth;

import io.tierline.identity.Roles;
import java.util.Set;

/**
 * Who is calling, as the services' rules need it: the authenticated name (an agent's id for an agent), its
 * roles, and the teams a supervisor leads. Plain data, so the rules that use it are tested without a server.
 */
public record Caller(String name, Set<String> roles, Set<String> teams) {

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** Whether this caller leads {@code team}: a supervisor with the team in its token. */
    public boolean leads(String team) {
        return has(Roles.SUPERVISOR) && team != null && teams.contains(team);
    }
}
