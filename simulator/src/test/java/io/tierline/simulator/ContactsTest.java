package io.tierline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import org.junit.jupiter.api.Test;

class ContactsTest {

    private static Contacts.Track track(long index, long atMillis, long postedNanos) {
        return new Contacts.Track(new Arrival(index, atMillis, Channel.CHAT, "billing", "en", "c", false, false, 1000),
                postedNanos);
    }

    private static Contacts.Reached reached(long nanos, long sinceOfferedMicros) {
        return new Contacts.Reached(nanos, sinceOfferedMicros);
    }

    @Test
    void theFirstOfferOfEachContactAfterTheWarmUpIsMeasuredOnceWhicheverAnswerComesFirst() {
        Tally tally = new Tally();
        Contacts contacts = new Contacts(tally, 1_000);
        Contacts.Track early = track(0, 500, 0);
        Contacts.Track late = track(1, 1_500, 1_000_000);
        Contacts.Track raced = track(2, 2_000, 2_000_000);

        contacts.bind("early", early);
        contacts.offered("early", reached(9_000_000, 100));    // inside the warm-up: not measured
        contacts.bind("late", late);
        contacts.offered("late", reached(4_000_000, 1_000));   // 3 ms after its post, 1 ms after routing's offer
        contacts.offered("late", reached(8_000_000, 50));      // a re-offer: not a first offer
        contacts.offered("raced", reached(7_000_000, -1));     // beat intake's answer; its offer time unreadable
        contacts.bind("raced", raced);                         // 5 ms after its post

        assertEquals(2, tally.postToOffer.count());
        // within the latency histogram's precision (3 significant digits)
        assertEquals(3.0, tally.postToOffer.percentileMillis(0.0), 0.003);
        assertEquals(5.0, tally.postToOffer.percentileMillis(1.0), 0.005);
        assertEquals(1, tally.offerToStream.count(), "only the measured first offer whose offer time was read");
        assertEquals(1.0, tally.offerToStream.percentileMillis(0.5), 0.001);
    }

    @Test
    void aContactHandledBeforeIntakesAnswerCameBackIsNotCountedAsWaiting() {
        Tally tally = new Tally();
        Contacts contacts = new Contacts(tally, 0);
        // intake's first answer was lost; routing offered, an agent took and resolved it; the repeat is answered now
        contacts.answered("resolved-first");
        contacts.resolved("resolved-first");
        // escalated at L1 before the answer, not yet taken at L2: waiting again
        contacts.answered("escalated-first");
        contacts.escalated("escalated-first");
        // only taken so far
        contacts.answered("answered-first");

        for (String id : new String[] {"resolved-first", "escalated-first", "answered-first"}) {
            Contacts.Track track = track(id.length(), 0, 0);
            contacts.bind(id, track);
            track.startWaiting(tally);
        }

        assertEquals(1, tally.waiting.get(), "only the escalated contact waits, for L2");
        contacts.answered("escalated-first");
        assertEquals(0, tally.waiting.get());
        Contacts.Track known = contacts.resolved("answered-first");
        assertEquals(false, known.mayAbandon(), "a resolved contact is not abandoned");
    }
}
