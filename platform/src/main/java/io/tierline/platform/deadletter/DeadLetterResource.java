package io.tierline.platform.deadletter;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /ops/dead-letters} in every service: what it could not process ({@code <service>.dlq}), listed and
 * replayed after a fix. Listing needs {@code ops} or {@code admin}; replaying needs {@code admin}.
 */
@Path("/ops/dead-letters")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    public DeadLetterPage list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        return deadLetters.list(limit, after);
    }

    @GET
    @Path("{id}")
    public DeadLetter get(@PathParam("id") String id) {
        return deadLetters.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}/replay")
    public DeadLetter replay(@PathParam("id") String id, @QueryParam("force") String force) {
        return deadLetters.replay(id, force);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("replay")
    public ReplayAllResult replayAll() {
        return deadLetters.replayAll();
    }
}
