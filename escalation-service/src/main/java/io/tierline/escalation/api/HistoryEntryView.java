package io.tierline.escalation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.escalation.HistoryKind;
import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.events.UnresolvedReason;
import java.time.Instant;
import java.util.Map;

/** One history entry; which fields are present depends on {@code kind}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HistoryEntryView {
    public String eventId;
    public HistoryKind kind;
    public Instant at;
    public Instant recordedAt;
    public String contactId;
    public String agentId;
    public Integer tier;
    public Integer fromTier;
    public Integer toTier;
    public String queueId;
    public Priority priority;
    public UnresolvedReason reason;
    public String notes;
    public Map<String, String> diagnostics;
    public Instant acceptedAt;
    public Long talkMillis;
    public Long holdMillis;
    public String resolutionCode;
    public String policyVersion;
    public String ruleId;
    public Instant expectedResponseBy;
    /** ESCALATED: the same move was made before; it was not repeated, the contact stayed in its tier. */
    public Boolean loopDetected;
    public Integer preventedToTier;
    public String preventedQueueId;
    /** SLA_BREACHED: the pick-up due time that passed. */
    public Instant pickupDueAt;
    public Channel channel;
    public String subject;
    /** REPEAT_CONTACT: the repeat reopened the closed case. */
    public Boolean reopened;
    /** ENGINEERING_*: the hand-off, its delivery attempts and the last delivery error. */
    public String handoffId;
    public Integer attempts;
    public String error;
    public String author;
    public String text;
}
