package io.roster.web.rest.member;

import io.roster.api.directory.ContactSyncService;
import io.roster.api.directory.CrmLink;
import io.roster.api.member.Member;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Links between members and the host CRM's contacts, and syncing through them. */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class CrmLinkResource {
    @Inject
    ContactSyncService sync;

    @Inject
    JsonBodies json;

    @GET
    @Path("/{id}/crm-links")
    @Operation(summary = "The member's links to host CRM contacts, one per directory")
    public List<CrmLink> links(@PathParam("id") String id) {
        return sync.links(id);
    }

    @POST
    @Path("/{id}/crm-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Linked (an earlier link to the same directory is replaced)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CrmLink.class)))
    @Operation(
            summary = "Link the member to a host CRM contact",
            description = "409 crm-contact-linked when the contact is linked to another member")
    public Response link(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = CrmLinkRequest.class))) String body) {
        CrmLinkRequest r = json.read(body, CrmLinkRequest.class);
        CrmLink link = sync.link(id, r.directory(), r.crmContactId());
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Location", "/api/v1/members/" + link.memberId() + "/crm-links/" + link.directory())
                .entity(json.write(link))
                .build();
    }

    @DELETE
    @Path("/{id}/crm-links/{directory}")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @Operation(summary = "Remove the member's link to a directory")
    public Response unlink(@PathParam("id") String id, @PathParam("directory") String directory) {
        sync.unlink(id, directory);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/crm-pulls")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The member after applying the CRM contact; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Operation(
            summary = "Pull the linked contact from the host CRM",
            description = "Names the CRM has replace Roster's; phones and e-mails it has are added")
    public Response pull(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = CrmSyncRequest.class))) String body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CrmSyncRequest r =
                body == null || body.isBlank() ? new CrmSyncRequest(null) : json.read(body, CrmSyncRequest.class);
        Member m = sync.pull(id, r.directory());
        return RestSupport.okWithEtag(MemberView.of(m, RestSupport.language(acceptLanguage)), m.version());
    }

    @POST
    @Path("/{id}/crm-pushes")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "Sent to the CRM")
    @Operation(summary = "Push the member's names and contact details to the linked CRM contact")
    public Response push(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = CrmSyncRequest.class))) String body) {
        CrmSyncRequest r =
                body == null || body.isBlank() ? new CrmSyncRequest(null) : json.read(body, CrmSyncRequest.class);
        sync.push(id, r.directory());
        return Response.noContent().build();
    }
}
