package io.tierline.escalation.messaging;

import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.config.EscalationConfig;
import io.tierline.escalation.store.CaseStore;
import io.tierline.events.ContactEvent;
import io.tierline.events.ContactReceived;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Repeat contacts: a new contact ({@code ContactReceived}; every other contact event is ignored) of a customer
 * and category with an open case, or with a case closed within the repeat window before the contact arrived,
 * is attached to that case with a {@code REPEAT_CONTACT} entry, and a closed case is reopened. Later escalations
 * of the new contact then land in the same case. Idempotent: the entry carries the event's id.
 */
@ApplicationScoped
public class RepeatContactHandler {

    private static final Logger LOG = Logger.getLogger(RepeatContactHandler.class);
    private static final int ATTEMPTS = 3;

    private final CaseStore store;
    private final Duration window;
    private final Clock clock;

    RepeatContactHandler(CaseStore store, EscalationConfig config, Clock clock) {
        this.store = store;
        this.window = config.repeatWindow();
        this.clock = clock;
    }

    public void handle(ContactEvent event) {
        if (!(event instanceof ContactReceived received) || received.contactId() == null
                || received.customer() == null || received.customer().id() == null || received.category() == null) {
            return;
        }
        if (store.withEntry(received.eventId()).isPresent()) {
            return;
        }
        Instant now = Now.of(clock);
        Instant arrived = received.occurredAt() == null ? now : received.occurredAt();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Case> found = store.findForRepeat(received.customer().id(), received.category(),
                    arrived.minus(window));
            if (found.isEmpty() || found.get().contactIds().contains(received.contactId())) {
                return;
            }
            Case c = found.get();
            var entry = new HistoryEntry.RepeatContact(received.eventId(), arrived, now, received.contactId(),
                    received.channel(), received.subject(), !c.isOpen());
            if (store.attachRepeat(c, entry)) {
                LOG.infof("case %s: repeat contact %s attached%s", c.caseNumber(), received.contactId(),
                        entry.reopened() ? ", case reopened" : "");
                return;
            }
            if (store.withEntry(received.eventId()).isPresent()) {
                return;
            }
            // the case changed state meanwhile (closed, reopened): look again
        }
        LOG.warnf("repeat contact %s could not be attached after %d attempts", received.contactId(), ATTEMPTS);
    }
}
