package io.tierline.routing.api;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tierline.routing.AgentAdmin;
import io.tierline.routing.Lookup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Agent administration and presence. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentAdmin admin;
    private final Lookup lookup;
    private final AgentGuard guard;

    public AgentResource(AgentAdmin admin, Lookup lookup, AgentGuard guard) {
        this.admin = admin;
        this.lookup = lookup;
        this.guard = guard;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{agentId}")
    public AgentView put(@PathParam("agentId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String agentId,
            @Valid @NotNull AgentBody body) {
        BodyChecks.start()
                .levels("skills", body.skills(), 1, 10)
                .languages("languages", body.languages())
                .levels("capacity", body.capacity(), 0, 50)
                .orFail();
        return ApiMapping.view(admin.put(ApiMapping.profile(agentId, body)));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{agentId}")
    public AgentView get(@PathParam("agentId") String agentId) {
        guard.check(agentId);
        return ApiMapping.view(lookup.agent(agentId));
    }

    @PUT
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{agentId}/status")
    public AgentView status(@PathParam("agentId") String agentId, @Valid @NotNull StatusBody body) {
        guard.check(agentId);
        return ApiMapping.view(admin.changeStatus(agentId, body.status().toAgentStatus()));
    }
}
