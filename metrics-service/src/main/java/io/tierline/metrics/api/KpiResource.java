package io.tierline.metrics.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;
import io.tierline.events.EventJson;
import io.tierline.metrics.config.MetricsConfig;
import io.tierline.metrics.live.KpiFeed;
import io.tierline.metrics.streams.KpiState;
import io.tierline.metrics.streams.KpiStateUnavailableException;
import io.tierline.metrics.streams.KpiTopology;
import io.tierline.platform.concurrent.Stages;
import io.tierline.platform.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.tierline.events.KpiSnapshot;
import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.tierline.metrics.KpiWindow;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /kpis}: a window of the KPI topology's state; {@code GET /kpis/stream}: every new snapshot, live. */
@Path("/kpis")
@RolesAllowed({Roles.OPS, Roles.SUPERVISOR, Roles.ADMIN})
public class KpiResource {

    static final List<String> BREAKDOWNS = List.of("queue", "channel", "tier", "agent", "category");

    private final KpiQueries queries;
    private final KpiFeed feed;
    private final MetricsConfig config;
    private final Clock clock;

    public KpiResource(KpiQueries queries, KpiFeed feed, MetricsConfig config, Clock clock) {
        this.queries = queries;
        this.feed = feed;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs on the I/O thread: it reads a few entries of the local state stores and asks other instances for the
     * keys they own without waiting (the answer completes when their parts arrive), so dashboards polling it cost
     * no hand-over to a worker thread.
     */
    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The KPIs of one UTC-aligned window (PT1M, PT15M, PT1H or P1D; default PT1H) containing "
            + "`at` (default now), or with `trailing=true` of the trailing PT15M or PT1H ending with the minute of "
            + "`at`, in one dimension (default all)")
    public CompletionStage<KpiResponse> kpis(@QueryParam("kpi") String kpi, @QueryParam("window") String window,
            @QueryParam("dimension") String dimension, @QueryParam("at") String at,
            @QueryParam("trailing") String trailing) {
        KpiQuery query = KpiQuery.parse(kpi, window, dimension, at, trailing, clock.instant(), this::retention);
        Instant start = query.trailing() ? KpiState.trailingStart(query.window(), query.at())
                : KpiState.windowStart(query.window(), query.at());
        return readStateAsync(() -> queries.snapshots(query.kpis(), query.dimension(), query.window(), query.at(),
                query.trailing()).thenApply(found -> KpiResponse.of(query, start, found)));
    }

    @GET
    @Path("/series")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every window of a size (default PT1M) from the one containing `from` (default an hour "
            + "ago) to the current one, of the KPIs asked for (default all) in one dimension (default all); "
            + "windows where nothing was counted are left out")
    public CompletionStage<List<KpiPoint>> series(@QueryParam("kpi") String kpi, @QueryParam("window") String window,
            @QueryParam("dimension") String dimension, @QueryParam("from") String from) {
        Instant now = clock.instant();
        KpiQuery query = KpiQuery.parse(kpi, blank(window) ? KpiWindow.PT1M.name() : window, dimension, "from", from,
                now.minus(Duration.ofHours(1)), now, this::retention);
        List<CompletableFuture<List<KpiSnapshot>>> parts = new ArrayList<>();
        return readStateAsync(() -> {
            query.kpis().forEach(k -> parts.add(queries.series(k, query.dimension(), query.window(), query.at(), now)));
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                    .thenApply(done -> parts.stream().flatMap(p -> p.join().stream()).map(KpiPoint::of).toList());
        });
    }

    @GET
    @Path("/breakdown")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every KPI of every queue, channel, tier, agent or category (`by`) counted in the window (default "
            + "PT15M) containing `at` (default now)")
    public CompletionStage<List<KpiPoint>> breakdown(@QueryParam("by") String by, @QueryParam("window") String window,
            @QueryParam("at") String at) {
        Instant now = clock.instant();
        KpiQuery query = KpiQuery.parse(null, blank(window) ? KpiWindow.PT15M.name() : window, null, at, now,
                this::retention);
        if (blank(by) || !BREAKDOWNS.contains(by.trim())) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("by", "must be one of " + BREAKDOWNS))));
        }
        String prefix = by.trim() + "=";
        return readStateAsync(() -> ("agent".equals(by.trim()) ? queries.agents(query.window(), query.at())
                : queries.all(query.window(), query.at())).thenApply(all -> all.stream()
                .filter(s -> s.dimension().startsWith(prefix)).map(KpiPoint::of).toList()));
    }

    @GET
    @Path("/queues")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every queue with contacts waiting now: depth, oldest queuedAt and the longest wait")
    public CompletionStage<List<QueueView>> queues() {
        Instant now = clock.instant();
        return readStateAsync(() -> queries.queues(now)
                .thenApply(queues -> queues.stream().map(QueueView::of).toList()));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: every new KpiSnapshot (event name KpiSnapshot, id = eventId)")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> snapshots = feed.live().map(s -> sse.newEventBuilder().name(s.typeName())
                .id(s.eventId()).data(EventJson.write(s)).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.sseHeartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("connected").build()),
                Multi.createBy().merging().streams(snapshots, heartbeats));
    }

    private Duration retention(KpiWindow window) {
        return KpiTopology.retention(window, config.streams().grace());
    }

    /** 503 problem+json while the stores cannot be read (starting, rebalancing). */
    static <T> T readState(Supplier<T> read) {
        try {
            return read.get();
        } catch (KpiStateUnavailableException e) {
            throw unavailable(e);
        }
    }

    /**
     * {@link #readState} of an answer that may wait for other instances' parts: it fails with the same 503
     * problem+json when an owner cannot be reached or is rebalancing.
     */
    static <T> CompletionStage<T> readStateAsync(Supplier<CompletionStage<T>> read) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        readState(read).whenComplete((value, error) -> {
            Throwable cause = Stages.cause(error);
            if (cause == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(cause instanceof KpiStateUnavailableException e ? unavailable(e) : cause);
            }
        });
        return answer;
    }

    private static ProblemException unavailable(KpiStateUnavailableException e) {
        return ProblemException.unavailable("The KPI state cannot be read now: " + e.getMessage(), 2);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
