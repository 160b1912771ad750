package io.tierline.intake.store;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A contact in collection {@code contacts} of database {@code tierline-intake}; {@code _id} is the contactId.
 * The channel's details are kept as the flat string map {@code details} (field name to value).
 * {@code threadMessageIds} holds the email message ids of the contact's thread (its own and those of attached
 * replies); {@code pendingEvents} the follow-up events (closure, survey, attached messages) whose publish the
 * broker has not acknowledged yet.
 */
public record ContactDocument(
        @BsonId String id,
        String idempotencyKey,
        String requestHash,
        String eventId,
        ContactStatus status,
        Channel channel,
        CustomerDocument customer,
        String language,
        String subject,
        String message,
        String category,
        Priority priority,
        String repeatOf,
        String gatewayRef,
        Map<String, String> attributes,
        Map<String, String> details,
        Instant receivedAt,
        PublishState publishState,
        Instant publishedAt,
        Instant closedAt,
        String closeEventId,
        String articleId,
        SurveyDocument survey,
        List<MessageDocument> messages,
        List<String> threadMessageIds,
        List<PendingEventDocument> pendingEvents,
        Instant queueAt) {

    /** Field names used in filters, updates and indexes. */
    public static final String ID = "_id";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String CUSTOMER_ID = "customer.id";
    public static final String CATEGORY = "category";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String PUBLISH_STATE = "publishState";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String STATUS = "status";
    public static final String CLOSED_AT = "closedAt";
    public static final String CLOSE_EVENT_ID = "closeEventId";
    public static final String ARTICLE_ID = "articleId";
    public static final String SURVEY = "survey";
    public static final String MESSAGES = "messages";
    public static final String MESSAGE_KEYS = "messages.idempotencyKey";
    public static final String THREAD_MESSAGE_IDS = "threadMessageIds";
    public static final String PENDING_EVENTS = "pendingEvents";
    public static final String PENDING_SINCE = "pendingEvents.since";
    public static final String QUEUE_AT = "queueAt";

    @Override
    public String toString() {
        return "ContactDocument[id=" + id + ", eventId=" + eventId + ", publishState=" + publishState + "]";
    }
}
