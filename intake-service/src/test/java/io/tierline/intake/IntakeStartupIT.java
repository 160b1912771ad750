package io.tierline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.embedded.FreePorts;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packaged intake refuses to start without a gateway key, unless authentication is switched off. */
class IntakeStartupIT {

    @RegisterExtension
    static final ItInfrastructure infra = new ItInfrastructure();

    private static Map<String, String> withoutGateways() {
        var env = infra.env();
        env.keySet().removeIf(name -> name.startsWith("TIERLINE_INTAKE_GATEWAYS_"));
        return env;
    }

    @Test
    void withoutAnyGatewayItRefusesToStart() throws Exception {
        try (IntakeProcess intake = IntakeProcess.start("no-gateway", FreePorts.next(), withoutGateways())) {
            assertTrue(intake.process().waitFor(120, TimeUnit.SECONDS), "it must exit, not serve");
            assertNotEquals(0, intake.process().exitValue());
            assertTrue(intake.log().contains("tierline.intake.auth.enabled=false"), "the log says what to set");
        }
    }

    @Test
    void withAuthenticationSwitchedOffItStartsTakesAnyCallerAndWarns() throws Exception {
        var env = withoutGateways();
        env.put("TIERLINE_INTAKE_AUTH_ENABLED", "false");
        try (IntakeProcess intake = IntakeProcess.start("auth-off", FreePorts.next(), env)) {
            intake.awaitReady(Duration.ofSeconds(120));
            var response = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(intake.uri("/contacts"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(IntakeProcess.smsContact("c-1")))
                    .timeout(Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
            assertTrue(intake.log().contains("WITHOUT an API key"));
            assertFalse(intake.log().contains(IntakeProcess.KEY));
        }
    }
}
