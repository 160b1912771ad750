package io.tierline.simulator;

import io.tierline.identity.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated agent desktop: registers the agent, holds its SSE subscription to offers and assignments, and
 * works each offer as the agent's group says (miss, decline, or accept, then hold, then resolve or escalate,
 * then after-contact work). Each decision is drawn from a random seeded by (seed, agent, contact), so it does
 * not depend on the order in which offers happen to arrive.
 * <p>
 * As a production desktop behind a load balancer: it talks to its home routing instance and moves to the next
 * one when a call or the stream finds no instance there or an error answer; it repeats a command that was not
 * answered or answered 5xx (routing takes a repeat as the same command); after its stream was lost it signs in
 * again once reconnected (routing signs out an agent whose desktop is gone); and after missing an offer (routing
 * sets it AWAY) the agent comes back AVAILABLE after its accept delay.
 */
final class Desk {

    private final AgentGroup group;
    private final String agentId;
    private final Http http;
    private final Retrying retrying;
    private final List<String> routings;
    private volatile int instance;
    private final Bearer agentAuth;
    private final Bearer adminAuth;
    private final long seed;
    private final ScheduledExecutorService timer;
    private final Tally tally;
    private final Contacts contacts;
    private final Gateway gateway;
    private final Set<String> seenEvents = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;
    /** The stream now open (or being opened); cancelled when the desk closes. */
    private volatile SseLines stream;

    Desk(AgentGroup group, int n, Http http, Retrying retrying, List<String> routings, int home, DevTokens tokens,
            long seed, ScheduledExecutorService timer, Tally tally, Contacts contacts, Gateway gateway) {
        this.group = group;
        this.agentId = group.agentId(n);
        this.agentAuth = Bearer.agent(tokens, agentId);
        this.adminAuth = Bearer.admin(tokens);
        this.http = http;
        this.retrying = retrying;
        this.routings = List.copyOf(routings);
        this.instance = home % this.routings.size();
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
        http.call("PUT", routings.get(instance) + "/agents/" + agentId, body, adminAuth.headers());
    }

    /** Opens the desktop's stream and signs the agent in as AVAILABLE; completes when routing took the sign-in. */
    CompletableFuture<Retrying.Outcome> open() {
        stream();
        return available();
    }

    /** The agent's shift is over: its stream is closed, so routing stops sending to it, and it is not reopened. */
    void close() {
        open = false;
        SseLines current = stream;
        if (current != null) {
            current.cancel();
        }
    }

    private CompletableFuture<Retrying.Outcome> available() {
        return command("PUT", "/status", Map.of("status", "AVAILABLE"));
    }

    /** One stream connection; when it ends (or never opened) the desktop connects again, once, a second later. */
    private void stream() {
        AtomicBoolean ended = new AtomicBoolean();
        Runnable reconnect = () -> {
            if (ended.compareAndSet(false, true) && open) {
                timer.schedule(() -> {
                    stream();
                    available(); // routing signed the agent out if no stream was open for its grace period
                }, 1, TimeUnit.SECONDS);
            }
        };
        SseLines lines = new SseLines(this::onEvent, reconnect);
        stream = lines;
        if (!open) { // closed while this reconnect was scheduled
            lines.cancel();
        }
        http.stream(routings.get(instance) + "/agents/" + agentId + "/assignments", agentAuth.headers(),
                lines).whenComplete((r, error) -> {
                    if (error != null || r.statusCode() != 200) {
                        tally.deskErrors.increment();
                        nextInstance();
                        reconnect.run();
                    }
                });
    }

    private void onEvent(String type, String data) {
        if (!"ContactOffered".equals(type) && !"OfferTimedOut".equals(type)) {
            return;
        }
        JsonNode offer;
        try {
            offer = Http.JSON.readTree(data);
        } catch (Exception e) {
            tally.deskErrors.increment();
            return;
        }
        if (!agentId.equals(offer.path("agentId").asText()) || !seenEvents.add(offer.path("eventId").asText())) {
            return;
        }
        String contactId = offer.path("contactId").asText();
        SplittableRandom r = Randoms.of(seed, agentId, contactId + "#" + offer.path("eventId").asText());
        if ("OfferTimedOut".equals(type)) {
            later(group.acceptDelay().sampleMillis(r), this::available); // back from the missed offer
            return;
        }
        tally.offers.increment();
        contacts.offered(contactId, new Contacts.Reached(System.nanoTime(), sinceMicros(offer.path("occurredAt"))));
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
                contacts.answered(contactId);
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
        if (r.nextDouble() < group.escalateShare()) {
            post("/contacts/" + contactId + "/escalate", Map.of("reason", "needs a specialist",
                    "notes", "tier " + group.tier() + " could not solve it",
                    "diagnostics", Map.of("triedAtTier" + group.tier(), "standard checklist"))).thenAccept(a -> {
                        if (a.ok()) {
                            tally.escalated.increment();
                            contacts.escalated(contactId);
                        }
                    }).whenComplete((ignored, error) -> tally.inHandling.decrementAndGet());
        } else {
            post("/contacts/" + contactId + "/resolve", Map.of("resolutionCode", "solved",
                    "notes", "solved at tier " + group.tier())).thenAccept(a -> {
                        if (a.ok()) {
                            tally.resolved.increment();
                            Contacts.Track track = contacts.resolved(contactId);
                            if (track != null) {
                                gateway.survey(contactId, track);
                            }
                        }
                    }).whenComplete((ignored, error) -> tally.inHandling.decrementAndGet());
        }
        later(wrapUp, () -> post("/wrap-up/complete", null));
    }

    private CompletableFuture<Retrying.Outcome> post(String path, Object body) {
        return command("POST", path, body);
    }

    /** A call on the agent's own resource, repeated while unanswered or 5xx, at whichever instance answers. */
    private CompletableFuture<Retrying.Outcome> command(String method, String path, Object body) {
        String resource = "/agents/" + agentId + path;
        Retrying.Target target = new Retrying.Target() {
            @Override
            public String url() {
                return routings.get(instance) + resource;
            }

            @Override
            public void failed() {
                nextInstance();
            }
        };
        return retrying.send(method, target, body, agentAuth::headers).thenApply(outcome -> {
            if (!outcome.ok()) {
                tally.deskErrors.increment();
            }
            return outcome;
        });
    }

    /** The routing instance this desktop uses failed it: the next one (as a load balancer would). */
    private void nextInstance() {
        instance = (instance + 1) % routings.size();
    }

    /** Micros from the instant given (an event's {@code occurredAt}) until now; -1 without a readable one. */
    static long sinceMicros(JsonNode occurredAt) {
        if (!occurredAt.isTextual()) {
            return -1;
        }
        try {
            return Math.max(0, ChronoUnit.MICROS.between(Instant.parse(occurredAt.asText()), Instant.now()));
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private void later(long millis, Runnable action) {
        timer.schedule(action, millis, TimeUnit.MILLISECONDS);
    }
}
