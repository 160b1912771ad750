package io.tierline.routing.api;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tierline.routing.Lookup;
import io.tierline.routing.QueueAdmin;
import io.tierline.routing.store.QueueStore;
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
import java.util.List;

/** Queue administration (admin); reading queues and their stats: supervisors, ops and admins. */
@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.OPS, Roles.ADMIN})
public class QueueResource {

    private final QueueAdmin admin;
    private final QueueStore queues;
    private final Lookup lookup;

    public QueueResource(QueueAdmin admin, QueueStore queues, Lookup lookup) {
        this.admin = admin;
        this.queues = queues;
        this.lookup = lookup;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{queueId}")
    public QueueView put(@PathParam("queueId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String queueId,
            @Valid @NotNull QueueBody body) {
        BodyChecks.start()
                .notNullItems("channels", body.channels())
                .languages("languages", body.languages())
                .levels("skills", body.skills(), 1, 10)
                .texts("categories", body.categories())
                .check(!queueId.equals(body.overflowQueueId()), "overflowQueueId", "must not be the queue itself")
                .orFail();
        return ApiMapping.view(admin.put(ApiMapping.queue(queueId, body)));
    }

    @GET
    public List<QueueView> list() {
        return queues.all().stream().map(ApiMapping::view).toList();
    }

    @GET
    @Path("/{queueId}")
    public QueueView get(@PathParam("queueId") String queueId) {
        return ApiMapping.view(lookup.queue(queueId));
    }

    @GET
    @Path("/{queueId}/stats")
    public QueueStatsView stats(@PathParam("queueId") String queueId) {
        return ApiMapping.view(queueId, admin.stats(queueId));
    }
}
