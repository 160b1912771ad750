package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.PROBE;
import static io.tierline.routing.Fixtures.WAIT;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.command;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.SseClient;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.EventJson;
import io.tierline.events.OfferDeclined;
import io.tierline.events.Topics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A desktop whose streams are all closed longer than the grace period (3 s in the test profile): the agent goes
 * OFFLINE, its pending offers go to other agents, its assigned contacts stay. An open stream keeps it. An agent
 * going AWAY gives back its pending offers the same way.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DesktopTest {

    private final String lang = language();
    private final String queue = unique("l1");

    @Test
    void aLostDesktopTakesTheAgentOfflineAndReroutesItsOffersButNotItsAssignments() throws Exception {
        putQueue(queue, 1, lang, Channel.CHAT);
        String agent = unique("leaver");
        String other = unique("other");
        putAgent(agent, 1, lang, Map.of("CHAT", 2));
        putAgent(other, 1, lang, Map.of("CHAT", 2));
        String assigned = unique("c");
        String offered = unique("c");
        try (SseClient desk = new SseClient(Fixtures.assignmentsUrl(agent), Fixtures.TOKENS.agent(agent))) {
            status(agent, "AVAILABLE");
            arrive(assigned, Channel.CHAT, lang);
            desk.await("ContactOffered", assigned, WAIT);
            command(agent, "/offers/" + assigned + "/accept", Map.of());
            arrive(offered, Channel.CHAT, lang);
            desk.await("ContactOffered", offered, WAIT);
            Thread.sleep(4000);
            asAdmin().get("/agents/" + agent).then().body("status", equalTo("AVAILABLE"));
        }

        List<AgentPresenceChanged> offline = PROBE.await(Topics.AGENTS_PRESENCE, r -> agent.equals(r.key())
                && r.value().contains("\"status\":\"OFFLINE\""), 1, WAIT).stream()
                .map(r -> EventJson.read(r.value(), AgentPresenceChanged.class)).toList();
        assertEquals(1, offline.size(), offline.toString());
        assertEquals(AgentStatus.AVAILABLE, offline.get(0).previousStatus());
        assertEquals("desktop-disconnected", offline.get(0).reason());
        OfferDeclined declined = event(Topics.CONTACTS_ASSIGNMENTS, offered, OfferDeclined.class);
        assertEquals(agent, declined.agentId());
        assertEquals("desktop-disconnected", declined.reason());
        asAdmin().get("/contacts/" + assigned).then().body("state", equalTo("ASSIGNED")).body("agentId", equalTo(agent));
        asAdmin().get("/agents/" + agent).then().body("status", equalTo("OFFLINE")).body("load.CHAT", equalTo(1));

        status(other, "AVAILABLE");
        List<ContactOffered> offers = events(Topics.CONTACTS_ASSIGNMENTS, offered, ContactOffered.class, 2);
        assertEquals(List.of(agent, other), offers.stream().map(ContactOffered::agentId).toList());
    }

    @Test
    void anAgentGoingAwayGivesBackItsPendingOffersAndKeepsItsAssignments() {
        putQueue(queue, 1, lang, Channel.CHAT);
        String agent = unique("goer");
        String other = unique("other");
        putAgent(agent, 1, lang, Map.of("CHAT", 2));
        putAgent(other, 1, lang, Map.of("CHAT", 2));
        status(agent, "AVAILABLE");
        String assigned = unique("c");
        String offered = unique("c");
        arrive(assigned, Channel.CHAT, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, assigned, ContactOffered.class);
        command(agent, "/offers/" + assigned + "/accept", Map.of());
        arrive(offered, Channel.CHAT, lang);
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, offered, ContactOffered.class).agentId());
        status(other, "AVAILABLE");

        status(agent, "AWAY");
        OfferDeclined declined = event(Topics.CONTACTS_ASSIGNMENTS, offered, OfferDeclined.class);
        assertEquals(agent, declined.agentId());
        assertEquals("agent AWAY", declined.reason());
        List<ContactOffered> offers = events(Topics.CONTACTS_ASSIGNMENTS, offered, ContactOffered.class, 2);
        assertEquals(List.of(agent, other), offers.stream().map(ContactOffered::agentId).toList());
        asAdmin().get("/contacts/" + assigned).then().body("state", equalTo("ASSIGNED")).body("agentId", equalTo(agent));
        asAdmin().get("/agents/" + agent).then().body("status", equalTo("AWAY")).body("load.CHAT", equalTo(1));
    }
}
