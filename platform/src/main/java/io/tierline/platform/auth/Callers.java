package io.tierline.platform.auth;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.tierline.identity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The current request's {@link Caller}, from its verified token. */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller; 401 when the request carries no valid token. */
    public Caller current() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        Set<String> teams = identity.getPrincipal() instanceof JsonWebToken jwt
                ? teamsOf(jwt.getClaim(Roles.TEAMS_CLAIM))
                : Set.of();
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), teams);
    }

    /** A {@code teams} claim as strings: a JSON array, a collection, or a single string. */
    static Set<String> teamsOf(Object claim) {
        Set<String> teams = new HashSet<>();
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                teams.add(value instanceof JsonString json ? json.getString() : String.valueOf(value));
            }
        } else if (claim instanceof JsonString json) {
            teams.add(json.getString());
        } else if (claim instanceof String text) {
            teams.add(text);
        }
        return teams;
    }
}
