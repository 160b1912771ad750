package io.tierline.events;

/**
 * Events on {@link Topics#CONTACTS_ASSIGNMENTS}, written by routing and keyed by contactId: the life of a
 * contact inside routing. {@code agentId} is null where no agent is involved (queued).
 */
public sealed interface AssignmentEvent extends TierlineEvent
        permits ContactQueued, ContactOffered, OfferAccepted, OfferDeclined, OfferTimedOut, ContactHeld,
        ContactResumed, ContactTransferred, ContactWithdrawn, WrapUpEnded {
    String contactId();

    String agentId();

    String queueId();

    int tier();

    Channel channel();

    @Override
    default String key() {
        return contactId();
    }
}
