package io.tierline.escalation.api;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tierline.escalation.Case;
import io.tierline.escalation.HistoryEntry;
import io.tierline.escalation.HistoryKind;
import io.tierline.escalation.messaging.EscalationPublisher;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Cases: list, read with the whole history, add notes, engineering's answer. For agents (the specialists who take
 * an escalated contact read its case), supervisors and admins.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class CasesResource {

    private static final Logger LOG = Logger.getLogger(CasesResource.class);

    private final CaseStore store;
    private final Clock clock;
    private final EscalationPublisher publisher;

    CasesResource(CaseStore store, Clock clock, EscalationPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
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

    /**
     * Engineering's answer to the case's hand-off: appends an {@code ENGINEERING_ANSWER} entry and ends the
     * hand-off. 409 if the case has no hand-off awaiting an answer. With an {@code Idempotency-Key} a repeat adds
     * nothing and answers the same entry.
     */
    @POST
    @Path("/{caseId}/engineering-answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull EngineeringAnswerRequest body) {
        Case c = find(caseId);
        String answerId = idempotencyKey == null || idempotencyKey.isBlank()
                ? EventIds.random() : EventIds.derive(c.caseId(), "engineering-answer", idempotencyKey);
        if (c.entry(answerId).isEmpty()) {
            if (c.engineering() == null || !c.engineering().awaitingAnswer()) {
                throw ProblemException.conflict("case " + c.caseNumber() + " has no hand-off to engineering"
                        + " awaiting an answer");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            var entry = new HistoryEntry.Engineering(answerId, HistoryKind.ENGINEERING_ANSWER, now, now,
                    c.engineering().handoffId(), null, null, body.author(), body.text());
            boolean close = resolvedAwaitingEngineering(c).isPresent();
            if (store.answerHandoff(c.caseId(), c.engineering().handoffId(), entry, close)) {
                LOG.infof("case %s: engineering answered hand-off %s%s", c.caseNumber(), c.engineering().handoffId(),
                        close ? "; the case is closed (its contact was resolved meanwhile)" : "");
            }
        }
        Case after = store.find(c.caseId()).orElseThrow();
        HistoryEntry stored = after.entry(answerId).orElseThrow(
                () -> ProblemException.conflict("case " + c.caseNumber() + " was answered by engineering meanwhile"));
        if (!after.isOpen()) {
            resolvedAwaitingEngineering(after).ifPresent(resolved -> publisher.publishResolved(after, resolved));
        }
        return Response.status(Response.Status.CREATED).entity(CaseViews.entry(stored)).build();
    }

    /** The resolve recorded while the case's hand-off awaited engineering's answer, if any. */
    private static java.util.Optional<HistoryEntry.Resolved> resolvedAwaitingEngineering(Case c) {
        if (c.engineering() == null) {
            return java.util.Optional.empty();
        }
        HistoryEntry.Resolved last = null;
        for (HistoryEntry h : c.history()) {
            if (h instanceof HistoryEntry.Resolved r && !r.recordedAt().isBefore(c.engineering().requestedAt())) {
                last = r;
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    private Case find(String caseId) {
        return store.find(caseId).orElseThrow(() -> ProblemException.notFound("case", caseId));
    }
}
