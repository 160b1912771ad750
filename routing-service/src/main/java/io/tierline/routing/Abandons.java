package io.tierline.routing;

import io.tierline.events.ContactAbandoned;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The customer left before an agent answered: a contact that is waiting, queued or offered leaves its queue at
 * once (WITHDRAWN, one conditional update recording the event), an offer's capacity goes back to the agent,
 * and ContactWithdrawn (reason ABANDONED) is published. An abandon of a contact an agent has (or had) changes
 * nothing. A redelivery re-publishes the same ContactWithdrawn.
 */
@Singleton
public class Abandons {

    private static final Logger LOG = Logger.getLogger(Abandons.class);
    private static final Set<ContactState> UNHANDLED = EnumSet.of(ContactState.WAITING, ContactState.PENDING,
            ContactState.QUEUED, ContactState.OFFERED);
    private static final int ATTEMPTS = 20;

    private final ContactStore contacts;
    private final Withdrawals withdrawals;
    private final RoutingClock clock;

    public Abandons(ContactStore contacts, Withdrawals withdrawals, RoutingClock clock) {
        this.contacts = contacts;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    public void abandoned(ContactAbandoned e) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Contact> found = contacts.find(e.contactId());
            if (found.isEmpty()) {
                LOG.infof("abandon %s of contact %s that routing never queued: nothing to do", e.eventId(),
                        e.contactId());
                return;
            }
            Contact contact = found.get();
            if (contact.withdrawal() != null && e.eventId().equals(contact.withdrawal().eventId())) {
                finish(contact);
                return;
            }
            if (!UNHANDLED.contains(contact.state())) {
                LOG.infof("contact %s abandoned while %s: nothing changes", contact.id(), contact.state());
                return;
            }
            String agent = contact.state() == ContactState.OFFERED ? contact.agentId() : null;
            Withdrawal withdrawal = new Withdrawal(Withdrawal.ABANDONED, clock.now(), agent, contact.queueId(),
                    contact.tier(), contact.queuedAt(), e.eventId());
            if (contacts.withdraw(contact, withdrawal)) {
                LOG.infof("contact %s abandoned while %s: withdrawn", contact.id(), contact.state());
            }
        }
        throw new IllegalStateException("contact " + e.contactId() + " kept changing; abandon " + e.eventId()
                + " is retried");
    }

    private void finish(Contact withdrawn) {
        withdrawals.finish(withdrawn);
    }
}
