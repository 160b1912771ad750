package io.tierline.intake.api;

import io.tierline.intake.Contact;
import io.tierline.intake.ContactIntake;
import io.tierline.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** The gateways' entry point: {@code POST /contacts} and {@code GET /contacts/{contactId}}. */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intake")
public class ContactResource {

    private final ContactIntake intake;
    private final ContactRequestValidator validator;

    public ContactResource(ContactIntake intake, ContactRequestValidator validator) {
        this.intake = intake;
        this.validator = validator;
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
}
