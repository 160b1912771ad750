package io.tierline.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a run did, counted as it happens; read by the progress line and the summary table. */
final class Tally {

    final LongAdder posted = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failed = new LongAdder();
    /** Contacts acknowledged only after intake was asked more than once (it was restarting, overloaded, ...). */
    final LongAdder repeatedPosts = new LongAdder();
    final LongAdder offers = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder declined = new LongAdder();
    final LongAdder missed = new LongAdder();
    final LongAdder held = new LongAdder();
    final LongAdder resolved = new LongAdder();
    final LongAdder escalated = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAdder deflected = new LongAdder();
    final LongAdder surveys = new LongAdder();
    final LongAdder deskErrors = new LongAdder();
    /** Contacts accepted by intake and not yet answered at their current tier (nor abandoned or deflected). */
    final AtomicLong waiting = new AtomicLong();
    /** Contacts an agent accepted and has not yet resolved or escalated. */
    final AtomicLong inHandling = new AtomicLong();
    /** From the POST /contacts request until its first offer reached an agent's SSE stream. */
    final Latencies postToOffer = new Latencies();
    /**
     * From routing's offer (its {@code occurredAt}) until it reached the agent's SSE stream: the broker's
     * acknowledgement, the fan-out and the stream; the rest of post-to-offer is intake and routing's matching.
     */
    final Latencies offerToStream = new Latencies();
    /** The POST /contacts round trip. */
    final Latencies intake = new Latencies();

    Map<String, Long> counts() {
        var m = new LinkedHashMap<String, Long>();
        m.put("contacts posted", posted.sum());
        m.put("accepted by intake (202)", accepted.sum());
        m.put("rejected by intake (4xx)", rejected.sum());
        m.put("given up (no 2xx within the retry window)", failed.sum());
        m.put("acknowledged after repeating", repeatedPosts.sum());
        m.put("deflected (L0)", deflected.sum());
        m.put("offers received", offers.sum());
        m.put("offers accepted", answered.sum());
        m.put("offers declined", declined.sum());
        m.put("offers missed", missed.sum());
        m.put("holds", held.sum());
        m.put("resolved", resolved.sum());
        m.put("escalated", escalated.sum());
        m.put("abandoned", abandoned.sum());
        m.put("surveys", surveys.sum());
        m.put("desktop errors", deskErrors.sum());
        m.put("waiting at the end", waiting.get());
        return m;
    }
}
