package io.tierline.routing.store;

import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.routing.Agent;
import io.tierline.routing.AgentProfile;
import io.tierline.routing.Languages;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Maps agents to and from their Mongo documents (collection {@code agents}). */
final class AgentDocuments {
    static final String ID = "_id";
    static final String TIER = "tier";
    static final String LANGUAGE_KEYS = "languageKeys";
    static final String CAPACITY = "capacity";
    static final String FREE = "free";
    static final String HOLDS = "holds";
    /** [{contact, at}]: capacity reserved for a contact and not yet seen claimed by the recovery sweep. */
    static final String RESERVATIONS = "reservations";
    static final String STATUS = "status";
    static final String PREVIOUS_STATUS = "previousStatus";
    static final String STATUS_CHANGED_AT = "statusChangedAt";
    static final String STATUS_SEQ = "statusSeq";
    static final String IDLE_SINCE = "idleSince";
    static final String VERSION = "version";
    static final String STATUS_REASON = "statusReason";
    static final String SKILLS = "skills";
    static final String STREAM_SEEN_AT = "streamSeenAt";
    static final String TEAM = "team";

    private AgentDocuments() {
    }

    static Document reservation(String contactId, Channel channel, Instant at) {
        return new Document("contact", contactId).append("channel", channel.name()).append("at", Docs.date(at));
    }

    static String free(Channel channel) {
        return FREE + "." + channel.name();
    }

    static String capacity(Channel channel) {
        return CAPACITY + "." + channel.name();
    }

    /** The profile fields, as set by {@code PUT /agents}. */
    static Document profile(AgentProfile p) {
        return new Document("name", p.name())
                .append(TIER, p.tier())
                .append("skills", Docs.document(p.skills()))
                .append("languages", p.languages())
                .append(LANGUAGE_KEYS, Languages.keys(p.languages()))
                .append(CAPACITY, channelMap(p.capacity()))
                .append(TEAM, p.team());
    }

    /** A new agent: OFFLINE, all capacity free. */
    static Document newAgent(AgentProfile p, Instant now) {
        Document doc = new Document(ID, p.id());
        doc.putAll(profile(p));
        return doc.append(STATUS, AgentStatus.OFFLINE.name())
                .append(STATUS_SEQ, 0L)
                .append(STATUS_CHANGED_AT, Docs.date(now))
                .append(IDLE_SINCE, Docs.date(now))
                .append(FREE, channelMap(p.capacity()))
                .append(HOLDS, List.of())
                .append(VERSION, 0L)
                .append("updatedAt", Docs.date(now));
    }

    static Document channelMap(Map<Channel, Integer> map) {
        Document doc = new Document();
        map.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> doc.append(e.getKey().name(), e.getValue()));
        return doc;
    }

    static Map<Channel, Integer> channels(Document doc) {
        Map<Channel, Integer> map = new EnumMap<>(Channel.class);
        Docs.intMap(doc).forEach((k, v) -> map.put(Channel.valueOf(k), v));
        return map;
    }

    static Agent fromDocument(Document d) {
        String previous = d.getString(PREVIOUS_STATUS);
        return new Agent(
                d.getString(ID),
                d.getString("name"),
                Docs.integer(d, TIER),
                Docs.intMap(Docs.sub(d, "skills")),
                Docs.strings(d, "languages"),
                channels(Docs.sub(d, CAPACITY)),
                channels(Docs.sub(d, FREE)),
                Docs.strings(d, HOLDS),
                AgentStatus.valueOf(d.getString(STATUS)),
                previous == null ? null : AgentStatus.valueOf(previous),
                Docs.instant(d, STATUS_CHANGED_AT),
                Docs.longValue(d, STATUS_SEQ),
                Docs.instant(d, IDLE_SINCE),
                Docs.longValue(d, VERSION),
                d.getString(STATUS_REASON),
                d.getString(TEAM));
    }
}
