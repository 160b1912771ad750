package io.tierline.intake.messaging;

import io.tierline.events.ContactEvent;
import io.tierline.events.Topics;
import io.tierline.intake.Contact;
import io.tierline.intake.config.IntakeConfig;
import io.tierline.platform.messaging.EventPublisher;
import io.tierline.platform.messaging.PublishFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes intake's events on {@value Topics#CONTACTS_RECEIVED} (channel {@code contacts-received}). */
@ApplicationScoped
public class ContactEvents {

    static final String SOURCE = "/tierline/intake";

    private final EventPublisher publisher;

    public ContactEvents(@Channel("contacts-received") Emitter<String> emitter, IntakeConfig config) {
        this.publisher = new EventPublisher(emitter, SOURCE, config.publishTimeout());
    }

    /**
     * Publishes the contact's {@code ContactReceived} and returns once the broker acknowledged it.
     *
     * @throws PublishFailedException when it did not in time
     */
    public void publishReceived(Contact contact) {
        publisher.sendAndAwait(ContactReceivedMapper.toEvent(contact));
    }

    /**
     * {@link #publishReceived} without blocking: completes once the broker acknowledged the event, or fails with
     * {@link PublishFailedException} when it did not in time (on the producer's thread: keep what follows short).
     */
    public CompletableFuture<Void> publishReceivedAsync(Contact contact) {
        return publisher.sendWithin(ContactReceivedMapper.toEvent(contact));
    }

    /**
     * Publishes a follow-up event (deflected, abandoned, survey, message added) and returns once the broker
     * acknowledged it.
     *
     * @throws PublishFailedException when it did not in time
     */
    public void publish(ContactEvent event) {
        publisher.sendAndAwait(event);
    }
}
