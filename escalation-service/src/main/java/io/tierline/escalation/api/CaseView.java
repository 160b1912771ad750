package io.tierline.escalation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.escalation.CaseStatus;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import java.time.Instant;
import java.util.List;

/** A case with its whole history, oldest entry first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        String caseId,
        String caseNumber,
        CaseStatus status,
        int tier,
        String queueId,
        Priority priority,
        String contactId,
        List<String> contactIds,
        CustomerView customer,
        Channel channel,
        String language,
        String category,
        String subject,
        String repeatOf,
        int escalations,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt,
        Instant pickupDueAt,
        boolean loopDetected,
        Engineering engineering,
        List<HistoryEntryView> history) {

    /** The hand-off to engineering: {@code state} PENDING, DELIVERED, FAILED or ANSWERED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Engineering(String handoffId, String state, int attempts, Instant requestedAt,
            Instant nextAttemptAt) {
    }
}
