package io.roster.web.rest.member;

import io.roster.api.common.Language;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ValidationException;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.interaction.Interaction;
import io.roster.api.interaction.InteractionService;
import io.roster.api.member.AttributeConflictRule;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.Member;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberQuery;
import io.roster.api.member.MemberService;
import io.roster.api.member.MemberSort;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.MemberSummary;
import io.roster.api.member.StatusChange;
import io.roster.api.timeline.EntryKind;
import io.roster.api.timeline.TimelineEntry;
import io.roster.api.timeline.TimelineQuery;
import io.roster.api.timeline.TimelineService;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    MemberService members;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @Inject
    TimelineService timeline;

    @Inject
    InteractionService interactions;

    @GET
    @Path("/{id}/timeline")
    @Operation(
            summary = "A member's timeline, newest first",
            description = "Interactions, attendance, status, home-unit and consent changes; keyset pages")
    public PageJson<TimelineEntry> timeline(
            @PathParam("id") String id,
            @QueryParam("kind") List<String> kinds,
            @QueryParam("type") List<String> types,
            @QueryParam("channel") List<String> channels,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Set<EntryKind> kindSet = EnumSet.noneOf(EntryKind.class);
        for (String k : kinds == null ? List.<String>of() : kinds) {
            kindSet.add(RestSupport.enumValue("kind", EntryKind.class, k));
        }
        return PageJson.of(timeline.page(new TimelineQuery(
                id,
                kindSet,
                types == null ? Set.of() : new LinkedHashSet<>(types),
                channels == null ? Set.of() : new LinkedHashSet<>(channels),
                RestSupport.instant("from", from),
                RestSupport.instant("to", to),
                RestSupport.page(limit, cursor))));
    }

    @GET
    @Path("/{id}/interactions")
    @Operation(summary = "A member's interactions, newest first")
    public PageJson<Interaction> interactions(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(interactions.ofMember(id, RestSupport.page(limit, cursor)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Operation(
            summary = "Create a member",
            description = "409 possible-duplicate with candidates unless allowDuplicates=true")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = MemberDraft.class))) String body,
            @QueryParam("allowDuplicates") String allowDuplicates,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        boolean allow = RestSupport.bool("allowDuplicates", allowDuplicates);
        Language lang = RestSupport.language(acceptLanguage);
        return creates.run(idempotencyKey, "POST", "/api/v1/members?allowDuplicates=" + allow, body, () -> {
            Member m = members.create(json.read(body, MemberDraft.class), allow);
            return new StoredResponse(
                    201,
                    "/api/v1/members/" + m.id(),
                    RestSupport.etagHeader(m.version()),
                    json.write(MemberView.of(m, lang)));
        });
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The member; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Operation(summary = "Get a member", description = "A merged-away id answers with the surviving member")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Member m = members.get(id);
        return ok(m, RestSupport.language(acceptLanguage), !m.id().equals(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed member; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Operation(summary = "Change a member (JSON Merge Patch)", description = "If-Match with a stale version → 412")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = MemberDraft.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Member m = members.update(id, RestSupport.ifMatch(ifMatch), json.mergePatch(body, MemberDraft.class));
        return ok(m, RestSupport.language(acceptLanguage), false);
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The archived member",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Operation(
            summary = "Archive a member",
            description = "Archiving keeps the history; the profile leaves default lists")
    public Response archive(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return ok(members.archive(id, RestSupport.ifMatch(ifMatch)), RestSupport.language(acceptLanguage), false);
    }

    @GET
    @Operation(
            summary = "Search members",
            description = "Fuzzy name search, exact phone / e-mail, filters, keyset pages")
    public PageJson<MemberSummaryView> search(
            @QueryParam("q") String q,
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("status") List<String> statuses,
            @QueryParam("tag") List<String> tags,
            @QueryParam("supportLevelMin") String supportLevelMin,
            @QueryParam("supportLevelMax") String supportLevelMax,
            @QueryParam("consent") String consent,
            @QueryParam("updatedSince") String updatedSince,
            @QueryParam("notContactedForDays") String notContactedForDays,
            @QueryParam("lastOutcome") String lastOutcome,
            @QueryParam("attendedEventId") String attendedEventId,
            @QueryParam("includeArchived") String includeArchived,
            @QueryParam("sort") String sort,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Set<MemberStatus> statusSet = EnumSet.noneOf(MemberStatus.class);
        for (String s : statuses == null ? List.<String>of() : statuses) {
            statusSet.add(RestSupport.enumValue("status", MemberStatus.class, s));
        }
        MemberQuery query = new MemberQuery(
                q,
                orgUnitId,
                statusSet,
                tags == null ? Set.of() : new LinkedHashSet<>(tags),
                RestSupport.integer("supportLevelMin", supportLevelMin),
                RestSupport.integer("supportLevelMax", supportLevelMax),
                RestSupport.enumValue("consent", ContactChannel.class, consent),
                RestSupport.instant("updatedSince", updatedSince),
                RestSupport.integer("notContactedForDays", notContactedForDays),
                RestSupport.enumValue("lastOutcome", io.roster.api.interaction.Outcome.class, lastOutcome),
                attendedEventId == null || attendedEventId.isBlank() ? null : attendedEventId.strip(),
                RestSupport.bool("includeArchived", includeArchived),
                sort(sort),
                RestSupport.page(limit, cursor));
        Language lang = RestSupport.language(acceptLanguage);
        return PageJson.of(members.search(query), (MemberSummary m) -> MemberSummaryView.of(m, lang));
    }

    @GET
    @Path("/{id}/status-changes")
    @Operation(summary = "Status history of a member, newest first")
    public PageJson<StatusChange> statusChanges(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(members.statusHistory(id, RestSupport.page(limit, cursor)));
    }

    @POST
    @Path("/{id}/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The surviving member",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Operation(
            summary = "Merge a duplicate profile into this member",
            description = "The source id resolves to this member afterwards")
    public Response merge(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = MergeRequest.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        MergeRequest request = json.read(body, MergeRequest.class);
        if (request.sourceMemberId() == null) {
            throw ValidationException.of("sourceMemberId", "required", "sourceMemberId is required");
        }
        AttributeConflictRule rule = request.attributeConflictRule() == null
                ? AttributeConflictRule.KEEP_TARGET
                : request.attributeConflictRule();
        Language lang = RestSupport.language(acceptLanguage);
        // A retried merge that already happened answers as the first one did, not with member-not-mergeable.
        return creates.run(idempotencyKey, "POST", "/api/v1/members/" + id + "/merges", body, () -> {
            Member m = members.merge(id, request.sourceMemberId(), rule, RestSupport.ifMatch(ifMatch));
            return new StoredResponse(
                    200, null, RestSupport.etagHeader(m.version()), json.write(MemberView.of(m, lang)));
        });
    }

    static MemberSort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        return switch (sort.strip()) {
            case "name" -> MemberSort.NAME;
            case "-name" -> MemberSort.NAME_DESC;
            case "updatedAt" -> MemberSort.UPDATED_AT;
            case "-updatedAt" -> MemberSort.UPDATED_AT_DESC;
            case "createdAt" -> MemberSort.CREATED_AT;
            case "-createdAt" -> MemberSort.CREATED_AT_DESC;
            case "relevance" -> MemberSort.RELEVANCE;
            default ->
                throw new io.roster.web.rest.problem.ParameterException(
                        "sort", "sort is one of name, -name, updatedAt, -updatedAt, createdAt, -createdAt, relevance");
        };
    }

    private static Response ok(Member m, Language lang, boolean resolvedFromMerge) {
        Response.ResponseBuilder r =
                Response.ok(MemberView.of(m, lang)).header("ETag", RestSupport.etagHeader(m.version()));
        if (resolvedFromMerge) {
            r.header("Content-Location", "/api/v1/members/" + m.id());
        }
        return r.build();
    }

    static PageRequest page(String limit, String cursor) {
        return RestSupport.page(limit, cursor);
    }
}
