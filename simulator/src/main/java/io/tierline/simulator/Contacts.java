package io.tierline.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated customers' contacts by contactId, and the first-offer times of contacts whose offer reached a
 * desktop before intake's answer reached the gateway (both race on different connections).
 */
final class Contacts {

    /** One posted contact as the simulator sees it. */
    static final class Track {
        final Arrival arrival;
        final long postedNanos;
        private boolean offered;
        private boolean answered;
        private boolean waiting;
        private boolean closed;

        Track(Arrival arrival, long postedNanos) {
            this.arrival = arrival;
            this.postedNanos = postedNanos;
        }

        /** The first offer of this contact: true once. */
        synchronized boolean firstOffer() {
            boolean first = !offered;
            offered = true;
            return first;
        }

        /** Intake accepted it: it waits for an agent. */
        synchronized void startWaiting(Tally tally) {
            if (!answered) {
                waitAgain(tally);
            }
        }

        /** An agent accepted it; true if it was waiting. */
        synchronized boolean answer(Tally tally) {
            answered = true;
            return stopWaiting(tally);
        }

        /** Escalated: it waits again, now for the next tier. */
        synchronized void escalate(Tally tally) {
            waitAgain(tally);
        }

        /** Resolved, abandoned or deflected. */
        synchronized void close(Tally tally) {
            stopWaiting(tally);
            closed = true;
        }

        /** The customer's patience ran out: true if it never reached an agent and is still open. */
        synchronized boolean mayAbandon() {
            return !answered && !closed;
        }

        private void waitAgain(Tally tally) {
            if (!closed && !waiting) {
                waiting = true;
                tally.waiting.incrementAndGet();
            }
        }

        private boolean stopWaiting(Tally tally) {
            if (waiting) {
                waiting = false;
                tally.waiting.decrementAndGet();
                return true;
            }
            return false;
        }
    }

    private final Map<String, Track> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> earlyOffers = new ConcurrentHashMap<>();
    private final Tally tally;
    private final long warmUpMillis;

    /** Latencies of contacts that arrive in the first {@code warmUpMillis} of the run are not recorded. */
    Contacts(Tally tally, long warmUpMillis) {
        this.tally = tally;
        this.warmUpMillis = warmUpMillis;
    }

    private void recordOffer(Track track, long offeredNanos) {
        if (track.arrival.atMillis() >= warmUpMillis) {
            tally.postToOffer.record((offeredNanos - track.postedNanos) / 1000);
        }
    }

    /** Intake answered with the contact's id. */
    void bind(String contactId, Track track) {
        byId.put(contactId, track);
        Long offeredAt = earlyOffers.remove(contactId);
        if (offeredAt != null && track.firstOffer()) {
            recordOffer(track, offeredAt);
        }
    }

    /** An offer of the contact reached a desktop at {@code nanos}; the track, or null if intake's answer is not back yet. */
    Track offered(String contactId, long nanos) {
        Track track = byId.get(contactId);
        if (track == null) {
            earlyOffers.putIfAbsent(contactId, nanos);
            return null;
        }
        if (track.firstOffer()) {
            recordOffer(track, nanos);
        }
        return track;
    }

    Track get(String contactId) {
        return byId.get(contactId);
    }
}
