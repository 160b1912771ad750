package io.tierline.escalation.messaging;

import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.store.CaseStore;
import io.tierline.escalation.store.ResolvedContacts;
import io.tierline.events.ContactResolved;
import io.tierline.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A contact was resolved: remember it ({@link ResolvedContacts}), close its open case with a RESOLVED entry and
 * tell the customer. A contact without an open case changes nothing more (most contacts are resolved at tier 1
 * without a case).
 */
@ApplicationScoped
public class ResolvedHandler {

    private static final Logger LOG = Logger.getLogger(ResolvedHandler.class);

    private final CaseStore store;
    private final ResolvedContacts resolvedContacts;
    private final EscalationPublisher publisher;
    private final Clock clock;

    ResolvedHandler(CaseStore store, ResolvedContacts resolvedContacts, EscalationPublisher publisher, Clock clock) {
        this.store = store;
        this.resolvedContacts = resolvedContacts;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void handle(ContactResolved event) {
        if (event.contactId() == null || event.contactId().isBlank()) {
            throw new MalformedEventException("ContactResolved " + event.eventId() + " without contactId");
        }
        // first, so that a repeat contact seen arriving after this does not reopen its case
        resolvedContacts.record(event.contactId(), event.occurredAt() == null ? Now.of(clock) : event.occurredAt());
        Optional<Case> closed = store.withEntry(event.eventId()).or(() -> close(event));
        closed.ifPresent(c -> {
            boolean awaitingEngineering = c.isOpen() && c.engineering() != null && c.engineering().awaitingAnswer();
            if (c.entry(event.eventId()).orElseThrow() instanceof HistoryEntry.Resolved entry && !awaitingEngineering) {
                publisher.publish(OutgoingEvents.resolvedNotice(event.contactId(), c, entry));
            }
        });
    }

    private Optional<Case> close(ContactResolved event) {
        Optional<Case> open = store.findOpen(event.caseId(), event.contactId());
        if (open.isEmpty()) {
            LOG.debugf("contact %s resolved without an open case", event.contactId());
            return Optional.empty();
        }
        HistoryEntry.Resolved entry = HistoryEntries.resolved(event, Now.of(clock));
        if (store.close(open.get().caseId(), entry)) {
            LOG.infof("case %s: resolved at tier %d by agent %s", open.get().caseNumber(), event.tier(),
                    event.agentId());
        } else if (store.recordResolveAwaitingEngineering(open.get().caseId(), entry)) {
            LOG.infof("case %s: contact resolved at tier %d; the case stays open until engineering answers",
                    open.get().caseNumber(), event.tier());
        }
        // empty if another resolve closed the case first
        return store.withEntry(event.eventId());
    }
}
