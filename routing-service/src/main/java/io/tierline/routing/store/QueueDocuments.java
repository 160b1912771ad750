package io.tierline.routing.store;

import io.tierline.events.Channel;
import io.tierline.routing.RoutingQueue;
import io.tierline.routing.Languages;
import io.tierline.routing.Sla;
import io.tierline.routing.Strategy;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/** Maps queues to and from their Mongo documents (collection {@code queues}). */
final class QueueDocuments {
    static final String ID = "_id";
    static final String TIER = "tier";

    private QueueDocuments() {
    }

    static Document toDocument(RoutingQueue q) {
        Document doc = new Document(ID, q.id())
                .append("name", q.name())
                .append(TIER, q.tier())
                .append("channels", q.channels().stream().map(Channel::name).sorted().toList())
                .append("languages", q.languages())
                .append("languageKeys", Languages.keys(q.languages()))
                .append("skills", Docs.document(q.skills()))
                .append("categories", q.categories())
                .append("maxWaitSeconds", q.maxWaitSeconds())
                .append("overflowQueueId", q.overflowQueueId())
                .append("strategy", q.strategy().name())
                .append("wrapUpSeconds", q.wrapUpSeconds());
        if (q.sla() != null) {
            doc.append("sla", new Document("answerWithinSeconds", q.sla().answerWithinSeconds())
                    .append("targetPercent", q.sla().targetPercent()));
        }
        return doc;
    }

    static RoutingQueue fromDocument(Document d) {
        Set<Channel> channels = Docs.strings(d, "channels").stream().map(Channel::valueOf)
                .collect(Collectors.toSet());
        Document sla = Docs.sub(d, "sla");
        return new RoutingQueue(
                d.getString(ID),
                d.getString("name"),
                Docs.integer(d, TIER),
                channels,
                Docs.strings(d, "languages"),
                Docs.intMap(Docs.sub(d, "skills")),
                Docs.strings(d, "categories"),
                sla == null ? null : new Sla(Docs.integer(sla, "answerWithinSeconds"),
                        sla.get("targetPercent", Number.class).doubleValue()),
                d.getInteger("maxWaitSeconds"),
                d.getString("overflowQueueId"),
                Strategy.valueOf(d.getString("strategy")),
                d.getInteger("wrapUpSeconds"));
    }
}
