package io.tierline.metrics.streams;

import io.tierline.events.ContactReceived;
import io.tierline.events.ContactResolved;
import io.tierline.events.TierlineEvent;
import java.util.List;

/**
 * What the 7-day FCR needs of an event, sent to the resolved contact's partition ({@code kpi-fcr7-contacts}): a
 * resolution (first-contact or not, in which dimensions), or a repeat of the contact. Smaller to write and read
 * than the event itself, which is all the repartition topic carried before.
 */
record RepeatInput(boolean resolution, boolean firstContactResolution, List<String> dimensions) {

    static final RepeatInput REPEAT = new RepeatInput(false, false, List.of());

    RepeatInput {
        dimensions = List.copyOf(dimensions);
    }

    /** The input of an event {@link RepeatProcessor#reads}. */
    static RepeatInput of(TierlineEvent event) {
        if (event instanceof ContactResolved e) {
            return new RepeatInput(true, e.firstContactResolution(),
                    Contributions.dimensions(e.queueId(), e.channel(), e.tier(), e.agentId()));
        }
        if (event instanceof ContactReceived) {
            return REPEAT;
        }
        throw new IllegalArgumentException("the 7-day FCR does not read " + event.typeName());
    }
}
