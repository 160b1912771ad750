package io.tierline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a desktop reads how long ago routing made the offer it just received. */
class OfferTimeTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void theTimeSinceTheOffersOccurredAtIsInMicros() {
        long since = Desk.sinceMicros(JSON.textNode(Instant.now().minusMillis(250).toString()));
        assertTrue(since >= 250_000 && since < 60_000_000, "250 ms ago reads as " + since + " µs");
    }

    @Test
    void anOfferWithoutAReadableTimeIsNotMeasured() {
        assertEquals(-1, Desk.sinceMicros(MissingNode.getInstance()));
        assertEquals(-1, Desk.sinceMicros(JSON.textNode("yesterday")));
        assertEquals(-1, Desk.sinceMicros(JSON.numberNode(12)));
    }
}
