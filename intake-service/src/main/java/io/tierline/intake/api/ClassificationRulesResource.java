package io.tierline.intake.api;

import jakarta.annotation.security.RolesAllowed;
import io.tierline.identity.Roles;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.intake.classification.ClassificationRules;
import io.tierline.intake.classification.ClassificationRulesSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /classification-rules}: the rules in effect and the last refused document (supervisors, admins). */
@Path("/classification-rules")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classification")
public class ClassificationRulesResource {

    /** The answer: the active version, where it came from, the document, and the last refusal if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RulesView(String version, String source, String sha256, Instant loadedAt,
            ClassificationRules rules, Refusal lastRefused) {
    }

    /** A document that was refused; the message names the rule. */
    public record Refusal(String source, String message, Instant at) {
    }

    private final ClassificationRulesSource source;

    public ClassificationRulesResource(ClassificationRulesSource source) {
        this.source = source;
    }

    @GET
    @Operation(summary = "The classification rules in effect (version, source, document) and the last refused one")
    public RulesView get() {
        ClassificationRulesSource.Active active = source.active();
        ClassificationRulesSource.Rejection rejection = source.lastRejection();
        return new RulesView(active.rules().version(), active.source(), active.sha256(), active.loadedAt(),
                active.rules(), rejection == null ? null
                        : new Refusal(rejection.source(), rejection.message(), rejection.at()));
    }
}
