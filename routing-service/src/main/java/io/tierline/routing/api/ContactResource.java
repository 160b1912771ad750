package io.tierline.routing.api;

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

    public ContactResource(Lookup lookup) {
        this.lookup = lookup;
    }

    @GET
    @Path("/{contactId}")
    public ContactView get(@PathParam("contactId") String contactId) {
        return ApiMapping.view(lookup.contact(contactId));
    }
}
