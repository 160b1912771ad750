package io.tierline.escalation.store;

import static io.tierline.escalation.store.Bson2.enumValue;
import static io.tierline.escalation.store.Bson2.instant;
import static io.tierline.escalation.store.Bson2.intValue;
import static io.tierline.escalation.store.Bson2.put;

import io.tierline.escalation.Case;
import io.tierline.escalation.CaseStatus;
import io.tierline.escalation.EngineeringHandoff;
import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import java.util.List;
import org.bson.Document;

/**
 * A case as stored in {@code cases}. {@code openKey} is the opening contact's id while the case is open
 * and {@code closed:<caseId>} afterwards; its unique index allows one open case per opening contact.
 */
final class CaseDocuments {

    static final String OPEN_KEY = "openKey";

    private CaseDocuments() {
    }

    static String openKey(String contactId) {
        return contactId;
    }

    static String closedKey(String caseId) {
        return "closed:" + caseId;
    }

    static Document toDocument(Case c) {
        var doc = new Document("_id", c.caseId()).append("caseNumber", c.caseNumber());
        put(doc, "status", c.status());
        doc.append(OPEN_KEY, c.isOpen() ? openKey(c.contactId()) : closedKey(c.caseId()));
        put(doc, "contactId", c.contactId());
        doc.append("contactIds", c.contactIds());
        put(doc, "customer", customer(c.customer()));
        put(doc, "channel", c.channel());
        put(doc, "language", c.language());
        put(doc, "category", c.category());
        put(doc, "subject", c.subject());
        put(doc, "repeatOf", c.repeatOf());
        doc.append("tier", c.tier());
        put(doc, "queueId", c.queueId());
        put(doc, "priority", c.priority());
        doc.append("escalations", c.escalations());
        put(doc, "openedAt", c.openedAt());
        put(doc, "updatedAt", c.updatedAt());
        put(doc, "closedAt", c.closedAt());
        put(doc, "pickupDueAt", c.pickupDueAt());
        put(doc, "lastEscalatedAt", c.lastEscalatedAt());
        doc.append("loopDetected", c.loopDetected());
        put(doc, "slaBreachedDueAt", c.slaBreachedDueAt());
        put(doc, "engineering", engineering(c.engineering()));
        if (c.pickupDueAt() != null) {
            doc.append(CaseStore.SLA_STATE, CaseStore.SLA_WAITING);
        }
        doc.append("history", c.history().stream().map(HistoryDocuments::toDocument).toList());
        return doc;
    }

    static Case toCase(Document d) {
        List<Document> history = d.getList("history", Document.class, List.of());
        return new Case(
                d.getString("_id"),
                d.getString("caseNumber"),
                enumValue(d, "status", CaseStatus.class),
                d.getString("contactId"),
                d.getList("contactIds", String.class, List.of()),
                customer(d.get("customer", Document.class)),
                enumValue(d, "channel", Channel.class),
                d.getString("language"),
                d.getString("category"),
                d.getString("subject"),
                d.getString("repeatOf"),
                intValue(d, "tier"),
                d.getString("queueId"),
                enumValue(d, "priority", Priority.class),
                intValue(d, "escalations"),
                instant(d, "openedAt"),
                instant(d, "updatedAt"),
                instant(d, "closedAt"),
                instant(d, "pickupDueAt"),
                instant(d, "lastEscalatedAt"),
                Boolean.TRUE.equals(d.getBoolean("loopDetected")),
                instant(d, "slaBreachedDueAt"),
                engineering(d.get("engineering", Document.class)),
                history.stream().map(HistoryDocuments::toEntry).toList());
    }

    static Document engineering(EngineeringHandoff h) {
        if (h == null) {
            return null;
        }
        var doc = new Document("handoffId", h.handoffId());
        put(doc, "state", h.state());
        doc.append("attempts", h.attempts());
        put(doc, "requestedAt", h.requestedAt());
        put(doc, "nextAttemptAt", h.nextAttemptAt());
        put(doc, "contactId", h.contactId());
        return doc;
    }

    private static EngineeringHandoff engineering(Document d) {
        if (d == null) {
            return null;
        }
        return new EngineeringHandoff(d.getString("handoffId"),
                enumValue(d, "state", EngineeringHandoff.State.class), intValue(d, "attempts"),
                instant(d, "requestedAt"), instant(d, "nextAttemptAt"), d.getString("contactId"));
    }

    private static Document customer(Customer customer) {
        if (customer == null) {
            return null;
        }
        var doc = new Document();
        put(doc, "id", customer.id());
        put(doc, "name", customer.name());
        put(doc, "email", customer.email());
        put(doc, "phone", customer.phone());
        put(doc, "segment", customer.segment());
        return doc;
    }

    private static Customer customer(Document d) {
        if (d == null) {
            return null;
        }
        return new Customer(d.getString("id"), d.getString("name"), d.getString("email"), d.getString("phone"),
                enumValue(d, "segment", Segment.class));
    }
}
