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
 * an idempotency key, repeating the post with the same key while intake does not acknowledge it (no answer, 5xx,
 * 429) for up to the retry window, as a production gateway must; lets the customer use a self-service
 * suggestion, and abandons when the customer's patience runs out before an agent answers. The contacts intake
 * acknowledged are kept by id: what Tierline must account for.
 */
final class Gateway {

    private final Retrying retrying;
    private final String intake;
    private final String apiKey;
    private final Scenario scenario;
    private final String run;
    private final ScheduledExecutorService timer;
    private final Tally tally;
    private final Contacts contacts;
    private final Semaphore inFlight;
    private final AtomicInteger reportedRejections = new AtomicInteger();
    private final AtomicInteger reportedFailures = new AtomicInteger();
    private final long warmUpMillis;
    private final Weighted<Integer> csat;

    Gateway(Retrying retrying, String intake, String apiKey, Scenario scenario, String run,
            ScheduledExecutorService timer, Tally tally, Contacts contacts, int maxInFlight, long warmUpMillis) {
        this.retrying = retrying;
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
     * Posts the arrival now; blocks only while {@code maxInFlight} posts are already outstanding (a post being
     * repeated holds its place). Its post-to-offer latency counts from {@code dueNanos}, when the fixed schedule
     * wanted it sent, not from when it could be: a stalled sender must not hide the wait it causes (coordinated
     * omission). The intake round trip is the acknowledged attempt's.
     */
    void post(Arrival arrival, long dueNanos) throws InterruptedException {
        inFlight.acquire();
        tally.posted.increment();
        Contacts.Track track = new Contacts.Track(arrival, dueNanos);
        Map<String, String> headers = headers();
        headers.put("Idempotency-Key", ContactBodies.ref(arrival, run));
        retrying.send("POST", () -> intake + "/contacts", ContactBodies.of(arrival, run), () -> headers)
                .whenComplete((outcome, unexpected) -> {
                    inFlight.release();
                    if (outcome == null || outcome.answer() == null || outcome.answer().transientFailure()) {
                        tally.failed.increment();
                        if (reportedFailures.incrementAndGet() <= 3) {
                            System.err.println("gave a contact up after " + (outcome == null ? 0 : outcome.attempts())
                                    + " attempts: " + (outcome == null ? unexpected : outcome.answer() == null
                                            ? outcome.error() : outcome.answer().status()));
                        }
                    } else if (outcome.ok()) {
                        if (outcome.attempts() > 1) {
                            tally.repeatedPosts.increment();
                        }
                        if (arrival.atMillis() >= warmUpMillis) {
                            tally.intake.record((System.nanoTime() - outcome.lastSentNanos()) / 1000);
                        }
                        accepted(track, outcome.answer().body());
                    } else {
                        tally.rejected.increment();
                        if (reportedRejections.incrementAndGet() <= 3) {
                            System.err.println("intake rejected a contact: " + outcome.answer().status() + " "
                                    + outcome.answer().body());
                        }
                    }
                });
    }

    private void accepted(Contacts.Track track, JsonNode body) {
        tally.accepted.increment();
        String contactId = body.path("contactId").asText();
        contacts.bind(contactId, track);
        track.startWaiting(tally);
        SplittableRandom customer = Randoms.of(scenario.seed(), "customer", Long.toString(track.arrival.index()));
        JsonNode suggestions = body.path("suggestions");
        if (suggestions.isArray() && suggestions.size() > 0
                && customer.nextDouble() < scenario.customers().deflectShare()) {
            String articleId = suggestions.get(0).path("id").asText(null);
            Map<String, Object> deflect = new HashMap<>();
            deflect.put("articleId", articleId);
            retrying.send("POST", () -> intake + "/contacts/" + contactId + "/deflect", deflect, this::headers).thenAccept(a -> {
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
        retrying.send("POST", () -> intake + "/contacts/" + contactId + "/abandon", null, this::headers).thenAccept(a -> {
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
        retrying.send("POST", () -> intake + "/contacts/" + contactId + "/survey",
                Map.of("score", score, "comment", "simulated"), this::headers).thenAccept(a -> {
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
