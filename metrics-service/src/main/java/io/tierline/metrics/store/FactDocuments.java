package io.tierline.metrics.store;

import com.mongodb.client.model.Filters;
import io.tierline.metrics.HandlingFact;
import io.tierline.metrics.KpiFilter;
import io.tierline.metrics.ResolutionFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The Mongo shape of the facts (one document per event, {@code _id} = eventId) and the queries on it. */
final class FactDocuments {

    static final String ID = "_id";
    static final String OCCURRED_AT = "occurredAt";
    static final String QUEUE_ID = "queueId";
    static final String CHANNEL = "channel";
    static final String TIER = "tier";
    static final String FIRST_CONTACT = "firstContactResolution";
    static final String HANDLE_MILLIS = "handleMillis";

    private FactDocuments() {
    }

    static Document resolution(ResolutionFact fact) {
        return new Document(ID, fact.eventId())
                .append("contactId", fact.contactId())
                .append(OCCURRED_AT, date(fact.occurredAt()))
                .append("agentId", fact.agentId())
                .append(QUEUE_ID, fact.queueId())
                .append(CHANNEL, fact.channel() == null ? null : fact.channel().name())
                .append(TIER, fact.tier())
                .append("escalations", fact.escalations())
                .append("transfers", fact.transfers())
                .append(FIRST_CONTACT, fact.firstContactResolution());
    }

    static Document handling(HandlingFact fact) {
        return new Document(ID, fact.eventId())
                .append("contactId", fact.contactId())
                .append(OCCURRED_AT, date(fact.occurredAt()))
                .append("agentId", fact.agentId())
                .append(QUEUE_ID, fact.queueId())
                .append(CHANNEL, fact.channel() == null ? null : fact.channel().name())
                .append(TIER, fact.tier())
                .append("acceptedAt", date(fact.acceptedAt()))
                .append("talkMillis", fact.talkMillis())
                .append("holdMillis", fact.holdMillis())
                .append("wrapUpMillis", fact.wrapUpMillis())
                .append(HANDLE_MILLIS, fact.handleMillis());
    }

    /** Facts with {@code from <= occurredAt < to} that match every non-null part of the filter. */
    static Bson matching(KpiFilter filter, Instant from, Instant to) {
        List<Bson> parts = new ArrayList<>();
        parts.add(Filters.gte(OCCURRED_AT, date(from)));
        parts.add(Filters.lt(OCCURRED_AT, date(to)));
        if (filter.queueId() != null) {
            parts.add(Filters.eq(QUEUE_ID, filter.queueId()));
        }
        if (filter.channel() != null) {
            parts.add(Filters.eq(CHANNEL, filter.channel().name()));
        }
        if (filter.tier() != null) {
            parts.add(Filters.eq(TIER, filter.tier()));
        }
        return Filters.and(parts);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
