package io.tierline.routing;

import java.time.Instant;

/**
 * An offer that timed out (or was taken back from its agent: {@code takenBackFor} says why, e.g. the desktop is
 * gone or the agent went AWAY) and whose consequences (capacity released, OfferTimedOut or OfferDeclined with
 * that reason, the agent set AWAY after a timeout, the
 * contact queued again) are not all done yet; the offer sweep finishes them, also after a restart. An agent
 * is set AWAY only for an offer it was shown ({@code announced}: its ContactOffered was acknowledged).
 */
public record OfferLapse(String agentId, int seq, String queueId, int tier, Instant at, String takenBackFor,
        boolean announced) {

    /** A timeout of an offer whose ContactOffered went out. */
    public OfferLapse(String agentId, int seq, String queueId, int tier, Instant at) {
        this(agentId, seq, queueId, tier, at, null, true);
    }

    /** Whether the offer was taken back (published as OfferDeclined with {@code takenBackFor}), not timed out. */
    public boolean takenBack() {
        return takenBackFor != null;
    }
}
