package io.tierline.routing.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.tierline.events.AssignmentEvent;
import io.tierline.events.EventJson;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process fan-out of {@code contacts.assignments} events to the SSE streams of the agents they concern. Every
 * event comes through the fan-out consumer ({@link #fannedOut}); one this instance sends to an agent with a stream
 * open here reaches the stream as soon as the broker has acknowledged it ({@link #sending}, {@link #acknowledged}),
 * without waiting for the consumer to read it back, and only once.
 */
@Singleton
public class AssignmentBroadcaster {

    /** Own events tracked at most (beyond it, those older than {@link #MAX_AGE} are forgotten). */
    private static final int MAX_TRACKED = 10_000;
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final Map<String, Set<Feed>> feeds = new ConcurrentHashMap<>();
    private final LocalDeliveries deliveries = new LocalDeliveries(MAX_TRACKED, MAX_AGE.toNanos(), System::nanoTime);

    /**
     * This instance is about to send the event: true if its agent has a stream open here, so that it is to be
     * streamed on acknowledgement; then call {@link #acknowledged} or {@link #failed}.
     */
    public boolean sending(AssignmentEvent event) {
        if (event.agentId() == null || !feeds.containsKey(event.agentId())) {
            return false;
        }
        deliveries.sending(event.eventId());
        return true;
    }

    /** The broker acknowledged an event announced to {@link #sending}: streamed now, unless the fan-out was first. */
    public void acknowledged(AssignmentEvent event) {
        if (deliveries.acknowledged(event.eventId())) {
            publish(event.agentId(), new AssignmentNotice(event.typeName(), event.eventId(), EventJson.write(event)));
        }
    }

    /** Sending an event announced to {@link #sending} failed: it is not streamed. */
    public void failed(AssignmentEvent event) {
        deliveries.failed(event.eventId());
    }

    /** The fan-out consumer read the event: streamed, unless it was on its acknowledgement already. */
    public void fannedOut(String agentId, AssignmentNotice notice) {
        if (deliveries.fannedOut(notice.eventId())) {
            publish(agentId, notice);
        }
    }

    /** Starts buffering the agent's events at once; the stream is {@link Feed#live()}. */
    public Feed open(String agentId) {
        Feed feed = new Feed(agentId);
        feeds.computeIfAbsent(agentId, id -> ConcurrentHashMap.newKeySet()).add(feed);
        return feed;
    }

    /** Streams the event to the agent's streams open here, as it is. */
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
