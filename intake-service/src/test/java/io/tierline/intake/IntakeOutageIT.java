package io.tierline.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.tierline.embedded.FreePorts;
import io.tierline.embedded.KafkaProbe;
import io.tierline.events.CloudEventHeaders;
import io.tierline.events.Topics;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker goes away and comes back (a real broker, stopped and restarted on the same ports and log
 * directory inside the test) while the packaged intake runs: a contact posted meanwhile is answered 503
 * problem+json with Retry-After (the HTTP client gives up long before it would hang), is kept stored PENDING, and
 * once the broker is back it is published without anyone's help; the gateway's retry with the same key answers
 * the same contact, and new contacts are taken in again.
 */
class IntakeOutageIT {

    @RegisterExtension
    static final ItInfrastructure infra = new ItInfrastructure();

    @Test
    void aBrokerOutageIsA503ThatKeepsTheContactAndIntakeRecoversByItself() throws Exception {
        Map<String, String> env = infra.eagerRepublisherEnv();
        env.put("TIERLINE_INTAKE_PUBLISH_TIMEOUT", "PT3S");
        HttpClient http = HttpClient.newHttpClient();
        // Far above the publish timeout: a hang fails the test instead of passing slowly.
        Duration clientTimeout = Duration.ofSeconds(30);

        try (IntakeProcess intake = IntakeProcess.start("outage", FreePorts.next(), env)) {
            intake.awaitReady(Duration.ofSeconds(120));
            assertEquals(202, intake.postContact(http, "warm-" + UUID.randomUUID(),
                    IntakeProcess.smsContact("cust-warm"), clientTimeout).statusCode());

            infra.stopBroker();
            String key = "outage-" + UUID.randomUUID();
            String body = IntakeProcess.smsContact("cust-" + UUID.randomUUID());
            HttpResponse<String> refused = intake.postContact(http, key, body, clientTimeout);

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.body().contains("same Idempotency-Key is safe"), refused.body());
            Document stored = contacts().find(Filters.eq("idempotencyKey", key)).first();
            assertEquals("PENDING", stored.getString("publishState"), "kept, to be published later");
            String contactId = stored.getString("_id");
            assertTrue(refused.body().contains("/contacts/" + contactId), "the answer names the kept contact");

            infra.restartBroker();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    "PUBLISHED".equals(contacts().find(Filters.eq("_id", contactId)).first()
                            .getString("publishState")));
            HttpResponse<String> retried = intake.postContact(http, key, body, clientTimeout);
            assertEquals(202, retried.statusCode(), retried.body());
            assertEquals(contactId, IntakeProcess.contactId(retried), "the retry answers the same contact");
            assertEquals(202, intake.postContact(http, "after-" + UUID.randomUUID(),
                    IntakeProcess.smsContact("cust-after"), clientTimeout).statusCode(), "new contacts again");

            try (KafkaProbe probe = new KafkaProbe(infra.bootstrapServers())) {
                var records = probe.awaitKey(Topics.CONTACTS_RECEIVED, contactId, 1, Duration.ofSeconds(30));
                assertFalse(records.isEmpty(), "the contact reached the topic");
                String eventId = stored.getString("eventId");
                records.forEach(r -> assertEquals(eventId, KafkaProbe.header(r, CloudEventHeaders.ID),
                        "any copy carries the one eventId consumers dedupe on"));
            }
        }
    }

    private static com.mongodb.client.MongoCollection<Document> contacts() {
        return infra.contacts();
    }
}
