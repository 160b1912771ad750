package io.tierline.escalation;

import io.tierline.events.Priority;
import io.tierline.events.UnresolvedReason;
import java.time.Instant;
import java.util.Map;

/**
 * One append-only entry of a case's history. {@code eventId} identifies what caused it (the incoming
 * event, or the note's own id) and makes appending idempotent; {@code at} is when it happened,
 * {@code recordedAt} when this service recorded it.
 */
public sealed interface HistoryEntry {

    String eventId();

    Instant at();

    Instant recordedAt();

    HistoryKind kind();

    /** A tier could not resolve the contact; the policy promoted it (or requeued it at the top tier). */
    record Escalated(String eventId, Instant at, Instant recordedAt, String contactId, String agentId,
            int fromTier, int toTier, String queueId, Priority priority, UnresolvedReason reason,
            String notes, Map<String, String> diagnostics, HandleTime handleTime,
            String policyVersion, String ruleId, Instant expectedResponseBy) implements HistoryEntry {

        public Escalated {
            diagnostics = diagnostics == null ? Map.of() : Map.copyOf(diagnostics);
        }

        @Override
        public HistoryKind kind() {
            return HistoryKind.ESCALATED;
        }
    }

    /** An agent of the case's current tier accepted the contact. */
    record Assigned(String eventId, Instant at, Instant recordedAt, String contactId, String agentId,
            int tier, String queueId) implements HistoryEntry {

        @Override
        public HistoryKind kind() {
            return HistoryKind.ASSIGNED;
        }
    }

    /** An agent resolved the contact; this closed the case. */
    record Resolved(String eventId, Instant at, Instant recordedAt, String contactId, String agentId,
            int tier, String queueId, String resolutionCode, String notes, HandleTime handleTime)
            implements HistoryEntry {

        @Override
        public HistoryKind kind() {
            return HistoryKind.RESOLVED;
        }
    }

    /** A note someone posted on the case. */
    record Note(String eventId, Instant at, String author, String text) implements HistoryEntry {

        @Override
        public Instant recordedAt() {
            return at;
        }

        @Override
        public HistoryKind kind() {
            return HistoryKind.NOTE;
        }
    }
}
