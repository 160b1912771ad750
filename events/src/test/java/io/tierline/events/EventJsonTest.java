package io.tierline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant T = Instant.parse("2026-11-23T10:15:30Z");

    private static ContactReceived received() {
        return new ContactReceived("e-1", "C-1", T, Channel.CHAT,
                new Customer("cust-1", "Ada Lovelace", "ada@example.com", "+441234", Segment.VIP),
                "en-GB", "Card declined", "My card is declined", "billing", Priority.HIGH, null, "gw-9",
                Map.of("brand", "acme"), null, null, new ChatDetails("s-1", "hi"), null, null);
    }

    @Test
    void roundTripsAnEventWithItsTypeNameAndIsoInstants() {
        String json = EventJson.write(received());
        assertTrue(json.contains("\"type\":\"ContactReceived\""), json);
        assertTrue(json.contains("\"occurredAt\":\"2026-11-23T10:15:30Z\""), json);
        assertEquals(received(), EventJson.read(json, ContactReceived.class));
        assertEquals(received(), EventJson.read(json, ContactEvent.class));
    }

    @Test
    void readsEachAssignmentSubtypeThroughItsTopicInterface() {
        AssignmentEvent wrapUp = new WrapUpEnded("e-2", "C-1", T, "a-1", "q-1", 1, Channel.PHONE,
                HandlingOutcome.RESOLVED, T.minusSeconds(300), T.minusSeconds(60), 200_000, 40_000, 60_000);
        AssignmentEvent read = EventJson.read(EventJson.write(wrapUp), AssignmentEvent.class);
        assertEquals(wrapUp, read);
        assertEquals(300_000, ((WrapUpEnded) read).handleMillis());
    }

    @Test
    void ceTypeAndKeyFollowTheContract() {
        assertEquals("io.tierline.ContactReceived", received().ceType());
        assertEquals("C-1", received().key());
        var presence = new AgentPresenceChanged("e-3", "agent-7", T, AgentStatus.AVAILABLE, AgentStatus.OFFLINE, null);
        assertEquals("agent-7", presence.key());
        var kpi = new KpiSnapshot("e-4", T, "fcr", "P1D", T, T, "all", "ratio", 0.5, 1L, 2L, null, null, null, null);
        assertEquals("fcr|all|P1D", kpi.key());
    }

    @Test
    void personalDataStaysOutOfTheCustomersToString() {
        String text = received().customer().toString();
        assertTrue(text.contains("cust-1"));
        assertTrue(!text.contains("Ada") && !text.contains("ada@") && !text.contains("+441234"), text);
    }

    @Test
    void rejectsWhatIsNotTheExpectedEvent() {
        assertThrows(MalformedEventException.class, () -> EventJson.read("not json", ContactReceived.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read("", ContactReceived.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read("{\"type\":\"Nope\"}", ContactReceived.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read("{\"contactId\":\"C-1\"}", ContactReceived.class));
        String resolvedJson = EventJson.write(new ContactResolved("e-5", "C-1", T, "a", "q", 1, Channel.EMAIL,
                "cust", "general", null, "FIXED", null, 0, 0, null, T, T, 1, 0));
        assertThrows(MalformedEventException.class, () -> EventJson.read(resolvedJson, ContactReceived.class));
        String noId = EventJson.write(received()).replace("\"eventId\":\"e-1\",", "");
        assertThrows(MalformedEventException.class, () -> EventJson.read(noId, ContactReceived.class));
    }

    @Test
    void derivedIdsAreStableAndDistinct() {
        assertEquals(EventIds.derive("e-1", "offered", 1), EventIds.derive("e-1", "offered", 1));
        assertTrue(!EventIds.derive("e-1", "offered", 1).equals(EventIds.derive("e-1", "offered", 2)));
    }

    @Test
    void firstContactResolutionMeansTierOneWithoutEscalationOrTransfer() {
        assertTrue(resolved(1, 0, 0).firstContactResolution());
        assertTrue(!resolved(2, 1, 0).firstContactResolution());
        assertTrue(!resolved(1, 0, 1).firstContactResolution());
    }

    private static ContactResolved resolved(int tier, int escalations, int transfers) {
        return new ContactResolved("e", "C", T, "a", "q", tier, Channel.CHAT, "cust", "general", null, "OK",
                null, escalations, transfers, null, T, T, 0, 0);
    }
}
