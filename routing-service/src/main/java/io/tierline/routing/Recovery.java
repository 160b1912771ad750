package io.tierline.routing;

import io.tierline.routing.config.RoutingConfig;
import io.tierline.routing.store.ContactStore;
import io.tierline.routing.store.RecoveryStore;
import io.tierline.routing.store.RecoveryStore.Reservation;
import io.tierline.routing.store.RecoveryStore.StuckContact;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Finishes what a crash left half done and no redelivery will finish: a contact PENDING (placed by
 * {@code PUT /queues}, declined, transferred) for longer than {@code tierline.routing.recovery-age} is taken over
 * by one instance (a conditional update) and finished with the same events; capacity reserved that long ago for
 * a contact that is not offered to, assigned to or in wrap-up with that agent (a crash between reservation and
 * claim) is given back once, and the agent takes waiting work.
 */
@Singleton
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class);
    private static final int SWEEP_BATCH = 200;

    private final RecoveryStore store;
    private final ContactStore contacts;
    private final Arrivals arrivals;
    private final OfferCommands offers;
    private final HoldAndTransfer transfers;
    private final ContactRouter router;
    private final RoutingClock clock;
    private final Duration age;

    public Recovery(RecoveryStore store, ContactStore contacts, Arrivals arrivals, OfferCommands offers,
            HoldAndTransfer transfers, ContactRouter router, RoutingClock clock, RoutingConfig config) {
        this.store = store;
        this.contacts = contacts;
        this.arrivals = arrivals;
        this.offers = offers;
        this.transfers = transfers;
        this.router = router;
        this.clock = clock;
        this.age = config.recoveryAge();
    }

    /** One pass; how many stuck contacts and orphaned reservations this instance finished. */
    public int sweep() {
        Instant now = clock.now();
        Instant cutoff = now.minus(age);
        int finished = 0;
        for (StuckContact stuck : store.stuckPending(cutoff, SWEEP_BATCH)) {
            if (store.takeOver(stuck, now)) {
                contacts.find(stuck.id()).ifPresent(contact -> finish(contact, stuck.cause()));
                finished++;
            }
        }
        List<Reservation> reservations = store.oldReservations(cutoff, SWEEP_BATCH);
        // every reservation grows old (a contact holds its agent's capacity until its wrap-up ends): their contacts
        // are read in one query, and the claimed ones (nearly all) forgotten in one bulk write
        Map<String, Contact> read = contacts.findAll(reservations.stream().map(Reservation::contactId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Contact::id, c -> c));
        List<Reservation> claimed = new ArrayList<>();
        for (Reservation reservation : reservations) {
            if (claimedBy(Optional.ofNullable(read.get(reservation.contactId())), reservation.agentId())) {
                claimed.add(reservation);
            } else if (store.releaseOrphan(reservation)) {
                LOG.infof("capacity of agent %s reserved for contact %s at %s was never claimed: released",
                        reservation.agentId(), reservation.contactId(), reservation.at());
                router.matchAgent(reservation.agentId());
                finished++;
            } else {
                store.forget(reservation);
            }
        }
        store.forgetAll(claimed);
        return finished;
    }

    private void finish(Contact contact, PendingCause cause) {
        LOG.infof("contact %s stuck PENDING (%s): finishing it", contact.id(), cause);
        switch (cause) {
            case PLACED -> arrivals.announce(contact);
            case DECLINED -> contact.declines().stream().filter(d -> d.seq() == contact.offerSeq()).findFirst()
                    .ifPresent(decline -> offers.finishDecline(contact, decline));
            case TRANSFERRED -> {
                if (contact.lastTransfer() != null && contact.lastTransfer().seq() == contact.offerSeq()) {
                    transfers.finishTransfer(contact, contact.lastTransfer());
                }
            }
        }
    }

    /** Whether the contact holds the agent's capacity by right: offered, assigned, in wrap-up or lapsing there. */
    static boolean claimedBy(Optional<Contact> found, String agentId) {
        if (found.isEmpty()) {
            return false;
        }
        Contact c = found.get();
        boolean handling = (c.state() == ContactState.OFFERED || c.state() == ContactState.ASSIGNED)
                && agentId.equals(c.agentId());
        boolean lapsing = c.lapse() != null && agentId.equals(c.lapse().agentId());
        return handling || lapsing || !c.wrapUpsOf(agentId).isEmpty();
    }
}
