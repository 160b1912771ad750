package io.tierline.escalation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.escalation.policy.InvalidPolicyException;
import io.tierline.escalation.policy.Policies;
import io.tierline.escalation.policy.PolicyDocument;
import io.tierline.escalation.policy.TierPolicy;
import io.tierline.escalation.store.PolicyStore.StoredPolicy;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The tier policy as a document: the version in effect, every stored version, and a new version that takes
 * effect only once it is fully valid (else 400 naming each problem, and the policy in effect stays).
 */
@Path("/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    private final Policies policies;
    private final ObjectMapper mapper = new ObjectMapper();

    PoliciesResource(Policies policies) {
        this.policies = policies;
    }

    @GET
    public ObjectNode current() {
        return view(policies.active());
    }

    @GET
    @Path("/{version}")
    public ObjectNode version(@PathParam("version") String version) {
        int number;
        try {
            number = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "must be a version number");
        }
        return view(policies.version(number).orElseThrow(() -> ProblemException.notFound("policy version", version)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode replace(JsonNode document) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("body", "is required"))));
        }
        try {
            return view(policies.replace(document));
        } catch (InvalidPolicyException e) {
            throw new ProblemException(new Problem("https://tierline.io/problems/invalid-policy", "Invalid policy",
                    400, "The policy has " + e.violations().size() + " problem(s); the policy in effect is unchanged",
                    null, e.violations()));
        }
    }

    private ObjectNode view(StoredPolicy stored) {
        ObjectNode view = mapper.createObjectNode()
                .put("version", stored.number())
                .put("activatedAt", stored.activatedAt().toString())
                .put("firstTier", TierPolicy.FIRST_TIER)
                .put("topTier", TierPolicy.TOP_TIER);
        view.setAll(PolicyDocument.write(stored.policy(), mapper));
        return view;
    }
}
