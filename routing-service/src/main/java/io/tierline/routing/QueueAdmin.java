package io.tierline.routing;

import io.tierline.routing.store.AgentStore;
import io.tierline.routing.store.ContactStore;
import io.tierline.routing.store.QueueStore;
import jakarta.inject.Singleton;

/** Queues and their live figures. */
@Singleton
public class QueueAdmin {

    private final Lookup lookup;
    private final QueueStore queues;
    private final QueueCatalog catalog;
    private final ContactStore contacts;
    private final AgentStore agents;
    private final Arrivals arrivals;
    private final RoutingClock clock;

    public QueueAdmin(Lookup lookup, QueueStore queues, QueueCatalog catalog, ContactStore contacts,
            AgentStore agents, Arrivals arrivals, RoutingClock clock) {
        this.lookup = lookup;
        this.queues = queues;
        this.catalog = catalog;
        this.contacts = contacts;
        this.agents = agents;
        this.arrivals = arrivals;
        this.clock = clock;
    }

    /** Creates or replaces the queue; contacts waiting for a queue like it are placed now. */
    public RoutingQueue put(RoutingQueue queue) {
        queues.put(queue);
        catalog.invalidate();
        arrivals.pickUp(queue);
        return queue;
    }

    public QueueStats stats(String queueId) {
        RoutingQueue queue = lookup.queue(queueId);
        long wait = QueueStats.waitSeconds(contacts.oldestQueuedAt(queueId).orElse(null), clock.now());
        return new QueueStats(contacts.depth(queueId), wait,
                agents.countServing(queue.tier(), queue.languages(), queue.channels(), queue.skills(), false),
                agents.countServing(queue.tier(), queue.languages(), queue.channels(), queue.skills(), true));
    }
}
