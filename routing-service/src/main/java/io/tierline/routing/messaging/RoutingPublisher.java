package io.tierline.routing.messaging;

import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactUnresolved;
import io.tierline.platform.messaging.EventPublisher;
import io.tierline.routing.config.RoutingConfig;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes routing's events, each on its topic, and waits for the broker's acknowledgement. An assignment event
 * for an agent with a stream open on this instance reaches that stream on the acknowledgement.
 */
@Singleton
public class RoutingPublisher {

    static final String SOURCE = "/tierline/routing";

    private final EventPublisher assignments;
    private final EventPublisher resolved;
    private final EventPublisher unresolved;
    private final EventPublisher presence;

    private final AssignmentBroadcaster broadcaster;

    public RoutingPublisher(RoutingConfig config, AssignmentBroadcaster broadcaster,
            @Channel("contacts-assignments") Emitter<String> assignments,
            @Channel("contacts-resolved") Emitter<String> resolved,
            @Channel("contacts-unresolved") Emitter<String> unresolved,
            @Channel("agents-presence") Emitter<String> presence) {
        this.broadcaster = broadcaster;
        this.assignments = new EventPublisher(assignments, SOURCE, config.publishTimeout());
        this.resolved = new EventPublisher(resolved, SOURCE, config.publishTimeout());
        this.unresolved = new EventPublisher(unresolved, SOURCE, config.publishTimeout());
        this.presence = new EventPublisher(presence, SOURCE, config.publishTimeout());
    }

    public void publish(AssignmentEvent event) {
        boolean streamed = broadcaster.sending(event);
        try {
            assignments.sendAndAwait(event);
        } catch (RuntimeException e) {
            if (streamed) {
                broadcaster.failed(event);
            }
            throw e;
        }
        if (streamed) {
            broadcaster.acknowledged(event);
        }
    }

    /**
     * {@link #publish} without waiting: the stage completes when the broker acknowledged the event (after it was
     * streamed to its agent here, on the producer's thread), and fails with PublishFailedException when it did not
     * in time.
     */
    public CompletableFuture<Void> publishAsync(AssignmentEvent event) {
        boolean streamed = broadcaster.sending(event);
        CompletableFuture<Void> acked = assignments.sendWithin(event);
        return streamed ? acked.whenComplete((ok, failure) -> {
            if (failure == null) {
                broadcaster.acknowledged(event);
            } else {
                broadcaster.failed(event);
            }
        }) : acked;
    }

    public void publish(ContactResolved event) {
        resolved.sendAndAwait(event);
    }

    public void publish(ContactUnresolved event) {
        unresolved.sendAndAwait(event);
    }

    public void publish(AgentPresenceChanged event) {
        presence.sendAndAwait(event);
    }
}
