package io.tierline.routing;

/**
 * Why a contact became PENDING (placed in a queue, not yet announced), so that the recovery sweep can finish
 * what a crash interrupted with the same events: ContactQueued after a placement (arrival, escalation,
 * {@code PUT /queues}), OfferDeclined after a decline, ContactTransferred and ContactQueued after a transfer.
 * A timed-out offer ({@code lapse}) and an overflow ({@code overflowFrom}) have their own markers and sweeps.
 */
public enum PendingCause {
    PLACED, DECLINED, TRANSFERRED
}
