package io.tierline.escalation.policy;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.UnresolvedReason;
import java.util.Map;

/**
 * What the policy decides on: the tier and queue the contact left unresolved, its priority (null is NORMAL),
 * the customer's segment (null is STANDARD), why it left (null is AGENT_ESCALATED), its channel and category,
 * the contact it repeats, the tier's diagnostics, talk and hold time, and how often it was escalated before.
 */
public record EscalationRequest(int tier, String queueId, Priority priority, Segment segment,
        UnresolvedReason reason, Channel channel, String category, String repeatOf, Map<String, String> diagnostics,
        long talkMillis, long holdMillis, int escalations) {

    /** The diagnostics key an agent sets to {@code true} when the customer asked for a supervisor. */
    public static final String SUPERVISOR_REQUESTED = "supervisorRequested";

    public EscalationRequest {
        diagnostics = diagnostics == null ? Map.of() : Map.copyOf(diagnostics);
    }

    /** The issue-2 shape: an agent escalation on chat with nothing else known. */
    public EscalationRequest(int tier, String queueId, Priority priority, Segment segment) {
        this(tier, queueId, priority, segment, UnresolvedReason.AGENT_ESCALATED, Channel.CHAT, null, null, Map.of(),
                0, 0, 0);
    }

    public Priority effectivePriority() {
        return priority == null ? Priority.NORMAL : priority;
    }

    boolean supervisorRequested() {
        return diagnostics.entrySet().stream()
                .anyMatch(e -> SUPERVISOR_REQUESTED.equalsIgnoreCase(e.getKey()) && "true".equalsIgnoreCase(
                        e.getValue() == null ? "" : e.getValue().trim()));
    }
}
