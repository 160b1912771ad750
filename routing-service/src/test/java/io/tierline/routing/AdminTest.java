package io.tierline.routing;

import static io.tierline.routing.Fixtures.asAdmin;
import static io.tierline.routing.Fixtures.arrive;
import static io.tierline.routing.Fixtures.event;
import static io.tierline.routing.Fixtures.events;
import static io.tierline.routing.Fixtures.language;
import static io.tierline.routing.Fixtures.putAgent;
import static io.tierline.routing.Fixtures.putQueue;
import static io.tierline.routing.Fixtures.status;
import static io.tierline.routing.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.AgentPresenceChanged;
import io.tierline.events.AgentStatus;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.Topics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queue and agent administration, presence events, and waiting contacts picked up by a new queue. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class AdminTest {

    private final String lang = language();

    @Test
    void aQueueIsStoredWithEverySettingAndListed() {
        String queue = unique("l1-full");
        Map<String, Object> body = Map.of("name", "L1 billing chat", "tier", 1, "channels", List.of("CHAT", "SMS"),
                "languages", List.of(lang), "skills", Map.of("billing", 4), "categories", List.of("billing"),
                "sla", Map.of("answerWithinSeconds", 20, "targetPercent", 80.0), "maxWaitSeconds", 300,
                "overflowQueueId", "l1-overflow");
        asAdmin().contentType(ContentType.JSON).body(body).put("/queues/" + queue).then().statusCode(200)
                .body("queueId", equalTo(queue)).body("strategy", equalTo("LONGEST_IDLE"));

        asAdmin().get("/queues/" + queue).then().statusCode(200)
                .body("name", equalTo("L1 billing chat")).body("tier", equalTo(1))
                .body("languages", equalTo(List.of(lang))).body("skills.billing", equalTo(4))
                .body("categories", equalTo(List.of("billing"))).body("sla.answerWithinSeconds", equalTo(20))
                .body("sla.targetPercent", equalTo(80.0f)).body("maxWaitSeconds", equalTo(300))
                .body("overflowQueueId", equalTo("l1-overflow")).body("wrapUpSeconds", nullValue());
        asAdmin().get("/queues").then().statusCode(200).body("queueId", hasItem(queue));
        asAdmin().get("/queues/" + queue + "/stats").then().statusCode(200)
                .body("depth", equalTo(0)).body("longestWaitSeconds", equalTo(0))
                .body("eligibleAgents", equalTo(0)).body("availableAgents", equalTo(0));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        asAdmin().get("/q/health/live").then().statusCode(200);
        asAdmin().get("/q/health/ready").then().statusCode(200);
        asAdmin().get("/q/metrics").then().statusCode(200);
        asAdmin().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/agents/{agentId}/assignments"));
    }

    @Test
    void newAgentsStartOfflineAndStatusChangesArePublishedOnce() {
        String agent = unique("agent");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Alice", "tier", 2, "languages", List.of(lang), "capacity", Map.of("CHAT", 3)))
                .put("/agents/" + agent).then().statusCode(200)
                .body("status", equalTo("OFFLINE")).body("load.CHAT", equalTo(0)).body("tier", equalTo(2));

        status(agent, "AVAILABLE");
        status(agent, "AVAILABLE");
        status(agent, "AWAY");
        List<AgentPresenceChanged> changes = events(Topics.AGENTS_PRESENCE, agent, AgentPresenceChanged.class, 3);
        assertEquals(3, changes.size());
        assertEquals(changes.get(0).eventId(), changes.get(1).eventId(), "the repeat re-publishes the same event");
        assertEquals(AgentStatus.AVAILABLE, changes.get(0).status());
        assertEquals(AgentStatus.OFFLINE, changes.get(0).previousStatus());
        assertEquals(AgentStatus.AWAY, changes.get(2).status());
        assertEquals(AgentStatus.AVAILABLE, changes.get(2).previousStatus());
        asAdmin().get("/agents/" + agent).then().body("status", equalTo("AWAY"));
    }

    @Test
    void aContactWithoutAFittingQueueWaitsUntilOneIsCreated() {
        String contact = unique("c");
        String agent = unique("agent");
        putAgent(agent, 1, lang, Map.of("EMAIL", 2));
        status(agent, "AVAILABLE");
        putQueue(unique("l1-chat-only"), 1, lang, Channel.CHAT);
        arrive(contact, Channel.EMAIL, lang);

        org.awaitility.Awaitility.await().atMost(Fixtures.WAIT).untilAsserted(() -> asAdmin()
                .get("/contacts/" + contact).then().statusCode(200)
                .body("state", equalTo("WAITING")).body("reason", startsWith("no tier-1 queue")));

        String emailQueue = unique("l1-email");
        putQueue(emailQueue, 1, lang, Channel.EMAIL);
        ContactQueued queued = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class);
        assertEquals(emailQueue, queued.queueId());
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());
        asAdmin().get("/queues/" + emailQueue + "/stats").then()
                .body("eligibleAgents", equalTo(1)).body("availableAgents", equalTo(1));
    }

    @Test
    void moreCapacityPullsWaitingWorkAndTheLoadIsKeptAcrossProfileChanges() {
        String queue = unique("l1");
        String agent = unique("agent");
        putQueue(queue, 1, lang, Channel.SOCIAL);
        putAgent(agent, 1, lang, Map.of("SOCIAL", 1));
        status(agent, "AVAILABLE");
        String first = unique("c");
        String second = unique("c");
        arrive(first, Channel.SOCIAL, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, first, ContactOffered.class);
        arrive(second, Channel.SOCIAL, lang);
        event(Topics.CONTACTS_ASSIGNMENTS, second, ContactQueued.class);

        putAgent(agent, 1, lang, Map.of("SOCIAL", 2));
        assertEquals(agent, event(Topics.CONTACTS_ASSIGNMENTS, second, ContactOffered.class).agentId());
        asAdmin().get("/agents/" + agent).then().body("load.SOCIAL", equalTo(2)).body("capacity.SOCIAL", equalTo(2))
                .body("status", equalTo("AVAILABLE"));
    }
}
