package io.tierline.metrics.api;

import io.tierline.metrics.KpiWindow;
import io.tierline.metrics.kpi.QueueWaits;
import io.tierline.metrics.streams.KpiOwners;
import io.tierline.metrics.streams.Kpis;
import io.tierline.metrics.streams.KpiState;
import io.tierline.identity.Roles;
import io.tierline.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Internal, not for clients: this instance's own part of the KPI stores, asked for by the other instances of the
 * service ({@link KpiPeers}) to answer {@code GET /kpis...} for the whole. Hidden from the OpenAPI document.
 * 503 problem+json while this instance's stores cannot be read. The same roles as {@code /kpis}: the instance
 * asking forwards its caller's token.
 */
@Path(KpiLocalResource.PATH)
@RolesAllowed({Roles.OPS, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class KpiLocalResource {

    static final String PATH = "/kpis/local";

    private final KpiQueries queries;
    private final KpiState state;
    private final KpiOwners owners;

    public KpiLocalResource(KpiQueries queries, KpiState state, KpiOwners owners) {
        this.queries = queries;
        this.state = state;
        this.owners = owners;
    }

    @GET
    @Path("/snapshots")
    @Operation(hidden = true)
    public String snapshots(@QueryParam("kpi") List<String> kpis, @QueryParam("dimension") String dimension,
            @QueryParam("window") String window, @QueryParam("at") String at,
            @QueryParam("trailing") String trailing) {
        kpis.forEach(KpiLocalResource::kpi);
        return part(() -> KpiPartJson.write(queries.localSnapshots(kpis, dimension(dimension), window(window),
                instant("at", at), KpiQuery.trailing(trailing)
                        .orElseThrow(() -> ProblemException.invalid("trailing", KpiQuery.TRAILING_VALUES))),
                KpiPartJson.BY_KPI));
    }

    @GET
    @Path("/series")
    @Operation(hidden = true)
    public String series(@QueryParam("kpi") String kpi, @QueryParam("dimension") String dimension,
            @QueryParam("window") String window, @QueryParam("from") String from, @QueryParam("to") String to) {
        return part(() -> KpiPartJson.write(state.series(kpi(kpi), dimension(dimension), window(window),
                instant("from", from), instant("to", to)), KpiPartJson.SNAPSHOTS));
    }

    @GET
    @Path("/all")
    @Operation(hidden = true)
    public String all(@QueryParam("window") String window, @QueryParam("at") String at) {
        return part(() -> KpiPartJson.write(state.all(window(window), instant("at", at)),
                KpiPartJson.SNAPSHOTS));
    }

    @GET
    @Path("/agents")
    @Operation(hidden = true)
    public String agents(@QueryParam("window") String window, @QueryParam("at") String at) {
        return part(() -> KpiPartJson.write(state.agents(window(window), instant("at", at)), KpiPartJson.SNAPSHOTS));
    }

    @GET
    @Path("/waiting")
    @Operation(hidden = true)
    public String waiting() {
        return part(() -> KpiPartJson.write(state.waiting().stream()
                .map(QueueWaits.Waiting::encode).toList(), KpiPartJson.WAITING));
    }

    /** This instance's part, only while the topology runs (in a rebalance the part may be moving). */
    private String part(Supplier<String> read) {
        return KpiResource.readState(() -> {
            owners.requireRunning();
            return read.get();
        });
    }

    private static String kpi(String kpi) {
        if (!Kpis.ALL.contains(kpi)) {
            throw ProblemException.invalid("kpi", "must be one of " + Kpis.ALL);
        }
        return kpi;
    }

    private static String dimension(String dimension) {
        if (dimension == null || dimension.isBlank()) {
            throw ProblemException.invalid("dimension", "must not be blank");
        }
        return dimension;
    }

    private static KpiWindow window(String window) {
        return KpiWindow.named(String.valueOf(window))
                .orElseThrow(() -> ProblemException.invalid("window", "must be one of " + KpiWindow.names()));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant");
        }
    }
}
