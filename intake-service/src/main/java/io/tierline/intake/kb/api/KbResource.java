package io.tierline.intake.kb.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.PermitAll;
import io.tierline.identity.Roles;
import io.tierline.intake.kb.KbArticle;
import io.tierline.intake.kb.KnowledgeBase;
import io.tierline.intake.kb.store.KbArticleStore;
import io.tierline.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The knowledge base (L0 self-service): articles and their full-text search. Admins edit it; agents,
 * supervisors and admins read every article; the search of published articles is open, as the self-service
 * pages and bots that show them to customers are.
 */
@Path("/kb")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base")
public class KbResource {

    private final KnowledgeBase kb;
    private final KbRequestValidator validator;

    public KbResource(KnowledgeBase kb, KbRequestValidator validator) {
        this.kb = kb;
        this.validator = validator;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/articles/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create (201) or replace (200) an article; searchable at once on this instance")
    public Response put(@RestPath String id, KbArticleRequest request) {
        validator.article(id, request);
        KbArticleStore.Saved saved = kb.put(KbViewMapper.toArticle(id, request));
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(KbViewMapper.toView(saved.article()))
                .header(HttpHeaders.LOCATION, "/kb/articles/" + id)
                .build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/articles/{id}")
    @Operation(summary = "An article, published or not")
    public KbArticleView get(@RestPath String id) {
        validator.id(id);
        return kb.get(id).map(KbViewMapper::toView).orElseThrow(() -> ProblemException.notFound("article", id));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/articles")
    @Operation(summary = "Articles in id order, optionally of one language and one category")
    public List<KbArticleView> list(@RestQuery String language, @RestQuery String category,
            @RestQuery String limit) {
        KbRequestValidator.ListQuery query = validator.list(language, category, limit);
        List<KbArticle> articles = kb.list(query.language(), query.category(), query.limit());
        return articles.stream().map(KbViewMapper::toView).toList();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/articles/{id}")
    @Operation(summary = "Delete an article; it leaves the search at once on this instance")
    public Response delete(@RestPath String id) {
        validator.id(id);
        if (!kb.delete(id)) {
            throw ProblemException.notFound("article", id);
        }
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Path("/search")
    @Operation(summary = "Full-text search of the published articles: ranked hits with score and snippet")
    public KbSearchAnswer search(@RestQuery String q, @RestQuery String language, @RestQuery String category,
            @RestQuery String channel, @RestQuery String limit) {
        return KbViewMapper.toAnswer(kb.search(validator.search(q, language, category, channel, limit)));
    }
}
