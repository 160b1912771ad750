package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Categories choose the queue; the queue's required skills choose the agents, both ways of matching; the queue's
 * live figures are gauges in /q/metrics.
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class SkillRoutingTest {

    private final String lang = language();

    private static void putSkilledAgent(String agentId, String language, int billing) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Agent " + agentId, "tier", 1, "languages", List.of(language),
                        "skills", Map.of("billing", billing), "capacity", Map.of("CHAT", 1)))
                .put("/agents/" + agentId).then().statusCode(200);
    }

    @Test
    void aBillingContactGoesToTheBillingQueueAndOnlyToAgentsWithTheSkillLevel() {
        String catchAll = unique("a-any");
        String billing = unique("b-billing");
        putQueue(catchAll, 1, lang, Channel.CHAT);
        putQueue(billing, Map.of("name", "billing", "tier", 1, "channels", List.of("CHAT"), "languages",
                List.of(lang), "categories", List.of("billing"), "skills", Map.of("billing", 7)));
        String novice = unique("novice");
        String expert = unique("expert");
        putAgent(novice, 1, lang, Map.of("CHAT", 1));
        putSkilledAgent(expert, lang, 9);
        status(novice, "AVAILABLE");

        String contact = unique("c");
        arrive(contact, Channel.CHAT, lang);
        ContactQueued queued = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class);
        assertEquals(billing, queued.queueId(), queued.reason());
        assertTrue(queued.reason().contains("for category billing"), queued.reason());
        assertTrue(Fixtures.PROBE.await(Topics.CONTACTS_ASSIGNMENTS, r -> contact.equals(r.key())
                && r.value().contains("\"ContactOffered\""), 1, Duration.ofSeconds(2)).isEmpty(),
                "the novice (billing 5) may not take a billing-7 queue's contact");
        asAdmin().get("/queues/" + billing + "/stats").then().body("depth", equalTo(1))
                .body("eligibleAgents", equalTo(1)).body("availableAgents", equalTo(0));
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> {
            String metrics = asAdmin().get("/q/metrics").then().statusCode(200).extract().asString();
            return metrics.contains("tierline_routing_queue_depth{queue=\"" + billing + "\"} 1.0")
                    && metrics.contains("tierline_routing_queue_eligible_agents{queue=\"" + billing + "\"} 1.0")
                    && metrics.contains("tierline_routing_queue_available_agents{queue=\"" + billing + "\"} 0.0")
                    && metrics.contains("tierline_routing_queue_longest_wait_seconds{queue=\"" + billing + "\"}");
        });

        status(expert, "AVAILABLE");
        assertEquals(expert, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());
        asAdmin().get("/agents/" + novice).then().body("load.CHAT", equalTo(0));
    }
}
