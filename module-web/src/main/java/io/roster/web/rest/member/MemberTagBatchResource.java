package io.roster.web.rest.member;

import io.roster.api.common.Page;
import io.roster.api.member.MemberBatchService;
import io.roster.api.member.MemberTagBatch;
import io.roster.api.member.TaggedMember;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/member-tag-batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberTagBatchResource {
    @Inject
    MemberBatchService batches;

    @Inject
    JsonBodies json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add and remove tags on up to 1,000 members",
            description = "All or nothing: every bad member or tag is named (memberIds[i], add[i], remove[i]) and"
                    + " nothing changes. Each member's change is recorded as a profile change. Answers each member's"
                    + " tags and version, in request order.")
    public PageJson<TaggedMember> tag(
            @RequestBody(content = @Content(schema = @Schema(implementation = MemberTagBatch.class))) String body) {
        return PageJson.of(new Page<>(batches.tag(json.read(body, MemberTagBatch.class)), null));
    }
}
