package io.tierline.intake.store;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import java.time.Instant;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A contact in collection {@code contacts} of database {@code tierline-intake}; {@code _id} is the contactId.
 * The channel's details are kept as the flat string map {@code details} (field name to value).
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
        Instant publishedAt) {

    /** Field names used in filters, updates and indexes. */
    public static final String ID = "_id";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String CUSTOMER_ID = "customer.id";
    public static final String CATEGORY = "category";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String PUBLISH_STATE = "publishState";
    public static final String PUBLISHED_AT = "publishedAt";

    @Override
    public String toString() {
        return "ContactDocument[id=" + id + ", eventId=" + eventId + ", publishState=" + publishState + "]";
    }
}
