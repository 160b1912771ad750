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

    /**
     * A tier could not resolve the contact; the policy promoted it (or requeued it in its tier). With
     * {@code loopDetected} the rule's move ({@code preventedToTier}, {@code preventedQueueId}) had been made for
     * this contact before: it was not repeated, the contact stayed in its tier with a priority boost.
     */
    record Escalated(String eventId, Instant at, Instant recordedAt, String contactId, String agentId,
            int fromTier, int toTier, String queueId, Priority priority, UnresolvedReason reason,
            String notes, Map<String, String> diagnostics, HandleTime handleTime,
            String policyVersion, String ruleId, Instant expectedResponseBy, boolean loopDetected,
            Integer preventedToTier, String preventedQueueId) implements HistoryEntry {

        public Escalated {
            diagnostics = diagnostics == null ? Map.of() : Map.copyOf(diagnostics);
        }

        public Escalated(String eventId, Instant at, Instant recordedAt, String contactId, String agentId,
                int fromTier, int toTier, String queueId, Priority priority, UnresolvedReason reason,
                String notes, Map<String, String> diagnostics, HandleTime handleTime,
                String policyVersion, String ruleId, Instant expectedResponseBy) {
            this(eventId, at, recordedAt, contactId, agentId, fromTier, toTier, queueId, priority, reason, notes,
                    diagnostics, handleTime, policyVersion, ruleId, expectedResponseBy, false, null, null);
        }

        /** A move from one tier or queue to another (not a requeue in place). */
        public boolean moves() {
            return fromTier != toTier;
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

    /**
     * The case waited past its tier's pick-up target ({@code pickupDueAt}) without an agent of the tier picking
     * it up: its priority was raised to {@code priority}, and the customer was told to expect a response by
     * {@code expectedResponseBy} (the breach plus the tier's pick-up target; null if the policy has none for the
     * tier). Once per case and pick-up cycle.
     */
    record SlaBreached(String eventId, Instant at, Instant recordedAt, String contactId, int tier, String queueId,
            Priority priority, Instant pickupDueAt, Instant expectedResponseBy) implements HistoryEntry {

        @Override
        public HistoryKind kind() {
            return HistoryKind.SLA_BREACHED;
        }
    }

    /**
     * The customer contacted us again about the case's category while it was open (or within the repeat window
     * after it closed): the contact was attached, and a closed case {@code reopened}.
     */
    record RepeatContact(String eventId, Instant at, Instant recordedAt, String contactId,
            io.tierline.events.Channel channel, String subject, boolean reopened) implements HistoryEntry {

        @Override
        public HistoryKind kind() {
            return HistoryKind.REPEAT_CONTACT;
        }
    }

    /**
     * The engineering hand-off: delivered to the webhook ({@code ENGINEERING_HANDOFF}), given up after
     * {@code attempts} with the last {@code error} ({@code ENGINEERING_HANDOFF_FAILED}, a dead-letter record
     * exists), or answered by engineering ({@code ENGINEERING_ANSWER}, with {@code author} and {@code text}).
     */
    record Engineering(String eventId, HistoryKind kind, Instant at, Instant recordedAt, String handoffId,
            Integer attempts, String error, String author, String text) implements HistoryEntry {
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
