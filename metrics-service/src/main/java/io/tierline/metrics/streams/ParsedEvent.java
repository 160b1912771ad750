package io.tierline.metrics.streams;

import io.tierline.events.TierlineEvent;

/**
 * A record of an event topic after parsing: the event, or the reason it is a dead letter (with where it came
 * from). Passed between processors of one sub-topology only, never serialised.
 */
record ParsedEvent(TierlineEvent event, String raw, String reason, String topic, int partition, long offset) {

    static ParsedEvent of(TierlineEvent event) {
        return new ParsedEvent(event, null, null, null, -1, -1);
    }

    boolean isEvent() {
        return event != null;
    }
}
