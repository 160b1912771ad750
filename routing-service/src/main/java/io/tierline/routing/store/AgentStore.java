package io.tierline.routing.store;

import static io.tierline.routing.store.AgentDocuments.HOLDS;
import static io.tierline.routing.store.AgentDocuments.ID;
import static io.tierline.routing.store.AgentDocuments.IDLE_SINCE;
import static io.tierline.routing.store.AgentDocuments.LANGUAGE_KEYS;
import static io.tierline.routing.store.AgentDocuments.RESERVATIONS;
import static io.tierline.routing.store.AgentDocuments.STATUS;
import static io.tierline.routing.store.AgentDocuments.STATUS_SEQ;
import static io.tierline.routing.store.AgentDocuments.TIER;
import static io.tierline.routing.store.AgentDocuments.VERSION;
import static io.tierline.routing.store.AgentDocuments.capacity;
import static io.tierline.routing.store.AgentDocuments.free;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.routing.Agent;
import io.tierline.routing.AgentProfile;
import io.tierline.routing.Languages;
import io.tierline.routing.StatusChange;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The agents. Capacity is a per-channel {@code free} counter plus the list of contacts holding it
 * ({@code holds}); reserving and releasing are single conditional updates, so two routing instances can never
 * put an agent over capacity, and releasing twice frees once.
 */
@Singleton
public class AgentStore {

    private static final int ATTEMPTS = 20;
    /** Agents stamped per update: one update with thousands of ids is one long write to the collection. */
    private static final int STAMP_BATCH = 100;
    /** Longest idle first; the index (status, tier, idleSince, _id) gives this order. */
    private static final Bson LONGEST_IDLE_FIRST = Sorts.ascending(IDLE_SINCE, ID);

    private final MongoCollection<Document> agents;

    public AgentStore(MongoDatabase database) {
        this.agents = database.getCollection("agents");
    }

    public Optional<Agent> find(String id) {
        return Optional.ofNullable(agents.find(Filters.eq(ID, id)).first()).map(AgentDocuments::fromDocument);
    }

