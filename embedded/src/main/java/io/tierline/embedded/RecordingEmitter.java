package io.tierline.embedded;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * An outgoing channel in memory, for the unit test of one class that sends through an {@link Emitter}: it records
 * each message, and acknowledges it at once or leaves the ack or nack to the test. A test of a flow uses the
 * broker instead.
 */
public final class RecordingEmitter implements Emitter<String> {

    private final List<Message<String>> messages = new CopyOnWriteArrayList<>();
    private final boolean ackAtOnce;
    private volatile RuntimeException refusal;

    private RecordingEmitter(boolean ackAtOnce) {
        this.ackAtOnce = ackAtOnce;
    }

    /** The broker acknowledging every message as it is sent. */
    public static RecordingEmitter acking() {
        return new RecordingEmitter(true);
    }

    /** Messages wait for the test to ack or nack them. */
    public static RecordingEmitter holding() {
        return new RecordingEmitter(false);
    }

    /** From now on every send throws this, as an emitter whose buffer is full does. */
    public void refuseWith(RuntimeException refusal) {
        this.refusal = refusal;
    }

    /** The messages sent, in order. */
    public List<Message<String>> messages() {
        return List.copyOf(messages);
    }

    /** The payloads sent, in order. */
    public List<String> payloads() {
        return messages.stream().map(Message::getPayload).toList();
    }

    @Override
    public CompletionStage<Void> send(String payload) {
        throw new UnsupportedOperationException("send a Message: its ack and nack are what a publisher waits for");
    }

    @Override
    public <M extends Message<? extends String>> void send(M message) {
        RuntimeException refused = refusal;
        if (refused != null) {
            throw refused;
        }
        @SuppressWarnings("unchecked")
        Message<String> sent = (Message<String>) message;
        messages.add(sent);
        if (ackAtOnce) {
            sent.ack();
        }
    }

    @Override
    public void complete() {
    }

    @Override
    public void error(Exception e) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean hasRequests() {
        return true;
    }
}
