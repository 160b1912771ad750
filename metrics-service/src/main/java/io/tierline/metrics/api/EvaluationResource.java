package io.tierline.metrics.api;

import io.tierline.events.EventIds;
import io.tierline.metrics.evaluation.Evaluation;
import io.tierline.metrics.evaluation.EvaluationInput;
import io.tierline.metrics.evaluation.Evaluations;
import io.tierline.identity.Roles;
import io.tierline.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Supervisors' QA evaluations: {@code POST /evaluations}, {@code GET /evaluations/{evaluationId}}, for
 * supervisors and admins.
 */
@Path("/evaluations")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    /** The body answered for an evaluation. */
    public record EvaluationView(String evaluationId, String eventId, String contactId, String agentId,
            String queueId, Integer tier, int score, Map<String, Integer> criteria, String evaluator,
            Instant evaluatedAt) {

        static EvaluationView of(Evaluation e) {
            EvaluationInput in = e.input();
            return new EvaluationView(e.evaluationId(), e.eventId(), in.contactId(), in.agentId(), in.queueId(),
                    in.tier(), in.score(), in.criteria(), in.evaluator(), e.evaluatedAt());
        }
    }

    private final Evaluations evaluations;

    public EvaluationResource(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a QA evaluation: 201 once its QualityEvaluated event is acknowledged (503 if not); "
            + "the same evaluationId or Idempotency-Key again answers 200 with the same evaluation, 409 if it differs")
    public Response submit(@RestHeader(EvaluationRequestValidator.IDEMPOTENCY_KEY) String idempotencyKey,
            EvaluationRequest request) {
        EvaluationRequestValidator.validate(idempotencyKey, request);
        String evaluationId = request.evaluationId() != null ? request.evaluationId()
                : "E-" + EventIds.derive("idempotency-key", idempotencyKey);
        var input = new EvaluationInput(request.contactId(), request.agentId(), request.queueId(), request.tier(),
                request.score(), request.criteria(), request.evaluator());
        Evaluations.Outcome outcome = evaluations.submit(evaluationId, input);
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(EvaluationView.of(outcome.evaluation()))
                .header(HttpHeaders.LOCATION, "/evaluations/" + evaluationId)
                .build();
    }

    @GET
    @Path("/{evaluationId}")
    @Operation(summary = "A stored QA evaluation")
    public EvaluationView get(@RestPath String evaluationId) {
        return evaluations.find(evaluationId).map(EvaluationView::of)
                .orElseThrow(() -> ProblemException.notFound("evaluation", evaluationId));
    }
}
