package io.tierline.platform.deadletter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /ops/dead-letters} in every service: what it could not process ({@code <service>.dlq}), listed and
 * replayed after a fix. Not yet authenticated (issue 9's roles are open).
 */
@Path("/ops/dead-letters")
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
    @Path("{id}/replay")
    public DeadLetter replay(@PathParam("id") String id, @QueryParam("force") String force) {
        return deadLetters.replay(id, force);
    }

    @POST
    @Path("replay")
    public ReplayAllResult replayAll() {
        return deadLetters.replayAll();
    }
}
