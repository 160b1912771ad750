package io.tierline.routing.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-process fan-out of {@code contacts.assignments} events to the SSE streams of the agents they concern. */
@Singleton
public class AssignmentBroadcaster {

    private final Map<String, Set<Feed>> feeds = new ConcurrentHashMap<>();

    /** Starts buffering the agent's events at once; the stream is {@link Feed#live()}. */
    public Feed open(String agentId) {
        Feed feed = new Feed(agentId);
        feeds.computeIfAbsent(agentId, id -> ConcurrentHashMap.newKeySet()).add(feed);
        return feed;
    }

    public void publish(String agentId, AssignmentNotice notice) {
        Set<Feed> listening = feeds.get(agentId);
        if (listening != null) {
            listening.forEach(feed -> feed.push(notice));
        }
    }

    /** The agents with at least one stream open on this instance. */
    public Set<String> agentsListening() {
        return Set.copyOf(feeds.keySet());
    }

    public int listeners(String agentId) {
        return feeds.getOrDefault(agentId, Set.of()).size();
    }

    private void remove(Feed feed) {
        feeds.computeIfPresent(feed.agentId, (id, set) -> {
            set.remove(feed);
            return set.isEmpty() ? null : set;
        });
    }

    /** One subscriber's buffered view of one agent's events. */
    public final class Feed {
        private final String agentId;
        private final UnicastProcessor<AssignmentNotice> processor = UnicastProcessor.create();

        private Feed(String agentId) {
            this.agentId = agentId;
        }

        private synchronized void push(AssignmentNotice notice) {
            processor.onNext(notice);
        }

        public Multi<AssignmentNotice> live() {
            return processor.onTermination().invoke(this::close);
        }

        public void close() {
            remove(this);
        }
    }
}
