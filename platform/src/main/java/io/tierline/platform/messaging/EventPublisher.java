package io.tierline.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.EventJson;
import io.tierline.events.TierlineEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes events to the topic behind one outgoing channel: JSON body, the event's key, CloudEvents
 * headers, and a completion that follows the broker's acknowledgement (acks=all on the channel).
 * A send failure is never swallowed: {@link #send} completes exceptionally and {@link #sendAndAwait}
 * throws {@link PublishFailedException}.
 */
public final class EventPublisher {

    private final Emitter<String> emitter;
    private final String source;
    private final Duration timeout;

    /**
     * @param emitter the channel's emitter
     * @param source  the CloudEvents {@code ce_source}, e.g. {@code /tierline/intake}
     * @param timeout how long {@link #sendAndAwait} waits for the acknowledgement
     */
    public EventPublisher(Emitter<String> emitter, String source, Duration timeout) {
        this.emitter = emitter;
        this.source = source;
        this.timeout = timeout;
    }

    /** Sends the event; the stage completes when the broker acknowledged it. */
    public CompletionStage<Void> send(TierlineEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(EventJson.write(event), Metadata.of(metadata(event)))
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // e.g. the emitter's buffer is full or the channel is cancelled
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Sends the event and blocks until the broker acknowledged it. Never call on an event-loop thread. */
    public void sendAndAwait(TierlineEvent event) {
        try {
            sendWithin(event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(event, e);
        } catch (ExecutionException e) {
            // sendWithin fails with nothing else
            throw (PublishFailedException) e.getCause();
        }
    }

    /**
     * {@link #sendAndAwait} without blocking: the stage completes when the broker acknowledged the event, and
     * fails with {@link PublishFailedException} when it did not within the timeout. Either may happen on the
     * producer's own thread: what depends on it there must be short.
     */
    public CompletableFuture<Void> sendWithin(TierlineEvent event) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        // send's own future: its failure (the nack's, the emitter's, the timeout) arrives unwrapped
        send(event).toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        result.complete(null);
                    } else {
                        result.completeExceptionally(new PublishFailedException(event, failure));
                    }
                });
        return result;
    }

    private OutgoingKafkaRecordMetadata<String> metadata(TierlineEvent event) {
        var headers = new RecordHeaders()
                .add(CloudEventHeaders.ID, bytes(event.eventId()))
                .add(CloudEventHeaders.TYPE, bytes(event.ceType()))
                .add(CloudEventHeaders.SOURCE, bytes(source))
                .add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.key())
                .withHeaders(headers)
                .build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
