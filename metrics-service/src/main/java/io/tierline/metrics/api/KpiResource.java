package io.tierline.metrics.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;
import io.tierline.events.EventJson;
import io.tierline.metrics.config.MetricsConfig;
import io.tierline.metrics.live.KpiFeed;
import io.tierline.metrics.streams.KpiState;
import io.tierline.metrics.streams.KpiStateUnavailableException;
import io.tierline.metrics.streams.KpiTopology;
import io.tierline.platform.problem.ProblemException;
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
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /kpis}: a window of the KPI topology's state; {@code GET /kpis/stream}: every new snapshot, live. */
@Path("/kpis")
public class KpiResource {

    static final List<String> BREAKDOWNS = List.of("queue", "channel", "tier", "agent", "category");

    private final KpiState state;
    private final KpiFeed feed;
    private final MetricsConfig config;
    private final Clock clock;

    public KpiResource(KpiState state, KpiFeed feed, MetricsConfig config, Clock clock) {
        this.state = state;
        this.feed = feed;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs on the I/O thread: it reads a few entries of the local state stores (no remote call, nothing that
     * waits), so dashboards polling it cost no hand-over to a worker thread.
     */
    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The KPIs of one UTC-aligned window (PT1M, PT15M, PT1H or P1D; default PT1H) containing "
            + "`at` (default now), in one dimension (default all)")
    public KpiResponse kpis(@QueryParam("kpi") String kpi, @QueryParam("window") String window,
            @QueryParam("dimension") String dimension, @QueryParam("at") String at) {
        KpiQuery query = KpiQuery.parse(kpi, window, dimension, at, clock.instant(), this::retention);
        return readState(() -> KpiResponse.of(query, KpiState.windowStart(query.window(), query.at()),
                state.snapshots(query.kpis(), query.dimension(), query.window(), query.at())));
    }

    @GET
    @Path("/series")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every window of a size (default PT1M) from the one containing `from` (default an hour "
            + "ago) to the current one, of the KPIs asked for (default all) in one dimension (default all); "
            + "windows where nothing was counted are left out")
    public List<KpiPoint> series(@QueryParam("kpi") String kpi, @QueryParam("window") String window,
            @QueryParam("dimension") String dimension, @QueryParam("from") String from) {
        Instant now = clock.instant();
        KpiQuery query = KpiQuery.parse(kpi, blank(window) ? KpiWindow.PT1M.name() : window, dimension, "from", from,
                now.minus(Duration.ofHours(1)), now, this::retention);
        return readState(() -> query.kpis().stream()
                .flatMap(k -> state.series(k, query.dimension(), query.window(), query.at(), now).stream())
                .map(KpiPoint::of).toList());
    }

    @GET
    @Path("/breakdown")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every KPI of every queue, channel, tier, agent or category (`by`) counted in the window (default "
            + "PT15M) containing `at` (default now)")
    public List<KpiPoint> breakdown(@QueryParam("by") String by, @QueryParam("window") String window,
            @QueryParam("at") String at) {
        Instant now = clock.instant();
        KpiQuery query = KpiQuery.parse(null, blank(window) ? KpiWindow.PT15M.name() : window, null, at, now,
                this::retention);
        if (blank(by) || !BREAKDOWNS.contains(by.trim())) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("by", "must be one of " + BREAKDOWNS))));
        }
        String prefix = by.trim() + "=";
        return readState(() -> state.all(query.window(), query.at()).stream()
                .filter(s -> s.dimension().startsWith(prefix)).map(KpiPoint::of).toList());
    }

    @GET
    @Path("/queues")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every queue with contacts waiting now: depth, oldest queuedAt and the longest wait")
    public List<QueueView> queues() {
        Instant now = clock.instant();
        return readState(() -> state.queues(now).stream().map(QueueView::of).toList());
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
    private static <T> T readState(Supplier<T> read) {
        try {
            return read.get();
        } catch (KpiStateUnavailableException e) {
            throw ProblemException.unavailable("The KPI state cannot be read now: " + e.getMessage(), 2);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
