package io.tierline.intake.api;

import jakarta.annotation.security.PermitAll;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactIntake;
import io.tierline.intake.ContactSubmission;
import io.tierline.intake.ContactOutcomes;
import io.tierline.intake.kb.KbSuggestions;
import io.tierline.intake.ContactRelease;
import io.tierline.intake.auth.CallingGateway;
import io.tierline.intake.auth.GatewayEndpoint;
import io.tierline.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intake")
public class ContactResource {

    private final ContactIntake intake;
    private final ContactOutcomes outcomes;
    private final ContactRequestValidator validator;
    private final BodyValidator bodies;
    private final ObjectMapper json;
    private final KbSuggestions suggestions;
    private final CallingGateway gateway;
    private final ContactRelease release;

    public ContactResource(ContactIntake intake, ContactOutcomes outcomes, ContactRequestValidator validator,
            BodyValidator bodies, ObjectMapper json, CallingGateway gateway, ContactRelease release,
            KbSuggestions suggestions) {
        this.suggestions = suggestions;
        this.json = json;
        this.gateway = gateway;
        this.release = release;
        this.intake = intake;
        this.outcomes = outcomes;
        this.validator = validator;
        this.bodies = bodies;
    }

    @POST
    @GatewayEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take in a contact: answers 202 once its ContactReceived event is acknowledged; "
            + "the same Idempotency-Key again answers the same contact")
    public Uni<Response> receive(@RestHeader(ContactRequestValidator.IDEMPOTENCY_KEY) String idempotencyKey,
            ContactRequest request) {
        validator.validate(idempotencyKey, request);
        gateway.requireChannel(request.channel());
        ContactSubmission submission = ContactRequestMapper.toSubmission(idempotencyKey, request);
        // On the event loop, like the checks above; the intake calls back on the store's and the producer's
        // threads, so the answer (and its knowledge-base search) comes back to this request's event loop. Mutiny
        // hands a failure on as the intake raised it (a CompletionException's cause), so a 503 stays a 503.
        Context requestContext = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> intake.receive(submission, Infrastructure.getDefaultWorkerPool()))
                .emitOn(requestContext == null ? Runnable::run : task -> requestContext.runOnContext(ignored -> task.run()))
                .map(contact -> Response.accepted(ContactViewMapper.toAccepted(contact, suggestions.forContact(contact)))
                        .header(HttpHeaders.LOCATION, "/contacts/" + contact.contactId())
                        .build());
    }

    @GET
    @Path("/{contactId}")
    @GatewayEndpoint
    @Operation(summary = "What intake knows about a contact (a gateway's key for the contact's channel)")
    public ContactView get(@RestPath String contactId) {
        ContactView view = intake.find(contactId)
                .map(ContactViewMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("contact", contactId));
        gateway.requireChannel(view.channel());
        return view;
    }

    @POST
    @Path("/{contactId}/deflect")
    @GatewayEndpoint
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
        requireChannelOf(contactId);
        return ContactViewMapper.toView(outcomes.deflect(contactId, request == null ? null : request.articleId()));
    }

    @POST
    @Path("/{contactId}/abandon")
    @GatewayEndpoint
    @Operation(summary = "The customer left before an agent answered: closes the contact and publishes "
            + "ContactAbandoned; a repeat re-publishes the same event; 409 if it was deflected")
    public ContactView abandon(@RestPath String contactId) {
        requireChannelOf(contactId);
        return ContactViewMapper.toView(outcomes.abandon(contactId));
    }

    @POST
    @Path("/{contactId}/survey")
    @GatewayEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The customer's CSAT (score 1..5, comment): once per contact, published as "
            + "SurveySubmitted; the same score again re-publishes it, another score is a 409")
    public ContactView survey(@RestPath String contactId, SurveyRequest request) {
        bodies.validate(request, true);
        requireChannelOf(contactId);
        return ContactViewMapper.toView(outcomes.survey(contactId, request.score(), request.comment()));
    }

    @POST
    @Path("/{contactId}/queue")
    @GatewayEndpoint
    @Operation(summary = "Ends a contact's self-service hold now: publishes ContactReceived for routing; "
            + "a contact queued already is answered as it is; 409 if it was deflected or abandoned")
    public ContactView queue(@RestPath String contactId) {
        requireChannelOf(contactId);
        return ContactViewMapper.toView(release.queue(contactId));
    }

    /** 404 for an unknown contact, 403 when the calling gateway may not act on its channel. */
    private void requireChannelOf(String contactId) {
        Contact contact = intake.find(contactId).orElseThrow(() -> ProblemException.notFound("contact", contactId));
        gateway.requireChannel(contact.content().channel());
    }
}
