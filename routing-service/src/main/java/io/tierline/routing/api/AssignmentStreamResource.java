package io.tierline.routing.api;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.tierline.events.EventJson;
import io.tierline.routing.Desktops;
import io.tierline.routing.Lookup;
import io.tierline.routing.OpenWork;
import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.messaging.AssignmentBroadcaster;
import io.tierline.routing.messaging.AssignmentNotice;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;

/**
 * An agent's desktop feed as Server-Sent Events: first the open offers and assignments, then every new
 * {@code contacts.assignments} event for the agent. {@code event:} is the type name, {@code id:} the eventId,
 * {@code data:} the event JSON as on Kafka; a comment line keeps the connection open.
 */
@Path("/agents/{agentId}/assignments")
public class AssignmentStreamResource {

    private final Lookup lookup;
    private final OpenWork openWork;
    private final AssignmentBroadcaster broadcaster;
    private final Duration heartbeat;
    private final Desktops desktops;
    private final AgentGuard guard;

    public AssignmentStreamResource(Lookup lookup, OpenWork openWork, AssignmentBroadcaster broadcaster,
            RoutingConfig config, Desktops desktops, AgentGuard guard) {
        this.desktops = desktops;
        this.guard = guard;
        this.lookup = lookup;
        this.openWork = openWork;
        this.broadcaster = broadcaster;
        this.heartbeat = config.sseHeartbeat();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public Multi<OutboundSseEvent> stream(@PathParam("agentId") String agentId, @Context Sse sse) {
        guard.check(agentId);
        lookup.agent(agentId);
        AssignmentBroadcaster.Feed feed = broadcaster.open(agentId);
        List<AssignmentNotice> snapshot;
        try {
            desktops.connected(agentId);
            snapshot = openWork.of(agentId).stream()
                    .map(e -> new AssignmentNotice(e.typeName(), e.eventId(), EventJson.write(e))).toList();
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
        Multi<OutboundSseEvent> events = Multi.createBy().concatenating()
                .streams(Multi.createFrom().iterable(snapshot), feed.live())
                .map(n -> sse.newEventBuilder().name(n.type()).id(n.eventId()).data(n.json()).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("connected").build()),
                Multi.createBy().merging().streams(events, heartbeats))
                .onTermination().invoke(feed::close);
    }
}
