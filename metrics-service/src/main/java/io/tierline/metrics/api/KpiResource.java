package io.tierline.metrics.api;

import io.tierline.metrics.KpiReports;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /kpis}: FCR and AHT over a trailing window ending now, optionally by queue, channel and tier. */
@Path("/kpis")
public class KpiResource {

    private final KpiReports reports;
    private final Clock clock;

    public KpiResource(KpiReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The KPI snapshot over the trailing window (PT1M, PT15M, PT1H or P1D; default PT1H) ending now")
    public KpiResponse kpis(@QueryParam("window") String window, @QueryParam("queueId") String queueId,
            @QueryParam("channel") String channel, @QueryParam("tier") String tier) {
        KpiQuery query = KpiQuery.parse(window, queueId, channel, tier);
        return KpiResponse.from(reports.trailing(query.window(), query.filter(), clock.instant()));
    }
}
