package io.roster.web.rest.bot;

import io.roster.api.bot.KnowledgeBaseService;
import io.roster.api.bot.KnowledgeEntry;
import io.roster.api.bot.KnowledgeEntryDraft;
import io.roster.api.bot.KnowledgeMatch;
import io.roster.api.bot.KnowledgeQuery;
import io.roster.api.bot.QuestionStatistics;
import io.roster.api.common.Language;
import io.roster.api.idempotency.StoredResponse;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The knowledge base the Telegram bot answers from (docs/telegram-bot.md#knowledge-base). */
@Path("/api/v1/knowledge-base")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telegram bot")
public class KnowledgeBaseResource {
    @Inject
    KnowledgeBaseService kb;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    /** A question to try against the knowledge base. */
    public record MatchRequest(String text, Language language, String orgUnitId) {}

    @POST
    @Path("/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KnowledgeEntry.class)))
    @Operation(
            summary = "Create a knowledge-base entry",
            description = "KNOWLEDGE_BASE_WRITE; orgUnitId null (organisation-wide) for unrestricted callers only")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = KnowledgeEntryDraft.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/knowledge-base/entries", body, () -> {
            KnowledgeEntry e = kb.create(json.read(body, KnowledgeEntryDraft.class));
            return new StoredResponse(
                    201,
                    "/api/v1/knowledge-base/entries/" + e.id(),
                    RestSupport.etagHeader(e.version()),
                    json.write(e));
        });
    }

    @GET
    @Path("/entries")
    @Operation(summary = "Knowledge-base entries in scope, newest first (organisation-wide ones included)")
    public PageJson<KnowledgeEntry> list(
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return PageJson.of(kb.list(new KnowledgeQuery(orgUnitId, RestSupport.page(limit, cursor))));
    }

    @GET
    @Path("/entries/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The entry; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KnowledgeEntry.class)))
    @Operation(summary = "Get a knowledge-base entry")
    public Response get(@PathParam("id") String id) {
        KnowledgeEntry e = kb.get(id);
        return RestSupport.okWithEtag(e, e.version());
    }

    @PATCH
    @Path("/entries/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed entry; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KnowledgeEntry.class)))
    @Operation(
            summary = "Change a knowledge-base entry (JSON Merge Patch)",
            description = "questions and answers are replaced as a whole; If-Match with a stale version → 412")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = KnowledgeEntryDraft.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        KnowledgeEntry e =
                kb.update(id, RestSupport.ifMatch(ifMatch), json.mergePatch(body, KnowledgeEntryDraft.class));
        return RestSupport.okWithEtag(e, e.version());
    }

    @DELETE
    @Path("/entries/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a knowledge-base entry")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        kb.delete(id, RestSupport.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/matches")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The decision and the best candidates",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KnowledgeMatch.class)))
    @Operation(
            summary = "Try a question against the knowledge base",
            description = "What the bot would answer a member of orgUnitId (null: an unlinked user); nothing is"
                    + " logged. The question travels in the body, never in the URL")
    public KnowledgeMatch match(
            @RequestBody(content = @Content(schema = @Schema(implementation = MatchRequest.class))) String body) {
        MatchRequest r = json.read(body, MatchRequest.class);
        return kb.match(r.text(), r.language(), r.orgUnitId());
    }

    @GET
    @Path("/statistics")
    @Operation(
            summary = "Typical questions: most asked entries and most frequent unanswered questions",
            description = "from and to (ISO-8601, at most 366 days apart), orgUnitId (subtree), limit 1–50 (10)")
    public QuestionStatistics statistics(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("limit") String limit) {
        Instant f = RestSupport.instant("from", from);
        Instant t = RestSupport.instant("to", to);
        Integer l = RestSupport.integer("limit", limit);
        return kb.statistics(f, t, orgUnitId, l == null ? 10 : l);
    }
}
