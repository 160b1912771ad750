package io.tierline.escalation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.escalation.HistoryKind;
import io.tierline.events.Priority;
import io.tierline.events.UnresolvedReason;
import java.time.Instant;
import java.util.Map;

/** One history entry; which fields are present depends on {@code kind}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntryView(
        String eventId,
        HistoryKind kind,
        Instant at,
        Instant recordedAt,
        String contactId,
        String agentId,
        Integer tier,
        Integer fromTier,
        Integer toTier,
        String queueId,
        Priority priority,
        UnresolvedReason reason,
        String notes,
        Map<String, String> diagnostics,
        Instant acceptedAt,
        Long talkMillis,
        Long holdMillis,
        String resolutionCode,
        String policyVersion,
        String ruleId,
        Instant expectedResponseBy,
        String author,
        String text) {
}
