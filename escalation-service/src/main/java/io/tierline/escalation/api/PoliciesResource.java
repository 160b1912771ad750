package io.tierline.escalation.api;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.escalation.policy.InvalidPolicyException;
import io.tierline.escalation.policy.Policies;
import io.tierline.escalation.policy.PolicyDocument;
import io.tierline.escalation.policy.TierPolicy;
import io.tierline.escalation.store.PolicyStore;
import io.tierline.escalation.store.PolicyStore.StoredPolicy;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The tier policy as a document, in JSON or YAML: the version in effect, every stored version and the history of
 * changes (who, when, why), and a new version that takes effect only once it is fully valid (else 400 naming each
 * problem, and the policy in effect stays). Supervisors and admins read it; only admins change it.
 */
@Path("/policies")
@Produces({MediaType.APPLICATION_JSON, PolicyFormat.YAML, PolicyFormat.X_YAML, PolicyFormat.TEXT_YAML})
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class PoliciesResource {

    static final String AUTHOR = "X-Tierline-Author";
    static final String CHANGE_REASON = "X-Tierline-Change-Reason";
    private static final int MAX_AUTHOR = 200;
    private static final int MAX_REASON = 2000;

    private final Policies policies;
    private final ObjectMapper mapper = new ObjectMapper();

    PoliciesResource(Policies policies) {
        this.policies = policies;
    }

    @GET
    public Response current(@Context HttpHeaders headers) {
        return PolicyFormat.answer(view(policies.active()), headers);
    }

    @GET
    @Path("/versions")
    public Response versions(@QueryParam("limit") String limit, @Context HttpHeaders headers) {
        int max = CaseQuery.limit(limit);
        ArrayNode list = mapper.createArrayNode();
        boolean first = true;
        for (PolicyStore.VersionSummary v : policies.versions(max)) {
            ObjectNode item = list.addObject().put("version", v.number())
                    .put("activatedAt", v.activatedAt().toString())
                    .put("author", v.author())
                    .put("changeReason", v.changeReason())
                    .put("description", v.description())
                    .put("rules", v.rules())
                    .put("inEffect", first);
            first = false;
            if (item.get("changeReason").isNull()) {
                item.remove("changeReason");
            }
        }
        return PolicyFormat.answer(list, headers);
    }

    @GET
    @Path("/{version}")
    public Response version(@PathParam("version") String version, @Context HttpHeaders headers) {
        int number;
        try {
            number = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "must be a version number");
        }
        return PolicyFormat.answer(view(policies.version(number)
                .orElseThrow(() -> ProblemException.notFound("policy version", version))), headers);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, PolicyFormat.YAML, PolicyFormat.X_YAML, PolicyFormat.TEXT_YAML})
    public Response replace(String body, @HeaderParam(AUTHOR) String author,
            @HeaderParam(CHANGE_REASON) String reason, @Context HttpHeaders headers) {
        var change = new PolicyStore.Change(header(AUTHOR, author, true, MAX_AUTHOR),
                header(CHANGE_REASON, reason, false, MAX_REASON));
        var document = PolicyFormat.read(body, headers.getMediaType());
        try {
            return PolicyFormat.answer(view(policies.replace(document, change)), headers);
        } catch (InvalidPolicyException e) {
            throw new ProblemException(new Problem("https://tierline.io/problems/invalid-policy", "Invalid policy",
                    400, "The policy has " + e.violations().size() + " problem(s); the policy in effect is unchanged",
                    null, e.violations()));
        }
    }

    private static String header(String name, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(name, "is required: who changes the policy");
            }
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.invalid(name, "must be at most " + max + " characters");
        }
        return value.trim();
    }

    private ObjectNode view(StoredPolicy stored) {
        ObjectNode view = mapper.createObjectNode()
                .put("version", stored.number())
                .put("activatedAt", stored.activatedAt().toString())
                .put("author", stored.author());
        if (stored.changeReason() != null) {
            view.put("changeReason", stored.changeReason());
        }
        view.put("firstTier", TierPolicy.FIRST_TIER).put("topTier", TierPolicy.TOP_TIER);
        view.setAll(PolicyDocument.write(stored.policy(), mapper));
        return view;
    }
}
