package io.tierline.escalation.api;

import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.store.CaseStore;
import io.tierline.events.EventIds;
import io.tierline.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/** Cases: list, read with the whole history, add notes. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CasesResource {

    private static final Logger LOG = Logger.getLogger(CasesResource.class);

    private final CaseStore store;
    private final Clock clock;

    CasesResource(CaseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Cases matching every given filter, newest first. */
    @GET
    public List<CaseSummaryView> list(@QueryParam("status") String status, @QueryParam("tier") String tier,
            @QueryParam("customerId") String customerId, @QueryParam("limit") String limit) {
        return store.list(CaseQuery.parse(status, tier, customerId, limit)).stream()
                .map(CaseViews::summary).toList();
    }

    /** A case by its id or its number, with its whole history in order. */
    @GET
    @Path("/{caseId}")
    public CaseView get(@PathParam("caseId") String caseId) {
        return CaseViews.view(find(caseId));
    }

    /**
     * Appends a note. With an {@code Idempotency-Key}, a repeat appends nothing and answers the note the
     * first request added.
     */
    @POST
    @Path("/{caseId}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNote(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull NoteRequest body) {
        Case c = find(caseId);
        String noteId = idempotencyKey == null || idempotencyKey.isBlank()
                ? EventIds.random() : EventIds.derive(c.caseId(), "note", idempotencyKey);
        var note = new HistoryEntry.Note(noteId, clock.instant().truncatedTo(ChronoUnit.MILLIS), body.author(),
                body.text());
        if (store.appendNote(c.caseId(), note)) {
            LOG.infof("case %s: note %s added", c.caseNumber(), noteId);
        }
        HistoryEntry stored = store.find(c.caseId()).flatMap(found -> found.entry(noteId)).orElseThrow();
        return Response.status(Response.Status.CREATED).entity(CaseViews.entry(stored)).build();
    }

    private Case find(String caseId) {
        return store.find(caseId).orElseThrow(() -> ProblemException.notFound("case", caseId));
    }
}
