package io.tierline.routing;

import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The customer left before an agent answered (abandoned) or solved it with self-service (deflected): a contact
 * that is waiting, queued or offered leaves its queue at once (WITHDRAWN, one conditional update recording the
 * event), an offer's capacity goes back to the agent, and ContactWithdrawn (reason ABANDONED or DEFLECTED) is
 * published. Either of a contact an agent has (or had) changes nothing. A redelivery re-publishes the same
 * ContactWithdrawn.
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
        withdraw(e.contactId(), e.eventId(), Withdrawal.ABANDONED);
    }

    public void deflected(ContactDeflected e) {
        withdraw(e.contactId(), e.eventId(), Withdrawal.DEFLECTED);
    }

    private void withdraw(String contactId, String eventId, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Contact> found = contacts.find(contactId);
            if (found.isEmpty()) {
                LOG.infof("%s %s of contact %s that routing never queued: nothing to do", reason, eventId,
                        contactId);
                return;
            }
            Contact contact = found.get();
            if (contact.withdrawal() != null && eventId.equals(contact.withdrawal().eventId())) {
                finish(contact);
                return;
            }
            if (!UNHANDLED.contains(contact.state())) {
                LOG.infof("contact %s %s while %s: nothing changes", contact.id(), reason, contact.state());
                return;
            }
            String agent = contact.state() == ContactState.OFFERED ? contact.agentId() : null;
            Withdrawal withdrawal = new Withdrawal(reason, clock.now(), agent, contact.queueId(),
                    contact.tier(), contact.queuedAt(), eventId);
            if (contacts.withdraw(contact, withdrawal)) {
                LOG.infof("contact %s %s while %s: withdrawn", contact.id(), reason, contact.state());
            }
        }
        throw new IllegalStateException("contact " + contactId + " kept changing; " + reason + " " + eventId
                + " is retried");
    }

    private void finish(Contact withdrawn) {
        withdrawals.finish(withdrawn);
    }
}
