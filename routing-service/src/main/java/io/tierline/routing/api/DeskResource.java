package io.tierline.routing.api;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tierline.routing.HandlingCommands;
import io.tierline.routing.HoldAndTransfer;
import io.tierline.routing.OfferCommands;
import io.tierline.routing.WrapUps;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What an agent's desktop does with its work: answer offers, hold, resume, transfer, end handlings, end wrap-up.
 * The agent itself, a supervisor of its team or an admin ({@link AgentGuard}).
 */
@Path("/agents/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class DeskResource {

    private final OfferCommands offers;
    private final HandlingCommands handlings;
    private final WrapUps wrapUps;
    private final HoldAndTransfer holdAndTransfer;
    private final AgentGuard guard;

    public DeskResource(OfferCommands offers, HandlingCommands handlings, WrapUps wrapUps,
            HoldAndTransfer holdAndTransfer, AgentGuard guard) {
        this.guard = guard;
        this.offers = offers;
        this.handlings = handlings;
        this.wrapUps = wrapUps;
        this.holdAndTransfer = holdAndTransfer;
    }

    @POST
    @Path("/offers/{contactId}/accept")
    public ContactView accept(@PathParam("agentId") String agentId, @PathParam("contactId") String contactId) {
        guard.check(agentId);
        return ApiMapping.view(offers.accept(agentId, contactId));
    }

    @POST
    @Path("/offers/{contactId}/decline")
    public ContactView decline(@PathParam("agentId") String agentId, @PathParam("contactId") String contactId) {
        guard.check(agentId);
        return ApiMapping.view(offers.decline(agentId, contactId));
    }

    @POST
    @Path("/contacts/{contactId}/hold")
    public ContactView hold(@PathParam("agentId") String agentId, @PathParam("contactId") String contactId) {
        guard.check(agentId);
        return ApiMapping.view(holdAndTransfer.hold(agentId, contactId));
    }

    @POST
    @Path("/contacts/{contactId}/resume")
    public ContactView resume(@PathParam("agentId") String agentId, @PathParam("contactId") String contactId) {
        guard.check(agentId);
        return ApiMapping.view(holdAndTransfer.resume(agentId, contactId));
    }

    @POST
    @Path("/contacts/{contactId}/transfer")
    public ContactView transfer(@PathParam("agentId") String agentId, @PathParam("contactId") String contactId,
            @Valid @NotNull TransferBody body) {
        guard.check(agentId);
        return ApiMapping.view(holdAndTransfer.transfer(agentId, contactId, body.queueId().trim()));
    }

    @POST
    @Path("/contacts/{contactId}/resolve")
    public ContactView resolve(@PathParam("agentId") String agentId, @PathParam("contactId") String contactId,
            @Valid @NotNull ResolveBody body) {
        guard.check(agentId);
        return ApiMapping.view(handlings.resolve(agentId, contactId, body.resolutionCode().trim(), body.notes()));
    }

    @POST
    @Path("/contacts/{contactId}/escalate")
    public ContactView escalate(@PathParam("agentId") String agentId, @PathParam("contactId") String contactId,
            @Valid @NotNull EscalateBody body) {
        guard.check(agentId);
        BodyChecks.start().textMap("diagnostics", body.diagnostics(), 2000).orFail();
        return ApiMapping.view(handlings.escalate(agentId, contactId, body.reason().trim(), body.notes(),
                body.diagnostics()));
    }

    @POST
    @Path("/wrap-up/complete")
    public WrapUpView completeWrapUp(@PathParam("agentId") String agentId) {
        guard.check(agentId);
        return new WrapUpView(agentId, wrapUps.complete(agentId));
    }
}
