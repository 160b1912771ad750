package io.tierline.routing.api;

import io.tierline.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tierline.routing.Lookup;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Routing's view of a contact: its queue, the reason for it, its state and agent. */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final Lookup lookup;
    private final AgentGuard guard;

    public ContactResource(Lookup lookup, AgentGuard guard) {
        this.lookup = lookup;
        this.guard = guard;
    }

    /** Supervisors, ops and admins read any contact; an agent only one offered to or handled by itself. */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.OPS, Roles.ADMIN})
    @Path("/{contactId}")
    public ContactView get(@PathParam("contactId") String contactId) {
        ContactView contact = ApiMapping.view(lookup.contact(contactId));
        guard.checkContact(contact.agentId());
        return contact;
    }
}
