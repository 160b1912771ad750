package io.tierline.escalation.store;

import static io.tierline.escalation.store.Bson2.enumValue;
import static io.tierline.escalation.store.Bson2.instant;
import static io.tierline.escalation.store.Bson2.intValue;
import static io.tierline.escalation.store.Bson2.longValue;
import static io.tierline.escalation.store.Bson2.put;

import io.tierline.escalation.HandleTime;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.HistoryKind;
import io.tierline.events.Priority;
import io.tierline.events.UnresolvedReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * History entries as stored: flat sub-documents with a {@code kind}. Diagnostics are a list of
 * {@code {key, value}} pairs so that any key (dots, dollars) is storable.
 */
final class HistoryDocuments {
    private HistoryDocuments() {
    }

    static Document toDocument(HistoryEntry entry) {
        var doc = new Document("eventId", entry.eventId()).append("kind", entry.kind().name());
        put(doc, "at", entry.at());
        put(doc, "recordedAt", entry.recordedAt());
        if (entry instanceof HistoryEntry.Escalated e) {
            put(doc, "contactId", e.contactId());
            put(doc, "agentId", e.agentId());
            doc.append("fromTier", e.fromTier()).append("toTier", e.toTier());
            put(doc, "queueId", e.queueId());
            put(doc, "priority", e.priority());
            put(doc, "reason", e.reason());
            put(doc, "notes", e.notes());
            doc.append("diagnostics", diagnostics(e.diagnostics()));
            putHandleTime(doc, e.handleTime());
            put(doc, "policyVersion", e.policyVersion());
            put(doc, "ruleId", e.ruleId());
            put(doc, "expectedResponseBy", e.expectedResponseBy());
            if (e.loopDetected()) {
                doc.append("loopDetected", true);
                put(doc, "preventedToTier", e.preventedToTier());
                put(doc, "preventedQueueId", e.preventedQueueId());
            }
        } else if (entry instanceof HistoryEntry.Assigned a) {
            put(doc, "contactId", a.contactId());
            put(doc, "agentId", a.agentId());
            doc.append("tier", a.tier());
            put(doc, "queueId", a.queueId());
        } else if (entry instanceof HistoryEntry.Resolved r) {
            put(doc, "contactId", r.contactId());
            put(doc, "agentId", r.agentId());
            doc.append("tier", r.tier());
            put(doc, "queueId", r.queueId());
            put(doc, "resolutionCode", r.resolutionCode());
            put(doc, "notes", r.notes());
            putHandleTime(doc, r.handleTime());
        } else if (entry instanceof HistoryEntry.SlaBreached b) {
            put(doc, "contactId", b.contactId());
            doc.append("tier", b.tier());
            put(doc, "queueId", b.queueId());
            put(doc, "priority", b.priority());
            put(doc, "pickupDueAt", b.pickupDueAt());
            put(doc, "expectedResponseBy", b.expectedResponseBy());
        } else if (entry instanceof HistoryEntry.RepeatContact r) {
            put(doc, "contactId", r.contactId());
            put(doc, "channel", r.channel());
            put(doc, "subject", r.subject());
            doc.append("reopened", r.reopened());
        } else if (entry instanceof HistoryEntry.Engineering e) {
            put(doc, "handoffId", e.handoffId());
            put(doc, "attempts", e.attempts());
            put(doc, "error", e.error());
            put(doc, "author", e.author());
            put(doc, "text", e.text());
        } else if (entry instanceof HistoryEntry.Note n) {
            put(doc, "author", n.author());
            put(doc, "text", n.text());
        }
        return doc;
    }

    static HistoryEntry toEntry(Document d) {
        HistoryKind kind = enumValue(d, "kind", HistoryKind.class);
        return switch (kind) {
            case ESCALATED -> new HistoryEntry.Escalated(d.getString("eventId"), instant(d, "at"),
                    instant(d, "recordedAt"), d.getString("contactId"), d.getString("agentId"),
                    intValue(d, "fromTier"), intValue(d, "toTier"), d.getString("queueId"),
                    enumValue(d, "priority", Priority.class), enumValue(d, "reason", UnresolvedReason.class),
                    d.getString("notes"), diagnostics(d.getList("diagnostics", Document.class)), handleTime(d),
                    d.getString("policyVersion"), d.getString("ruleId"), instant(d, "expectedResponseBy"),
                    Boolean.TRUE.equals(d.getBoolean("loopDetected")),
                    d.containsKey("preventedToTier") ? intValue(d, "preventedToTier") : null,
                    d.getString("preventedQueueId"));
            case ASSIGNED -> new HistoryEntry.Assigned(d.getString("eventId"), instant(d, "at"),
                    instant(d, "recordedAt"), d.getString("contactId"), d.getString("agentId"),
                    intValue(d, "tier"), d.getString("queueId"));
            case RESOLVED -> new HistoryEntry.Resolved(d.getString("eventId"), instant(d, "at"),
                    instant(d, "recordedAt"), d.getString("contactId"), d.getString("agentId"),
                    intValue(d, "tier"), d.getString("queueId"), d.getString("resolutionCode"),
                    d.getString("notes"), handleTime(d));
            case SLA_BREACHED -> new HistoryEntry.SlaBreached(d.getString("eventId"), instant(d, "at"),
                    instant(d, "recordedAt"), d.getString("contactId"), intValue(d, "tier"), d.getString("queueId"),
                    enumValue(d, "priority", Priority.class), instant(d, "pickupDueAt"),
                    instant(d, "expectedResponseBy"));
            case REPEAT_CONTACT -> new HistoryEntry.RepeatContact(d.getString("eventId"), instant(d, "at"),
                    instant(d, "recordedAt"), d.getString("contactId"),
                    enumValue(d, "channel", io.tierline.events.Channel.class), d.getString("subject"),
                    Boolean.TRUE.equals(d.getBoolean("reopened")));
            case ENGINEERING_HANDOFF, ENGINEERING_HANDOFF_FAILED, ENGINEERING_ANSWER -> new HistoryEntry.Engineering(
                    d.getString("eventId"), kind, instant(d, "at"), instant(d, "recordedAt"), d.getString("handoffId"),
                    d.containsKey("attempts") ? intValue(d, "attempts") : null, d.getString("error"),
                    d.getString("author"), d.getString("text"));
            case NOTE -> new HistoryEntry.Note(d.getString("eventId"), instant(d, "at"),
                    d.getString("author"), d.getString("text"));
        };
    }

    private static void putHandleTime(Document doc, HandleTime handleTime) {
        if (handleTime != null) {
            put(doc, "acceptedAt", handleTime.acceptedAt());
            doc.append("talkMillis", handleTime.talkMillis()).append("holdMillis", handleTime.holdMillis());
        }
    }

    private static HandleTime handleTime(Document d) {
        if (!d.containsKey("talkMillis") && !d.containsKey("acceptedAt")) {
            return null;
        }
        return new HandleTime(instant(d, "acceptedAt"), longValue(d, "talkMillis"), longValue(d, "holdMillis"));
    }

    private static List<Document> diagnostics(Map<String, String> diagnostics) {
        var list = new ArrayList<Document>();
        diagnostics.forEach((k, v) -> list.add(new Document("key", k).append("value", v)));
        return list;
    }

    private static Map<String, String> diagnostics(List<Document> pairs) {
        var map = new LinkedHashMap<String, String>();
        if (pairs != null) {
            pairs.forEach(p -> map.put(p.getString("key"), p.getString("value")));
        }
        return map;
    }
}
