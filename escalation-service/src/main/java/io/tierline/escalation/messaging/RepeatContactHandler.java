package io.tierline.escalation.messaging;

import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.config.EscalationConfig;
import io.tierline.escalation.store.CaseStore;
import io.tierline.escalation.store.ResolvedContacts;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactReceived;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Repeat contacts: a new contact ({@code ContactReceived}; every other contact event is ignored) is attached to
 * a case with a {@code REPEAT_CONTACT} entry, and a closed case is reopened, when the case is open or closed within
 * the repeat window before the contact arrived, and it is the case of the contact intake says it repeats
 * ({@code repeatOf}) or, failing that, a case of the same customer and category. Later escalations of the new
 * contact then land in the same case. A contact already seen resolved (its ContactResolved was consumed first)
 * is attached to a closed case without reopening it; one already in a case (its escalation was seen first) is
 * left there: a contact belongs to one case. A reopened case is announced to the customer ({@code REOPENED}).
 * Idempotent: the entry carries the event's id, and a redelivery re-publishes the same notification.
 */
@ApplicationScoped
public class RepeatContactHandler {

    private static final Logger LOG = Logger.getLogger(RepeatContactHandler.class);
    private static final int ATTEMPTS = 3;

    private final CaseStore store;
    private final ResolvedContacts resolvedContacts;
    private final EscalationPublisher publisher;
    private final Duration window;
    private final Clock clock;

    RepeatContactHandler(CaseStore store, ResolvedContacts resolvedContacts, EscalationPublisher publisher,
            EscalationConfig config, Clock clock) {
        this.store = store;
        this.resolvedContacts = resolvedContacts;
        this.publisher = publisher;
        this.window = config.repeatWindow();
        this.clock = clock;
    }

    public void handle(ContactEvent event) {
        if (!(event instanceof ContactReceived received) || received.contactId() == null
                || (!present(received.repeatOf()) && !byCustomerAndCategory(received))) {
            return;
        }
        Optional<Case> applied = store.withEntry(received.eventId());
        if (applied.isPresent()) {
            announceReopened(applied.get(), received.eventId());
            return;
        }
        Instant now = Now.of(clock);
        Instant arrived = received.occurredAt() == null ? now : received.occurredAt();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (store.withContact(received.contactId()).isPresent()) {
                // its own escalation, seen before its arrival or placed meanwhile, opened (or joined) a case: a
                // contact belongs to one case, and the store's unique index turns away an attachment that comes
                // second
                return;
            }
            Optional<Case> found = caseOf(received, arrived.minus(window));
            if (found.isEmpty() || found.get().contactIds().contains(received.contactId())) {
                return;
            }
            Case c = found.get();
            // seen resolved before seen arriving (the topics are consumed apart): recorded, but nothing to reopen for
            boolean reopen = !c.isOpen() && !resolvedContacts.contains(received.contactId());
            var entry = new HistoryEntry.RepeatContact(received.eventId(), arrived, now, received.contactId(),
                    received.channel(), received.subject(), reopen);
            if (store.attachRepeat(c, entry)) {
                LOG.infof("case %s: repeat contact %s attached%s", c.caseNumber(), received.contactId(),
                        entry.reopened() ? ", case reopened" : "");
                announceReopened(c, received.eventId(), entry);
                return;
            }
            applied = store.withEntry(received.eventId());
            if (applied.isPresent()) {
                announceReopened(applied.get(), received.eventId());
                return;
            }
            // the case changed state meanwhile (closed, reopened), or the contact's escalation placed it: look again
        }
        LOG.warnf("repeat contact %s could not be attached after %d attempts", received.contactId(), ATTEMPTS);
    }

    /** The case of the contact it repeats, else the customer's case of the same category. */
    private Optional<Case> caseOf(ContactReceived received, Instant closedSince) {
        if (present(received.repeatOf())) {
            Optional<Case> of = store.findForRepeatOf(received.repeatOf(), closedSince);
            if (of.isPresent() || !byCustomerAndCategory(received)) {
                return of;
            }
        }
        return store.findForRepeat(received.customer().id(), received.category(), closedSince);
    }

    private void announceReopened(Case c, String eventId) {
        c.entry(eventId).ifPresent(e -> announceReopened(c, eventId, e));
    }

    private void announceReopened(Case c, String eventId, HistoryEntry entry) {
        if (entry instanceof HistoryEntry.RepeatContact repeat && repeat.reopened()
                && eventId.equals(repeat.eventId())) {
            publisher.publish(OutgoingEvents.reopenedNotice(c, repeat));
        }
    }

    private static boolean byCustomerAndCategory(ContactReceived received) {
        return received.customer() != null && received.customer().id() != null && received.category() != null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
