package io.tierline.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated customers' contacts by contactId, and what happened to contacts before intake's answer reached
 * the gateway (both race on different connections; a post repeated after a lost answer may be acknowledged after
 * its contact was offered, handled, even resolved): their first-offer times and their latest outcome, applied
 * when the answer comes.
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

    /** What the desktops did with a contact the gateway does not know yet; only the latest matters. */
    private enum Early { ANSWERED, ESCALATED, CLOSED }

    private final Map<String, Track> byId = new ConcurrentHashMap<>();
    private final Map<String, Reached> earlyOffers = new ConcurrentHashMap<>();
    private final Map<String, Early> earlyOutcomes = new java.util.HashMap<>(); // guarded by this
    private final Tally tally;
    private final long warmUpMillis;

    /** Latencies of contacts that arrive in the first {@code warmUpMillis} of the run are not recorded. */
    Contacts(Tally tally, long warmUpMillis) {
        this.tally = tally;
        this.warmUpMillis = warmUpMillis;
    }

    /**
     * When an offer reached a desktop ({@code System.nanoTime()}), and how long after routing made it (the
     * offer's {@code occurredAt}, routing's clock, to the desktop's wall clock on the same machine; negative when
     * unknown).
     */
    record Reached(long nanos, long sinceOfferedMicros) {
    }

    private void recordOffer(Track track, Reached reached) {
        if (track.arrival.atMillis() >= warmUpMillis) {
            tally.postToOffer.record((reached.nanos() - track.postedNanos) / 1000);
            if (reached.sinceOfferedMicros() >= 0) {
                tally.offerToStream.record(reached.sinceOfferedMicros());
            }
        }
    }

    /** Intake answered with the contact's id; call before {@link Track#startWaiting}. */
    void bind(String contactId, Track track) {
        Early outcome;
        synchronized (this) {
            byId.put(contactId, track);
            outcome = earlyOutcomes.remove(contactId);
        }
        Reached offeredAt = earlyOffers.remove(contactId);
        if (offeredAt != null && track.firstOffer()) {
            recordOffer(track, offeredAt);
        }
        if (outcome == Early.CLOSED) {
            track.close(tally);
        } else if (outcome != null) {
            track.answer(tally);
            if (outcome == Early.ESCALATED) {
                track.escalate(tally);
            }
        }
    }

    /** An agent accepted the contact. */
    void answered(String contactId) {
        Track track = trackOr(contactId, Early.ANSWERED);
        if (track != null) {
            track.answer(tally);
        }
    }

    /** An agent escalated it: it waits for the next tier. */
    void escalated(String contactId) {
        Track track = trackOr(contactId, Early.ESCALATED);
        if (track != null) {
            track.escalate(tally);
        }
    }

    /** An agent resolved it; the track, or null if intake's answer is not back yet. */
    Track resolved(String contactId) {
        Track track = trackOr(contactId, Early.CLOSED);
        if (track != null) {
            track.close(tally);
        }
        return track;
    }

    private synchronized Track trackOr(String contactId, Early outcome) {
        Track track = byId.get(contactId);
        if (track == null) {
            earlyOutcomes.put(contactId, outcome);
        }
        return track;
    }

    /** An offer of the contact reached a desktop; the track, or null if intake's answer is not back yet. */
    Track offered(String contactId, Reached reached) {
        Track track = byId.get(contactId);
        if (track == null) {
            earlyOffers.putIfAbsent(contactId, reached);
            return null;
        }
        if (track.firstOffer()) {
            recordOffer(track, reached);
        }
        return track;
    }

    /** The ids of every contact intake acknowledged so far. */
    java.util.Set<String> ids() {
        return java.util.Set.copyOf(byId.keySet());
    }
}
