package io.tierline.escalation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.escalation.CaseStatus;
import io.tierline.events.Priority;
import java.time.Instant;

/** A case in a list: where it stands, without its history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSummaryView(
        String caseId,
        String caseNumber,
        CaseStatus status,
        int tier,
        String queueId,
        Priority priority,
        String contactId,
        String customerId,
        String category,
        int escalations,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt) {
}
