package io.tierline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated phone, chat, email, SMS and social gateways: posts each arrival to intake with its API key and
 * an idempotency key (retrying a failed post with the same key, as a real gateway must), lets the customer use
 * a self-service suggestion, and abandons when the customer's patience runs out before an agent answers.
 */
final class Gateway {

    private static final int MAX_ATTEMPTS = 3;

    private final Http http;
    private final String intake;
    private final String apiKey;
    private final Scenario scenario;
    private final String run;
    private final ScheduledExecutorService timer;
    private final Tally tally;
    private final Contacts contacts;
    private final Semaphore inFlight;
    private final AtomicInteger reportedRejections = new AtomicInteger();
    private final long warmUpMillis;
    private final Weighted<Integer> csat;

    Gateway(Http http, String intake, String apiKey, Scenario scenario, String run, ScheduledExecutorService timer,
            Tally tally, Contacts contacts, int maxInFlight, long warmUpMillis) {
        this.http = http;
        this.intake = intake;
        this.apiKey = apiKey;
        this.scenario = scenario;
        this.run = run;
        this.timer = timer;
        this.tally = tally;
        this.contacts = contacts;
        this.inFlight = new Semaphore(maxInFlight);
        this.warmUpMillis = warmUpMillis;
        this.csat = new Weighted<>("customers.csat", scenario.customers().csat());
    }

    /**
     * Posts the arrival now; blocks only while {@code maxInFlight} posts are already outstanding. Its latencies
     * count from {@code dueNanos}, when the fixed schedule wanted it sent, not from when it could be: a stalled
     * sender must not hide the wait it causes (coordinated omission).
     */
    void post(Arrival arrival, long dueNanos) throws InterruptedException {
        inFlight.acquire();
        tally.posted.increment();
        Contacts.Track track = new Contacts.Track(arrival, dueNanos);
        attempt(track, ContactBodies.of(arrival, run), 1);
    }

    private void attempt(Contacts.Track track, Map<String, Object> body, int attempt) {
        long started = System.nanoTime();
        Map<String, String> headers = headers();
        headers.put("Idempotency-Key", ContactBodies.ref(track.arrival, run));
        http.send("POST", intake + "/contacts", body, headers).whenComplete((answer, error) -> {
            boolean retry = error != null || answer.status() >= 500;
            if (retry && attempt < MAX_ATTEMPTS) {
                timer.schedule(() -> attempt(track, body, attempt + 1), 500L * attempt, TimeUnit.MILLISECONDS);
                return;
            }
            inFlight.release();
            if (retry) {
                tally.failed.increment();
            } else if (answer.ok()) {
                if (track.arrival.atMillis() >= warmUpMillis) {
                    tally.intake.record((System.nanoTime() - started) / 1000);
                }
                accepted(track, answer.body());
            } else {
                tally.rejected.increment();
                if (reportedRejections.incrementAndGet() <= 3) {
                    System.err.println("intake rejected a contact: " + answer.status() + " " + answer.body());
                }
            }
        });
    }

    private void accepted(Contacts.Track track, JsonNode body) {
        tally.accepted.increment();
        String contactId = body.path("contactId").asText();
        track.startWaiting(tally);
        contacts.bind(contactId, track);
        SplittableRandom customer = Randoms.of(scenario.seed(), "customer", Long.toString(track.arrival.index()));
        JsonNode suggestions = body.path("suggestions");
        if (suggestions.isArray() && suggestions.size() > 0
                && customer.nextDouble() < scenario.customers().deflectShare()) {
            String articleId = suggestions.get(0).path("id").asText(null);
            Map<String, Object> deflect = new HashMap<>();
            deflect.put("articleId", articleId);
            http.send("POST", intake + "/contacts/" + contactId + "/deflect", deflect, headers()).thenAccept(a -> {
                if (a.ok()) {
                    tally.deflected.increment();
                    track.close(tally);
                }
            });
            return;
        }
        timer.schedule(() -> abandonIfWaiting(contactId, track), track.arrival.patienceMillis(), TimeUnit.MILLISECONDS);
    }

    private void abandonIfWaiting(String contactId, Contacts.Track track) {
        if (!track.mayAbandon()) {
            return;
        }
        http.send("POST", intake + "/contacts/" + contactId + "/abandon", null, headers()).thenAccept(a -> {
            if (a.ok()) {
                tally.abandoned.increment();
                track.close(tally);
            }
        });
    }

    /** The customer's survey after a resolution, with the scenario's share and score weights. */
    void survey(String contactId, Contacts.Track track) {
        SplittableRandom customer = Randoms.of(scenario.seed(), "survey", Long.toString(track.arrival.index()));
        if (customer.nextDouble() >= scenario.customers().surveyShare()) {
            return;
        }
        int score = csat.pick(customer);
        http.send("POST", intake + "/contacts/" + contactId + "/survey",
                Map.of("score", score, "comment", "simulated"), headers()).thenAccept(a -> {
                    if (a.ok()) {
                        tally.surveys.increment();
                    }
                });
    }

    private Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        if (apiKey != null) {
            h.put("X-Api-Key", apiKey);
        }
        return h;
    }
}
