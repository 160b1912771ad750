package io.tierline.simulator;

import io.tierline.identity.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One simulated agent desktop: registers the agent, holds its SSE subscription to offers and assignments, and
 * works each offer as the agent's group says (miss, decline, or accept, then hold, then resolve or escalate,
 * then after-contact work). Each decision is drawn from a random seeded by (seed, agent, contact), so it does
 * not depend on the order in which offers happen to arrive.
 */
final class Desk {

    private final AgentGroup group;
    private final String agentId;
    private final Http http;
    private final String routing;
    private final Bearer agentAuth;
    private final Bearer adminAuth;
    private final long seed;
    private final ScheduledExecutorService timer;
    private final Tally tally;
    private final Contacts contacts;
    private final Gateway gateway;
    private final Set<String> seenOffers = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    Desk(AgentGroup group, int n, Http http, String routing, DevTokens tokens, long seed,
            ScheduledExecutorService timer, Tally tally, Contacts contacts, Gateway gateway) {
        this.group = group;
        this.agentId = group.agentId(n);
        this.agentAuth = Bearer.agent(tokens, agentId);
        this.adminAuth = Bearer.admin(tokens);
        this.http = http;
        this.routing = routing;
        this.seed = seed;
        this.timer = timer;
        this.tally = tally;
        this.contacts = contacts;
        this.gateway = gateway;
    }

    /** Registers the agent in routing (idempotent PUT). */
    void register() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Simulated " + agentId);
        body.put("tier", group.tier());
        body.put("skills", group.skills());
        body.put("languages", group.languages());
        Map<String, Integer> capacity = new LinkedHashMap<>();
        group.capacity().forEach((channel, n) -> capacity.put(channel.name(), n));
        body.put("capacity", capacity);
        http.call("PUT", routing + "/agents/" + agentId, body, adminAuth.headers());
    }

    /** Opens the desktop's stream and signs the agent in as AVAILABLE; completes when routing took the sign-in. */
    java.util.concurrent.CompletableFuture<Http.Answer> open() {
        http.stream(routing + "/agents/" + agentId + "/assignments", agentAuth.headers(), new SseLines(this::onEvent, this::reconnect))
                .thenAccept(r -> {
                    if (r.statusCode() != 200) {
                        tally.deskErrors.increment();
                    }
                });
        return http.send("PUT", routing + "/agents/" + agentId + "/status", Map.of("status", "AVAILABLE"), agentAuth.headers())
                .thenApply(this::countError);
    }

    void close() {
        open = false;
    }

    private void reconnect() {
        if (open) {
            timer.schedule(() -> {
                open();
            }, 1, TimeUnit.SECONDS);
        }
    }

    private void onEvent(String type, String data) {
        if (!"ContactOffered".equals(type)) {
            return;
        }
        JsonNode offer;
        try {
            offer = Http.JSON.readTree(data);
        } catch (Exception e) {
            tally.deskErrors.increment();
            return;
        }
        if (!agentId.equals(offer.path("agentId").asText()) || !seenOffers.add(offer.path("eventId").asText())) {
            return;
        }
        String contactId = offer.path("contactId").asText();
        tally.offers.increment();
        contacts.offered(contactId, System.nanoTime());
        SplittableRandom r = Randoms.of(seed, agentId, contactId + "#" + offer.path("eventId").asText());
        double u = r.nextDouble();
        if (u < group.missShare()) {
            tally.missed.increment();
            return;
        }
        long delay = group.acceptDelay().sampleMillis(r);
        if (u < group.missShare() + group.declineShare()) {
            later(delay, () -> post("/offers/" + contactId + "/decline", null).thenAccept(a -> {
                if (a.ok()) {
                    tally.declined.increment();
                }
            }));
            return;
        }
        later(delay, () -> post("/offers/" + contactId + "/accept", null).thenAccept(a -> {
            if (a.ok()) {
                tally.answered.increment();
                tally.inHandling.incrementAndGet();
                Contacts.Track track = contacts.get(contactId);
                if (track != null) {
                    track.answer(tally);
                }
                handle(contactId, r);
            }
        }));
    }

    private void handle(String contactId, SplittableRandom r) {
        long handle = group.handle().sampleMillis(r);
        if (r.nextDouble() < group.holdShare()) {
            long hold = group.hold().sampleMillis(r);
            later(handle / 2, () -> post("/contacts/" + contactId + "/hold", null).thenAccept(a -> {
                if (a.ok()) {
                    tally.held.increment();
                }
                later(hold, () -> post("/contacts/" + contactId + "/resume", null)
                        .thenAccept(b -> later(handle - handle / 2, () -> finish(contactId, r))));
            }));
        } else {
            later(handle, () -> finish(contactId, r));
        }
    }

    private void finish(String contactId, SplittableRandom r) {
        long wrapUp = group.wrapUp().sampleMillis(r);
        Contacts.Track track = contacts.get(contactId);
        if (r.nextDouble() < group.escalateShare()) {
            post("/contacts/" + contactId + "/escalate", Map.of("reason", "needs a specialist",
                    "notes", "tier " + group.tier() + " could not solve it",
                    "diagnostics", Map.of("triedAtTier" + group.tier(), "standard checklist"))).thenAccept(a -> {
                        if (a.ok()) {
                            tally.escalated.increment();
                            if (track != null) {
                                track.escalate(tally);
                            }
                        }
                    }).whenComplete((ignored, error) -> tally.inHandling.decrementAndGet());
        } else {
            post("/contacts/" + contactId + "/resolve", Map.of("resolutionCode", "solved",
                    "notes", "solved at tier " + group.tier())).thenAccept(a -> {
                        if (a.ok()) {
                            tally.resolved.increment();
                            if (track != null) {
                                track.close(tally);
                                gateway.survey(contactId, track);
                            }
                        }
                    }).whenComplete((ignored, error) -> tally.inHandling.decrementAndGet());
        }
        later(wrapUp, () -> post("/wrap-up/complete", null));
    }

    private java.util.concurrent.CompletableFuture<Http.Answer> post(String path, Object body) {
        return http.send("POST", routing + "/agents/" + agentId + path, body, agentAuth.headers()).thenApply(this::countError);
    }

    private Http.Answer countError(Http.Answer a) {
        if (!a.ok()) {
            tally.deskErrors.increment();
        }
        return a;
    }

    private void later(long millis, Runnable action) {
        timer.schedule(action, millis, TimeUnit.MILLISECONDS);
    }
}
