package io.tierline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Every event Tierline publishes. The JSON carries its type name in {@code type}; the same name,
 * prefixed, is the CloudEvents {@code ce_type}. {@link #eventId()} is what idempotent consumers key on:
 * an event re-published after a retry carries the same id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContactReceived.class, name = "ContactReceived"),
        @JsonSubTypes.Type(value = ContactQueued.class, name = "ContactQueued"),
        @JsonSubTypes.Type(value = ContactOffered.class, name = "ContactOffered"),
        @JsonSubTypes.Type(value = OfferAccepted.class, name = "OfferAccepted"),
        @JsonSubTypes.Type(value = OfferDeclined.class, name = "OfferDeclined"),
        @JsonSubTypes.Type(value = WrapUpEnded.class, name = "WrapUpEnded"),
        @JsonSubTypes.Type(value = ContactResolved.class, name = "ContactResolved"),
        @JsonSubTypes.Type(value = ContactUnresolved.class, name = "ContactUnresolved"),
        @JsonSubTypes.Type(value = ContactEscalated.class, name = "ContactEscalated"),
        @JsonSubTypes.Type(value = AgentPresenceChanged.class, name = "AgentPresenceChanged"),
        @JsonSubTypes.Type(value = CustomerNotified.class, name = "CustomerNotified"),
        @JsonSubTypes.Type(value = ContactDeflected.class, name = "ContactDeflected"),
        @JsonSubTypes.Type(value = ContactAbandoned.class, name = "ContactAbandoned"),
        @JsonSubTypes.Type(value = SurveySubmitted.class, name = "SurveySubmitted"),
        @JsonSubTypes.Type(value = ContactMessageAdded.class, name = "ContactMessageAdded"),
        @JsonSubTypes.Type(value = OfferTimedOut.class, name = "OfferTimedOut"),
        @JsonSubTypes.Type(value = ContactHeld.class, name = "ContactHeld"),
        @JsonSubTypes.Type(value = ContactResumed.class, name = "ContactResumed"),
        @JsonSubTypes.Type(value = ContactTransferred.class, name = "ContactTransferred"),
        @JsonSubTypes.Type(value = ContactWithdrawn.class, name = "ContactWithdrawn"),
        @JsonSubTypes.Type(value = CaseSlaBreached.class, name = "CaseSlaBreached"),
        @JsonSubTypes.Type(value = QualityEvaluated.class, name = "QualityEvaluated"),
        @JsonSubTypes.Type(value = KpiSnapshot.class, name = "KpiSnapshot")
})
public sealed interface TierlineEvent
        permits ContactEvent, AssignmentEvent, EscalationEvent, ContactResolved, ContactUnresolved,
        AgentPresenceChanged, CustomerNotified, QualityEvaluated, KpiSnapshot {

    /** Unique per logical event; stable across re-publication. */
    String eventId();

    /** When it happened (CloudEvents {@code ce_time}). */
    Instant occurredAt();

    /** The Kafka record key: the contactId unless the topic says otherwise. */
    @JsonIgnore
    String key();

    /** The short type name, as in the JSON {@code type} property. */
    @JsonIgnore
    default String typeName() {
        return getClass().getSimpleName();
    }

    /** The CloudEvents {@code ce_type}. */
    @JsonIgnore
    default String ceType() {
        return CloudEventHeaders.TYPE_PREFIX + typeName();
    }
}
