package io.tierline.routing;

import io.tierline.events.HandlingOutcome;
import io.tierline.platform.problem.ProblemException;
import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The agent ends a handling: resolved (ContactResolved) or escalated (ContactUnresolved). Either way the
 * contact's capacity stays held through the wrap-up. A repeat by the same agent re-publishes the same event.
 */
@Singleton
public class HandlingCommands {

    private final Lookup lookup;
    private final ContactStore contacts;
    private final QueueCatalog queues;
    private final RoutingPublisher publisher;
    private final RoutingClock clock;
    private final Duration defaultWrapUp;

    public HandlingCommands(Lookup lookup, ContactStore contacts, QueueCatalog queues, RoutingPublisher publisher,
            RoutingClock clock, RoutingConfig config) {
        this.lookup = lookup;
        this.contacts = contacts;
        this.queues = queues;
        this.publisher = publisher;
        this.clock = clock;
        this.defaultWrapUp = config.wrapUp();
    }

    public Contact resolve(String agentId, String contactId, String resolutionCode, String notes) {
        Outcome outcome = new Outcome(HandlingOutcome.RESOLVED, clock.now(), resolutionCode, notes, Map.of());
        Contact contact = end(agentId, contactId, ContactState.RESOLVED, outcome);
        publisher.publish(RoutingEvents.resolved(contact));
        return contact;
    }

    public Contact escalate(String agentId, String contactId, String reason, String notes,
            Map<String, String> diagnostics) {
        Outcome outcome = new Outcome(HandlingOutcome.ESCALATED, clock.now(), reason, notes, diagnostics);
        Contact contact = end(agentId, contactId, ContactState.ESCALATED, outcome);
        publisher.publish(RoutingEvents.unresolved(contact));
        return contact;
    }

    private Contact end(String agentId, String contactId, ContactState to, Outcome outcome) {
        Contact contact = lookup.contactFor(agentId, contactId);
        // a hold or resume racing with this changes the offer; read again and retry (a few times)
        for (int attempt = 0; attempt < 5 && contact.assignedTo(agentId); attempt++) {
            Offer offer = contact.offer();
            Instant ended = outcome.endedAt();
            WrapUp wrapUp = new WrapUp(offer.seq(), agentId, contact.queueId(), contact.tier(), contact.channel(),
                    outcome.kind(), offer.acceptedAt(), ended, ended.plus(wrapUpOf(contact.queueId())),
                    offer.holdMillisAt(ended));
            Optional<Contact> finished = contacts.finish(contactId, agentId, offer.seq(), offer.heldAt(), to,
                    outcome, wrapUp);
            contact = finished.orElseGet(() -> lookup.contact(contactId));
        }
        if (contact.state() != to || !agentId.equals(contact.agentId())) {
            lookup.agent(agentId);
            throw ProblemException.conflict("contact " + contactId + " is " + contact.state()
                    + " and not assigned to agent " + agentId);
        }
        return contact;
    }

    private Duration wrapUpOf(String queueId) {
        return queues.find(queueId).map(RoutingQueue::wrapUpSeconds).map(Duration::ofSeconds)
                .orElse(defaultWrapUp);
    }
}
