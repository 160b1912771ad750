package io.tierline.routing.api;

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

    public AgentResource(AgentAdmin admin, Lookup lookup) {
        this.admin = admin;
        this.lookup = lookup;
    }

    @PUT
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
    @Path("/{agentId}")
    public AgentView get(@PathParam("agentId") String agentId) {
        return ApiMapping.view(lookup.agent(agentId));
    }

    @PUT
    @Path("/{agentId}/status")
    public AgentView status(@PathParam("agentId") String agentId, @Valid @NotNull StatusBody body) {
        return ApiMapping.view(admin.changeStatus(agentId, body.status().toAgentStatus()));
    }
}
