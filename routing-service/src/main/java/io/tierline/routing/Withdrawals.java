package io.tierline.routing;

import io.tierline.routing.messaging.RoutingEvents;
import io.tierline.routing.messaging.RoutingPublisher;
import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;

/**
 * Finishes a withdrawal (the contact is WITHDRAWN already): a withdrawn offer's capacity goes back to its
 * agent, ContactWithdrawn is published, for an SLA breach also ContactUnresolved (reason SLA_BREACH) on
 * {@code contacts.unresolved}; then the withdrawal is marked done and the freed agent takes waiting work.
 * Repeatable with the same event ids; the max-wait sweep finishes withdrawals a crash interrupted.
 */
@Singleton
public class Withdrawals {

    private final ContactStore contacts;
    private final AgentStore agents;
    private final ContactRouter router;
    private final RoutingPublisher publisher;

    public Withdrawals(ContactStore contacts, AgentStore agents, ContactRouter router, RoutingPublisher publisher) {
        this.contacts = contacts;
        this.agents = agents;
        this.router = router;
        this.publisher = publisher;
    }

    public void finish(Contact withdrawn) {
        Withdrawal w = withdrawn.withdrawal();
        if (w.agentId() != null) {
            agents.release(w.agentId(), withdrawn.channel(), withdrawn.id(), null);
        }
        publisher.publish(RoutingEvents.withdrawn(withdrawn));
        if (Withdrawal.SLA_BREACH.equals(w.reason())) {
            publisher.publish(RoutingEvents.slaBreach(withdrawn));
        }
        contacts.withdrawalDone(withdrawn.id());
        if (w.agentId() != null) {
            router.matchAgent(w.agentId());
        }
    }
}
