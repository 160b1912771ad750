package io.tierline.routing.api;

import io.tierline.events.Channel;
import io.tierline.routing.Agent;
import io.tierline.routing.AgentProfile;
import io.tierline.routing.Contact;
import io.tierline.routing.QueueStats;
import io.tierline.routing.RoutingQueue;
import io.tierline.routing.Sla;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Request bodies to domain values, domain values to views. */
final class ApiMapping {
    private ApiMapping() {
    }

    static RoutingQueue queue(String queueId, QueueBody b) {
        return new RoutingQueue(queueId, b.name().trim(), b.tier(), b.channels(), orEmpty(b.languages()),
                orEmpty(b.skills()), orEmpty(b.categories()),
                b.sla() == null ? null : new Sla(b.sla().answerWithinSeconds(), b.sla().targetPercent()),
                b.maxWaitSeconds(), b.overflowQueueId(), b.strategy(), b.wrapUpSeconds());
    }

    static QueueView view(RoutingQueue q) {
        return new QueueView(q.id(), q.name(), q.tier(), q.channels(), q.languages(), new TreeMap<>(q.skills()),
                q.categories(),
                q.sla() == null ? null : new SlaBody(q.sla().answerWithinSeconds(), q.sla().targetPercent()),
                q.maxWaitSeconds(), q.overflowQueueId(), q.strategy(), q.wrapUpSeconds());
    }

    static QueueStatsView view(String queueId, QueueStats s) {
        return new QueueStatsView(queueId, s.depth(), s.longestWaitSeconds(), s.eligibleAgents(),
                s.availableAgents());
    }

    static AgentProfile profile(String agentId, AgentBody b) {
        return new AgentProfile(agentId, b.name().trim(), b.tier(), orEmpty(b.skills()), orEmpty(b.languages()),
                orEmpty(b.capacity()), b.team());
    }

    static AgentView view(Agent a) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        Map<Channel, Integer> load = new EnumMap<>(Channel.class);
        capacity.putAll(a.capacity());
        capacity.keySet().forEach(ch -> load.put(ch, a.loadFor(ch)));
        return new AgentView(a.id(), a.name(), a.tier(), new TreeMap<>(a.skills()), a.languages(), capacity,
                a.status(), load, a.team());
    }

    static ContactView view(Contact c) {
        var offer = c.offer();
        return new ContactView(c.id(), c.state(), c.channel(), c.language(), c.priority(), c.category(),
                c.queueId(), c.tier(), c.reason(), c.caseId(), c.escalations(), c.agentId(), c.queuedAt(),
                offer == null ? null : offer.offeredAt(), offer == null ? null : offer.acceptedAt(),
                offer == null ? null : offer.expiresAt(), offer == null ? null : offer.heldAt(),
                offer == null ? 0 : offer.holdMillis(), c.transfers(),
                c.withdrawal() == null ? null : c.withdrawal().reason());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
