package io.tierline.escalation.api;

import io.tierline.escalation.policy.TierPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tier policy in effect (read-only for now). */
@Path("/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    private final TierPolicy policy;

    PoliciesResource(TierPolicy policy) {
        this.policy = policy;
    }

    @GET
    public PolicyView current() {
        return CaseViews.policy(policy);
    }
}
