package io.tierline.intake.api;

import io.tierline.intake.Contact;
import io.tierline.intake.ContactIntake;
import io.tierline.intake.ContactOutcomes;
import io.tierline.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** The gateways' entry point: {@code POST /contacts}, {@code GET /contacts/{contactId}} and what the customer does next. */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intake")
public class ContactResource {

    private final ContactIntake intake;
    private final ContactOutcomes outcomes;
    private final ContactRequestValidator validator;
    private final BodyValidator bodies;
    private final ObjectMapper json;

    public ContactResource(ContactIntake intake, ContactOutcomes outcomes, ContactRequestValidator validator,
            BodyValidator bodies, ObjectMapper json) {
        this.json = json;
        this.intake = intake;
        this.outcomes = outcomes;
        this.validator = validator;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take in a contact: answers 202 once its ContactReceived event is acknowledged; "
            + "the same Idempotency-Key again answers the same contact")
    public Response receive(@RestHeader(ContactRequestValidator.IDEMPOTENCY_KEY) String idempotencyKey,
            ContactRequest request) {
        validator.validate(idempotencyKey, request);
        Contact contact = intake.receive(ContactRequestMapper.toSubmission(idempotencyKey, request));
        return Response.accepted(ContactViewMapper.toAccepted(contact))
                .header(HttpHeaders.LOCATION, "/contacts/" + contact.contactId())
                .build();
    }

    @GET
    @Path("/{contactId}")
    @Operation(summary = "What intake knows about a contact")
    public ContactView get(@RestPath String contactId) {
        return intake.find(contactId)
                .map(ContactViewMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("contact", contactId));
    }

    @POST
    @Path("/{contactId}/deflect")
    @Operation(summary = "The customer solved it with self-service (L0): closes the contact and publishes "
            + "ContactDeflected; a repeat re-publishes the same event; 409 if it was abandoned")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeflectRequest.class)))
    public ContactView deflect(@RestPath String contactId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String body) throws JsonProcessingException {
        // The body is optional (a deflection needs no article), so it is read here: none, or JSON.
        DeflectRequest request = null;
        if (body != null && !body.isBlank()) {
            if (contentType == null || !MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                throw new NotSupportedException();
            }
            request = json.readValue(body, DeflectRequest.class);
        }
        bodies.validate(request, false);
        return ContactViewMapper.toView(outcomes.deflect(contactId, request == null ? null : request.articleId()));
    }

    @POST
    @Path("/{contactId}/abandon")
    @Operation(summary = "The customer left before an agent answered: closes the contact and publishes "
            + "ContactAbandoned; a repeat re-publishes the same event; 409 if it was deflected")
    public ContactView abandon(@RestPath String contactId) {
        return ContactViewMapper.toView(outcomes.abandon(contactId));
    }

    @POST
    @Path("/{contactId}/survey")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The customer's CSAT (score 1..5, comment): once per contact, published as "
            + "SurveySubmitted; the same score again re-publishes it, another score is a 409")
    public ContactView survey(@RestPath String contactId, SurveyRequest request) {
        bodies.validate(request, true);
        return ContactViewMapper.toView(outcomes.survey(contactId, request.score(), request.comment()));
    }
}
