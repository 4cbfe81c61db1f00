package io.roster.web.rest.member;

import io.roster.api.common.Language;
import io.roster.api.member.MemberQuery;
import io.roster.api.member.MemberService;
import io.roster.api.member.MemberSummary;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member search with its criteria in the body, so that no name, phone or e-mail ends up in a URL. */
@Path("/api/v1/member-searches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberSearchResource {
    @Inject
    MemberService members;

    @Inject
    JsonBodies json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search members with criteria in the body", description = "Same results as GET /members")
    public PageJson<MemberSummaryView> search(
            @RequestBody(content = @Content(schema = @Schema(implementation = SearchRequest.class))) String body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        SearchRequest r = json.read(body, SearchRequest.class);
        MemberQuery query = new MemberQuery(
                r.q(),
                r.orgUnitId(),
                r.statuses(),
                r.tags(),
                r.supportLevelMin(),
                r.supportLevelMax(),
                r.consent(),
                r.updatedSince(),
                r.notContactedForDays(),
                r.lastOutcome(),
                r.attendedEventId(),
                Boolean.TRUE.equals(r.includeArchived()),
                MemberResource.sort(r.sort()),
                RestSupport.page(r.limit() == null ? null : r.limit().toString(), r.cursor()));
        Language lang = RestSupport.language(acceptLanguage);
        return PageJson.of(members.search(query), (MemberSummary m) -> MemberSummaryView.of(m, lang));
    }
}
