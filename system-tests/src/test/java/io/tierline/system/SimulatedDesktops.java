package io.tierline.system;

import io.tierline.embedded.JvmTokens;
import io.tierline.events.ContactOffered;
import io.tierline.events.OfferTimedOut;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agent desktops driven by routing's own event log: one consumer reads {@code contacts.assignments} and
 * {@code contacts.resolved} from the start into the {@link AssignmentLedger}; each new ContactOffered is
 * accepted by its agent, handled for a random short time, resolved and wrapped up; an OfferTimedOut makes the
 * agent AVAILABLE again (a missed offer sets it AWAY). Each agent talks to its home instance's REST API and
 * falls back to the other instances when that one does not answer (it was killed).
 */
final class SimulatedDesktops implements AutoCloseable {

    /** Retries (250 ms apart) while no instance answers: long enough for a killed only instance to restart. */
    private static final int ATTEMPTS = 360;

    private final List<String> instances;
    private final Map<String, Integer> homes;
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(24);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong fallbacks = new AtomicLong();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final LedgerFeed feed;

    SimulatedDesktops(List<String> instances, Map<String, Integer> homes, AssignmentLedger ledger,
            String bootstrapServers) {
        this.instances = List.copyOf(instances);
        this.homes = Map.copyOf(homes);
        this.feed = new LedgerFeed(bootstrapServers, ledger, event -> {
            if (event instanceof ContactOffered offered) {
                workers.execute(() -> handle(offered));
            } else if (event instanceof OfferTimedOut timedOut) {
                workers.execute(() -> available(timedOut.agentId()));
            }
        });
    }

    /** How many calls went to another instance than the agent's home one. */
    long fallbacks() {
        return fallbacks.get();
    }

    void available(String agentId) {
        call(agentId, "PUT", "/agents/" + agentId + "/status", "{\"status\":\"AVAILABLE\"}");
    }

    private void handle(ContactOffered offer) {
        String agent = offer.agentId();
        int accepted = call(agent, "POST", "/agents/" + agent + "/offers/" + offer.contactId() + "/accept", "{}");
        if (accepted != 200) {
            return; // expired or withdrawn meanwhile: routing re-offers it
        }
        long handleMillis = ThreadLocalRandom.current().nextLong(100, 600);
        workers.schedule(() -> {
            call(agent, "POST", "/agents/" + agent + "/contacts/" + offer.contactId() + "/resolve",
                    "{\"resolutionCode\":\"DONE\"}");
            call(agent, "POST", "/agents/" + agent + "/wrap-up/complete", "{}");
        }, handleMillis, TimeUnit.MILLISECONDS);
    }

    /** The status code of the first instance that answers, the agent's home first; retried while none does. */
    int call(String agentId, String method, String path, String json) {
        int home = homes.getOrDefault(agentId, 0);
        for (int attempt = 0; attempt < ATTEMPTS && running.get(); attempt++) {
            for (int i = 0; i < instances.size(); i++) {
                String base = instances.get((home + i) % instances.size());
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + tokens.computeIfAbsent(agentId, JvmTokens.get()::agent))
                            .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 503) {
                        if (i > 0) {
                            fallbacks.incrementAndGet();
                        }
                        return status;
                    }
                } catch (IOException unreachable) {
                    // that instance is gone: the next one
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            sleep(250);
        }
        return -1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        feed.close();
    }
}
