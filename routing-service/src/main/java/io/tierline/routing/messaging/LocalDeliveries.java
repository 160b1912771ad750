package io.tierline.routing.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which of this instance's own {@code contacts.assignments} events reached its agents' streams already, so each
 * reaches them once: straight after the broker's acknowledgement ({@link #acknowledged}), or through the fan-out
 * consumer ({@link #fannedOut}), whichever comes first. Events of other instances only come through the fan-out.
 * <p>
 * An entry lives from the send until both ways have seen the event. One whose fan-out copy never comes (the
 * fan-out consumer lagging or reassigned) is dropped after {@code maxAgeNanos}, once more than
 * {@code maxEntries} are held; its copy, if it comes after all, reaches the streams a second time with the same
 * {@code id:}, which a desktop already has to expect (a stream's first events repeat what it may have seen).
 */
final class LocalDeliveries {

    private enum State { SENDING, STREAMED_ON_ACK, FANNED_OUT }

    private record Entry(State state, long sinceNanos) {
    }

    private final Map<String, Entry> events = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeNanos;
    private final LongSupplier nanos;
    private volatile long lastSweepNanos;

    LocalDeliveries(int maxEntries, long maxAgeNanos, LongSupplier nanos) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAgeNanos;
        this.nanos = nanos;
        this.lastSweepNanos = nanos.getAsLong() - maxAgeNanos;
    }

    /**
     * This instance is sending the event. Over {@code maxEntries}, the old ones are dropped, by a scan of them all
     * at most once a quarter of {@code maxAgeNanos}: a fan-out that stalls with many young entries held does not
     * make every send scan them.
     */
    void sending(String eventId) {
        long now = nanos.getAsLong();
        if (events.size() >= maxEntries && now - lastSweepNanos >= maxAgeNanos / 4) {
            lastSweepNanos = now;
            long oldest = now - maxAgeNanos;
            events.values().removeIf(e -> e.sinceNanos() < oldest);
        }
        events.put(eventId, new Entry(State.SENDING, now));
    }

    /** The send failed: the event never reaches the topic, nor the streams. */
    void failed(String eventId) {
        events.remove(eventId);
    }

    /** The broker acknowledged the event: true if it is to be streamed now (the fan-out has not streamed it). */
    boolean acknowledged(String eventId) {
        boolean[] stream = {false};
        events.compute(eventId, (id, entry) -> {
            if (entry == null || entry.state() != State.SENDING) {
                return null; // fanned out already (or forgotten): done with it
            }
            stream[0] = true;
            return new Entry(State.STREAMED_ON_ACK, entry.sinceNanos());
        });
        return stream[0];
    }

    /** The fan-out consumer read the event: true if it is to be streamed now (it was not on acknowledgement). */
    boolean fannedOut(String eventId) {
        boolean[] stream = {true};
        events.computeIfPresent(eventId, (id, entry) -> {
            if (entry.state() == State.STREAMED_ON_ACK) {
                stream[0] = false;
                return null;
            }
            return new Entry(State.FANNED_OUT, entry.sinceNanos());
        });
        return stream[0];
    }

    int size() {
        return events.size();
    }
}
