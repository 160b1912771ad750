package io.tierline.platform.messaging;

import io.tierline.events.TierlineEvent;

/**
 * The broker did not acknowledge an event in time. REST callers answer 503 (the client retries with the
 * same idempotency key); consumers let it propagate so the incoming record is redelivered.
 */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(TierlineEvent event, Throwable cause) {
        super("event " + event.typeName() + " " + event.eventId() + " was not acknowledged by the broker", cause);
    }
}
