package io.tierline.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.embedded.JvmTokens;
import io.tierline.embedded.KafkaProbe;
import io.tierline.events.Channel;
import io.tierline.events.ContactReceived;
import io.tierline.events.ContactResolved;
import io.tierline.events.EventJson;
import io.tierline.events.Topics;
import io.tierline.simulator.AgentGroup;
import io.tierline.simulator.Arrivals;
import io.tierline.simulator.CustomerBehaviour;
import io.tierline.simulator.LogNormal;
import io.tierline.simulator.Scenario;
import io.tierline.simulator.Simulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the four packaged services: simulated gateways and desktops use only the public API,
 * and every contact intake accepted is resolved exactly once, through escalations, as the topics show.
 */
class SimulatorIT {

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.start("simulator", Map.of());
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void simulatedTrafficIsAcceptedOfferedAndResolvedExactlyOnceThroughEscalations() throws Exception {
        Map<String, Object> figures = Simulator.runForFigures(scenario(), system.intake(),
                system.routing(), GatewayKey.KEY, JvmTokens.get(), Duration.ofSeconds(90), Duration.ZERO);
        System.out.println("simulation: " + figures);
        long posted = count(figures, "contacts posted");
        long accepted = count(figures, "accepted by intake (202)");
        assertTrue(posted > 20, "a 40 s run at 60 a minute posts contacts: " + posted);
        assertEquals(posted, accepted, "intake accepted every simulated contact");
        assertEquals(0, count(figures, "rejected by intake (4xx)"));
        assertEquals(0, count(figures, "given up (no 2xx within the retry window)"));
        assertTrue(count(figures, "escalated") > 0, "some contacts were escalated to L2");
        assertEquals(accepted, count(figures, "resolved"), "every contact was resolved in the end (L2 resolves all)");
        assertEquals(0, count(figures, "waiting at the end"));
        @SuppressWarnings("unchecked")
        Map<String, Object> offer = (Map<String, Object>) figures.get("postToOfferMillis");
        assertEquals(accepted, ((Number) offer.get("count")).longValue(), "every contact reached a desktop");

        try (KafkaProbe probe = new KafkaProbe(system.kafka.bootstrapServers())) {
            Duration wait = Duration.ofSeconds(30);
            Set<String> received = new HashSet<>();
            probe.await(Topics.CONTACTS_RECEIVED, r -> r.value().contains("\"type\":\"ContactReceived\""), (int) accepted, wait)
                    .forEach(r -> assertTrue(received.add(EventJson.read(r.value(), ContactReceived.class).contactId()),
                            "one ContactReceived per contact"));
            Map<String, String> resolvedBy = new HashMap<>();
            for (var r : probe.await(Topics.CONTACTS_RESOLVED, r -> true, (int) accepted, wait)) {
                ContactResolved event = EventJson.read(r.value(), ContactResolved.class);
                String earlier = resolvedBy.putIfAbsent(event.contactId(), event.eventId());
                assertTrue(earlier == null || earlier.equals(event.eventId()),
                        "one resolve per contact (a redelivery repeats the same event id): " + event.contactId());
            }
            assertEquals(received, resolvedBy.keySet(), "the contacts received are the contacts resolved");
        }
        long cases = given().auth().oauth2(JvmTokens.get().admin()).queryParam("limit", 500).get(system.escalation() + "/cases")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        assertEquals(count(figures, "escalated"), cases, "one case per escalated contact (each escalated once)");
    }

    private static long count(Map<String, Object> figures, String name) {
        return ((Number) figures.get(name)).longValue();
    }

    /**
     * 60 contacts a minute for 40 s on chat and phone from a million customers (no repeat contacts, so each
     * escalated contact opens its own case); L1 escalates a fifth to L2, which resolves everything.
     */
    private static Scenario scenario() {
        List<Map<String, Object>> queues = List.of(
                queue("l1-chat", 1, List.of("CHAT", "PHONE")),
                queue("l2-general", 2, List.of("CHAT", "PHONE")),
                queue("l3-engineering", 3, List.of("CHAT", "PHONE")));
        Arrivals arrivals = new Arrivals(60, List.of(), 0, 1, Map.of(Channel.CHAT, 2.0, Channel.PHONE, 1.0),
                Map.of("billing", 1.0, "technical", 1.0), Map.of("en", 1.0), 0.1, 0, 1_000_000, List.of());
        CustomerBehaviour customers = new CustomerBehaviour(new LogNormal(3600, 0.1), 0.5, null, 0);
        AgentGroup l1 = group("sim-l1", 6, 1, 0.2);
        AgentGroup l2 = group("sim-l2", 3, 2, 0.0);
        return new Scenario("system-test", "a short run", 42, Duration.ofSeconds(40), arrivals, customers, queues,
                List.of(l1, l2));
    }

    private static AgentGroup group(String prefix, int count, int tier, double escalate) {
        return new AgentGroup(prefix, count, tier, List.of("en"), Map.of(), Map.of(Channel.CHAT, 3, Channel.PHONE, 1),
                new LogNormal(0.3, 0.3), 0, 0, new LogNormal(2, 0.3), 0.2, new LogNormal(0.5, 0.2),
                new LogNormal(0.5, 0.2), escalate);
    }

    private static Map<String, Object> queue(String id, int tier, List<String> channels) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("name", id);
        q.put("tier", tier);
        q.put("channels", channels);
        q.put("languages", List.of("en"));
        return q;
    }
}
