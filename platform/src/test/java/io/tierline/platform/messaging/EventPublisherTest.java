package io.tierline.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.embedded.RecordingEmitter;
import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The publisher's non-blocking send against an emitter that records messages and is acked or nacked by the test. */
class EventPublisherTest {

    private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");
    private static final ContactAbandoned EVENT = new ContactAbandoned("e-1", "c-1", AT, "cust-1", Channel.CHAT,
            "billing", AT.minusSeconds(30));

    private final RecordingEmitter emitter = RecordingEmitter.holding();

    @Test
    void completesOnceTheBrokerAcknowledged() throws Exception {
        CompletableFuture<Void> sent = new EventPublisher(emitter, "/tierline/test", Duration.ofSeconds(10))
                .sendWithin(EVENT);

        assertEquals(1, emitter.messages().size());
        assertEquals(EventJson.write(EVENT), emitter.messages().get(0).getPayload());
        assertFalse(sent.isDone(), "not before the acknowledgement");
        emitter.messages().get(0).ack().toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertNull(sent.get(1, TimeUnit.SECONDS));
    }

    @Test
    void aNackFailsItWithPublishFailedCarryingTheBrokersReason() {
        CompletableFuture<Void> sent = new EventPublisher(emitter, "/tierline/test", Duration.ofSeconds(10))
                .sendWithin(EVENT);
        IllegalStateException brokerSaid = new IllegalStateException("NOT_ENOUGH_REPLICAS");

        emitter.messages().get(0).nack(brokerSaid);

        PublishFailedException failed = failure(sent);
        assertSame(brokerSaid, failed.getCause());
        assertTrue(failed.getMessage().contains("e-1"), failed.getMessage());
    }

    @Test
    void noAcknowledgementWithinTheTimeoutFailsItWithPublishFailed() {
        CompletableFuture<Void> sent = new EventPublisher(emitter, "/tierline/test", Duration.ofMillis(50))
                .sendWithin(EVENT);

        PublishFailedException failed = failure(sent);
        assertTrue(failed.getCause() instanceof TimeoutException, String.valueOf(failed.getCause()));
    }

    @Test
    void anEmitterThatRefusesTheMessageFailsItAtOnce() {
        IllegalStateException bufferFull = new IllegalStateException("buffer full");
        emitter.refuseWith(bufferFull);

        CompletableFuture<Void> sent = new EventPublisher(emitter, "/tierline/test", Duration.ofSeconds(10))
                .sendWithin(EVENT);

        assertTrue(sent.isCompletedExceptionally());
        assertSame(bufferFull, failure(sent).getCause());
    }

    private static PublishFailedException failure(CompletableFuture<Void> sent) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> sent.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof PublishFailedException, String.valueOf(e.getCause()));
        return (PublishFailedException) e.getCause();
    }
}
