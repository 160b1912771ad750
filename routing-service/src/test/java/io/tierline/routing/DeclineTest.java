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
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Channel;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactQueued;
import io.tierline.events.OfferDeclined;
import io.tierline.events.Topics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A declined offer goes back to its queue, keeping its place, to another agent; the decliner is free again. */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class DeclineTest {

    @Test
    void aDeclinedContactIsOfferedToTheNextAgentAndNeverAgainToTheDecliner() {
        String lang = language();
        String queue = unique("l1");
        String first = unique("first");
        String second = unique("second");
        putQueue(queue, 1, lang, Channel.PHONE);
        putAgent(first, 1, lang, Map.of("PHONE", 1));
        putAgent(second, 1, lang, Map.of("PHONE", 1));
        status(first, "AVAILABLE");
        status(second, "AVAILABLE");
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "AWAY")).put("/agents/" + second + "/status")
                .then().statusCode(200);

        String contact = unique("c");
        arrive(contact, Channel.PHONE, lang);
        ContactQueued queued = event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactQueued.class);
        assertEquals(first, event(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class).agentId());

        asAdmin().contentType(ContentType.JSON).post("/agents/" + first + "/offers/" + contact + "/decline")
                .then().statusCode(200).body("state", equalTo("QUEUED"))
                .body("queuedAt", equalTo(queued.occurredAt().toString()));
        OfferDeclined declined = event(Topics.CONTACTS_ASSIGNMENTS, contact, OfferDeclined.class);
        assertEquals(first, declined.agentId());
        assertEquals(queue, declined.queueId());
        asAdmin().get("/agents/" + first).then().body("load.PHONE", equalTo(0));

        status(second, "AVAILABLE");
        List<ContactOffered> offers = events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class, 2);
        assertEquals(List.of(first, second), offers.stream().map(ContactOffered::agentId).toList());

        asAdmin().contentType(ContentType.JSON).post("/agents/" + second + "/offers/" + contact + "/decline")
                .then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).post("/agents/" + first + "/offers/" + contact + "/decline")
                .then().statusCode(200);
        assertEquals(2, events(Topics.CONTACTS_ASSIGNMENTS, contact, ContactOffered.class, 2).size(),
                "both agents declined: nobody left to offer it to");
        asAdmin().get("/contacts/" + contact).then().body("state", equalTo("QUEUED"));
        asAdmin().get("/queues/" + queue + "/stats").then().body("depth", equalTo(1))
                .body("availableAgents", equalTo(2));
    }
}