    /** Creates the agent (OFFLINE) or updates its profile; a capacity change moves {@code free} by as much. */
    public Agent put(AgentProfile profile, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Agent> current = find(profile.id());
            if (current.isEmpty()) {
                if (insert(profile, now)) {
                    return find(profile.id()).orElseThrow();
                }
                continue;
            }
            Agent agent = current.get();
            if (agents.updateOne(Filters.and(Filters.eq(ID, agent.id()), Filters.eq(VERSION, agent.version())),
                    profileUpdate(profile, agent, now)).getMatchedCount() == 1) {
                return find(profile.id()).orElseThrow();
            }
        }
        throw new ConcurrentModificationException("agent " + profile.id() + " kept changing; retry");
    }

    private boolean insert(AgentProfile profile, Instant now) {
        try {
            agents.insertOne(AgentDocuments.newAgent(profile, now));
            return true;
        } catch (MongoWriteException e) {
            if (Docs.duplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static Bson profileUpdate(AgentProfile profile, Agent agent, Instant now) {
        List<Bson> updates = new ArrayList<>();
        AgentDocuments.profile(profile).forEach((field, value) -> updates.add(Updates.set(field, value)));
        for (Channel channel : Channel.values()) {
            int delta = profile.capacity().getOrDefault(channel, 0) - agent.capacityFor(channel);
            if (delta != 0) {
                updates.add(Updates.inc(free(channel), delta));
            }
        }
        updates.add(Updates.set("updatedAt", Docs.date(now)));
        updates.add(Updates.inc(VERSION, 1L));
        return Updates.combine(updates);
    }

    /** Sets the status if it differs; empty if the agent does not exist. */
    public Optional<StatusChange> changeStatus(String id, AgentStatus status, Instant now) {
        return changeStatus(id, status, null, null, now);
    }

    /**
     * Sets the status, with routing's reason for it, if the agent has status {@code from} (any if null) and a
     * different one than {@code status}; empty if the agent does not exist.
     */
    public Optional<StatusChange> changeStatus(String id, AgentStatus status, AgentStatus from, String reason,
            Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Agent> current = find(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Agent agent = current.get();
            if (agent.status() == status || (from != null && agent.status() != from)) {
                return Optional.of(new StatusChange(agent, false));
            }
            List<Bson> updates = new ArrayList<>(List.of(
                    Updates.set(STATUS, status.name()),
                    Updates.set(AgentDocuments.PREVIOUS_STATUS, agent.status().name()),
                    Updates.set(AgentDocuments.STATUS_CHANGED_AT, Docs.date(now)),
                    Updates.inc(STATUS_SEQ, 1L),
                    reason == null ? Updates.unset(AgentDocuments.STATUS_REASON)
                            : Updates.set(AgentDocuments.STATUS_REASON, reason)));
            if (status == AgentStatus.AVAILABLE) {
                updates.add(Updates.set(IDLE_SINCE, Docs.date(now)));
            }
            if (agents.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(STATUS_SEQ, agent.statusSeq())),
                    Updates.combine(updates)).getMatchedCount() == 1) {
                return Optional.of(new StatusChange(find(id).orElseThrow(), true));
            }
        }
        throw new ConcurrentModificationException("agent " + id + " status kept changing; retry");
    }

    /** These agents have a desktop stream open now (on this instance); stamped in batches of bounded size. */
    public void streamsSeen(Collection<String> agentIds, Instant now) {
        List<String> ids = List.copyOf(agentIds);
        for (int from = 0; from < ids.size(); from += STAMP_BATCH) {
            agents.updateMany(Filters.in(ID, ids.subList(from, Math.min(ids.size(), from + STAMP_BATCH))),
                    Updates.set(AgentDocuments.STREAM_SEEN_AT, Docs.date(now)));
        }
    }

    /** Agents not OFFLINE that had a desktop stream, none seen since {@code cutoff}. */
    public List<Agent> streamsLostSince(Instant cutoff, int limit) {
        return Docs.list(agents.find(Filters.and(Filters.ne(STATUS, AgentStatus.OFFLINE.name()),
                        Filters.lte(AgentDocuments.STREAM_SEEN_AT, Docs.date(cutoff))))
                .limit(limit).map(AgentDocuments::fromDocument));
    }

    /**
     * The agent's desktop is gone: OFFLINE with the reason, from the status it was read in, unless a stream was
     * seen since {@code cutoff}; the agent after the change, or empty if it did not apply.
     */
    public Optional<Agent> desktopLost(Agent read, Instant cutoff, String reason, Instant now) {
        boolean changed = agents.updateOne(Filters.and(Filters.eq(ID, read.id()),
                        Filters.eq(STATUS_SEQ, read.statusSeq()),
                        Filters.lte(AgentDocuments.STREAM_SEEN_AT, Docs.date(cutoff))),
                Updates.combine(Updates.set(STATUS, AgentStatus.OFFLINE.name()),
                        Updates.set(AgentDocuments.PREVIOUS_STATUS, read.status().name()),
                        Updates.set(AgentDocuments.STATUS_CHANGED_AT, Docs.date(now)), Updates.inc(STATUS_SEQ, 1L),
                        Updates.set(AgentDocuments.STATUS_REASON, reason),
                        Updates.unset(AgentDocuments.STREAM_SEEN_AT)))
                .getModifiedCount() == 1;
        return changed ? find(read.id()) : Optional.empty();
    }

    /** Takes one unit of the channel's capacity for the contact, if the agent is AVAILABLE and has it free. */
    public boolean reserve(String agentId, Channel channel, String contactId, Instant now) {
        return agents.updateOne(
                Filters.and(Filters.eq(ID, agentId), Filters.eq(STATUS, AgentStatus.AVAILABLE.name()),
                        Filters.gt(free(channel), 0), Filters.ne(HOLDS, contactId)),
                reserving(channel, contactId, now))
                .getModifiedCount() == 1;
    }

    /**
     * Picks and reserves in one conditional update: the first of {@link #candidates} (the longest idle eligible
     * agent) gets one unit of the channel's capacity for the contact, as {@link #reserve} would give it. The
     * agent as it was when picked, or empty if no agent is eligible. The skills must all be addressable by the
     * store (see {@link #addressable}).
     */
    public Optional<Agent> reserveLongestIdle(int tier, String language, Channel channel, String contactId,
            Collection<String> excluded, Map<String, Integer> skills, Instant now) {
        return Optional.ofNullable(agents.findOneAndUpdate(
                        Filters.and(eligible(tier, language, channel, contactId, excluded, skills)),
                        reserving(channel, contactId, now),
                        new FindOneAndUpdateOptions().sort(LONGEST_IDLE_FIRST).returnDocument(ReturnDocument.BEFORE)))
                .map(AgentDocuments::fromDocument);
    }

    private static Bson reserving(Channel channel, String contactId, Instant now) {
        return Updates.combine(Updates.inc(free(channel), -1), Updates.push(HOLDS, contactId),
                Updates.push(RESERVATIONS, AgentDocuments.reservation(contactId, channel, now)),
                Updates.set(IDLE_SINCE, Docs.date(now)));
    }

    /** Gives back what the contact holds; a no-op if it holds nothing (idempotent). */
    public boolean release(String agentId, Channel channel, String contactId, Instant idleSince) {
        return agents.updateOne(holding(agentId, contactId), releasing(channel, contactId, idleSince))
                .getModifiedCount() == 1;
    }

    /** The same as {@link #release}, in one round trip with reading the agent as released; empty if it was not. */
    public Optional<Agent> releaseAndRead(String agentId, Channel channel, String contactId, Instant idleSince) {
        return Optional.ofNullable(agents.findOneAndUpdate(holding(agentId, contactId),
                releasing(channel, contactId, idleSince),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(AgentDocuments::fromDocument);
    }

    private static Bson holding(String agentId, String contactId) {
        return Filters.and(Filters.eq(ID, agentId), Filters.eq(HOLDS, contactId));
    }

    private static Bson releasing(Channel channel, String contactId, Instant idleSince) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc(free(channel), 1), Updates.pull(HOLDS, contactId),
                Updates.pull(RESERVATIONS, new Document("contact", contactId))));
        if (idleSince != null) {
            updates.add(Updates.set(IDLE_SINCE, Docs.date(idleSince)));
        }
        return Updates.combine(updates);
    }

    /**
     * AVAILABLE agents of the tier that speak the language, have the channel free and the skills at their
     * minimum levels, idle longest first.
     */
    public List<Agent> candidates(int tier, String language, Channel channel, String contactId,
            Collection<String> excluded, Map<String, Integer> skills, int limit) {
        return Docs.list(agents.find(Filters.and(eligible(tier, language, channel, contactId, excluded, skills)))
                .sort(LONGEST_IDLE_FIRST).limit(limit).map(AgentDocuments::fromDocument));
    }

    private static List<Bson> eligible(int tier, String language, Channel channel, String contactId,
            Collection<String> excluded, Map<String, Integer> skills) {
        List<Bson> filters = new ArrayList<>(List.of(
                Filters.eq(STATUS, AgentStatus.AVAILABLE.name()), Filters.eq(TIER, tier),
                Filters.gt(free(channel), 0), Filters.ne(HOLDS, contactId)));
        if (language != null) {
            filters.add(Filters.eq(LANGUAGE_KEYS, Languages.key(language)));
        }
        if (!excluded.isEmpty()) {
            filters.add(Filters.nin(ID, excluded));
        }
        filters.addAll(skillFilters(skills));
        return filters;
    }

    /** Whether the store can check every one of these skills itself (else the matcher must: see skillFilters). */
    public static boolean addressable(Map<String, Integer> skills) {
        return skills.keySet().stream().allMatch(AgentStore::addressable);
    }

    private static boolean addressable(String skill) {
        return !skill.contains(".") && !skill.startsWith("$");
    }

    /**
     * Skill levels at least the minimum, as store filters. A skill name the store cannot address as a field
     * path (a '.' in it, or a leading '$') is left to the matcher, which checks every skill.
     */
    private static List<Bson> skillFilters(Map<String, Integer> skills) {
        return skills.entrySet().stream()
                .filter(e -> addressable(e.getKey()))
                .map(e -> Filters.gte(AgentDocuments.SKILLS + "." + e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Agents of the tier with a language of {@code languages} (any if empty) and capacity for one of the
     * channels; with {@code availableNow}, only AVAILABLE ones with that capacity free.
     */
    public long countServing(int tier, List<String> languages, Set<Channel> channels, Map<String, Integer> skills,
            boolean availableNow) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(TIER, tier)));
        filters.addAll(skillFilters(skills));
        if (!languages.isEmpty()) {
            filters.add(Filters.in(LANGUAGE_KEYS, Languages.keys(languages)));
        }
        filters.add(Filters.or(channels.stream()
                .map(ch -> Filters.gt(availableNow ? free(ch) : capacity(ch), 0)).toList()));
        if (availableNow) {
            filters.add(Filters.eq(STATUS, AgentStatus.AVAILABLE.name()));
        }
        return agents.countDocuments(Filters.and(filters));
    }
}
