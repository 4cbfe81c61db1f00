package io.roster.web.rest.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roster.api.common.PageRequest;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.pipeline.Board;
import io.roster.api.pipeline.Pipeline;
import io.roster.api.pipeline.PipelineDraft;
import io.roster.api.pipeline.PipelineMetrics;
import io.roster.api.pipeline.PipelineService;
import io.roster.api.pipeline.Task;
import io.roster.api.pipeline.TaskService;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import io.roster.web.rest.problem.ParameterException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pipelines")
public class PipelineResource {
    static final int DEFAULT_PER_COLUMN = 20;

    @Inject
    PipelineService pipelines;

    @Inject
    TaskService tasks;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Pipeline.class)))
    @Operation(summary = "Define a pipeline", description = "Needs PIPELINE_ADMIN; a taken key → 409")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = PipelineDraft.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/pipelines", body, () -> {
            Pipeline p = pipelines.create(json.read(body, PipelineDraft.class));
            return new StoredResponse(
                    201, "/api/v1/pipelines/" + p.id(), RestSupport.etagHeader(p.version()), json.write(p));
        });
    }

    @GET
    @Operation(summary = "Pipelines visible to the caller, by key")
    public PageJson<Pipeline> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(pipelines.list(RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The pipeline; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Pipeline.class)))
    @Operation(summary = "Get a pipeline by id or key")
    public Response get(@PathParam("id") String id) {
        Pipeline p = pipelines.get(id);
        return RestSupport.okWithEtag(p, p.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed pipeline; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Pipeline.class)))
    @Operation(
            summary = "Change a pipeline (JSON Merge Patch)",
            description = "Needs PIPELINE_ADMIN. stages and automations are replaced as whole arrays. Removing a"
                    + " stage that holds cards → 422 stage-holds-cards unless moveCards names where they go;"
                    + " If-Match with a stale version → 412")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = PipelineBody.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonNode tree = json.tree(body);
        Map<String, String> moveCards = new LinkedHashMap<>();
        if (tree instanceof ObjectNode o) {
            JsonNode moves = o.remove("moveCards");
            if (moves != null && !moves.isNull()) {
                if (!moves.isObject()) {
                    throw new ParameterException("moveCards", "moveCards is an object: removed stage → target stage");
                }
                moves.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        throw new ParameterException("moveCards." + e.getKey(), "the target stage is a string");
                    }
                    moveCards.put(e.getKey(), e.getValue().asText());
                });
            }
        }
        Pipeline p = pipelines.update(
                id, RestSupport.ifMatch(ifMatch), json.mergePatch(json.write(tree), PipelineDraft.class), moveCards);
        return RestSupport.okWithEtag(p, p.version());
    }

    @GET
    @Path("/{id}/board")
    @Operation(
            summary = "The Kanban board of a pipeline",
            description = "Every stage with its card count (in scope) and first perColumn cards by rank (default 20,"
                    + " at most 200); continue a column with its nextCursor at /pipelines/{id}/stages/{stage}/tasks")
    public Board board(
            @PathParam("id") String id,
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("perColumn") String perColumn) {
        Integer n = RestSupport.integer("perColumn", perColumn);
        if (n != null && (n < 1 || n > PageRequest.MAX_LIMIT)) {
            throw new ParameterException("perColumn", "perColumn must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        return tasks.board(id, blankToNull(orgUnitId), n == null ? DEFAULT_PER_COLUMN : n);
    }

    @GET
    @Path("/{id}/stages/{stage}/tasks")
    @Operation(summary = "One board column, by rank", description = "Keyset pages; the cursor comes from the board")
    public PageJson<Task> column(
            @PathParam("id") String id,
            @PathParam("stage") String stage,
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return PageJson.of(tasks.column(id, stage, blankToNull(orgUnitId), RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}/metrics")
    @Operation(
            summary = "Pipeline metrics",
            description = "Cards per stage, median and p90 hours in stage, conversion to the next stage, overdue"
                    + " cards, completed and abandoned per week with reasons; for orgUnitId's subtree (default: the"
                    + " caller's scope) over [from, to) (default: the last 12 weeks)")
    public PipelineMetrics metrics(
            @PathParam("id") String id,
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return pipelines.metrics(
                id, blankToNull(orgUnitId), RestSupport.instant("from", from), RestSupport.instant("to", to));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
