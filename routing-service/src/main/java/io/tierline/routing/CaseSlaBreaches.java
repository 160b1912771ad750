package io.tierline.routing;

import io.tierline.events.CaseSlaBreached;
import io.tierline.events.Priority;
import io.tierline.routing.store.ContactStore;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A case waited past its tier's pick-up target: the waiting contact's priority rises to the event's priority
 * (never lowers; one step up if the event names none), so it comes before others in its queue. Once per event
 * (recorded on the contact); a contact an agent has, or that left its queue, is not changed.
 */
@Singleton
public class CaseSlaBreaches {

    private static final Logger LOG = Logger.getLogger(CaseSlaBreaches.class);
    private static final Set<ContactState> WAITING = EnumSet.of(ContactState.WAITING, ContactState.PENDING,
            ContactState.QUEUED);
    private static final int ATTEMPTS = 20;

    private final ContactStore contacts;
    private final ContactRouter router;

    public CaseSlaBreaches(ContactStore contacts, ContactRouter router) {
        this.contacts = contacts;
        this.router = router;
    }

    public void breached(CaseSlaBreached e) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Contact> found = contacts.find(e.contactId());
            if (found.isEmpty() || found.get().applied(e.eventId()) || !WAITING.contains(found.get().state())) {
                LOG.debugf("case SLA breach %s: contact %s not waiting here, or done already", e.eventId(),
                        e.contactId());
                return;
            }
            Contact contact = found.get();
            Priority to = raised(contact.priority(), e.priority());
            if (contacts.raisePriority(contact, to, e.eventId())) {
                LOG.infof("contact %s: case %s breached its pick-up target, priority %s -> %s", contact.id(),
                        e.caseId(), contact.priority(), to);
                router.matchContact(contact.id());
                return;
            }
        }
        throw new IllegalStateException("contact " + e.contactId() + " kept changing; case SLA breach "
                + e.eventId() + " is retried");
    }

    /** The event's priority if it is higher; without one, one step up. Never lower. */
    static Priority raised(Priority current, Priority requested) {
        if (requested == null) {
            return current.raised();
        }
        return requested.compareTo(current) > 0 ? requested : current;
    }
}
