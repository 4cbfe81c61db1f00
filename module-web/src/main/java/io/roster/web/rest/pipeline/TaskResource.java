package io.roster.web.rest.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.pipeline.Placement;
import io.roster.api.pipeline.StageCategory;
import io.roster.api.pipeline.Task;
import io.roster.api.pipeline.TaskChange;
import io.roster.api.pipeline.TaskComment;
import io.roster.api.pipeline.TaskDraft;
import io.roster.api.pipeline.TaskQuery;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class TaskResource {
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
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Task.class)))
    @Operation(
            summary = "Create a card",
            description = "Needs TASK_WRITE. Enters the pipeline's first stage unless stage is given; the stage's"
                    + " assignee rule applies when assigneeId is absent; the stage's automations run")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = TaskBody.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/tasks", body, () -> {
            JsonNode tree = json.tree(body);
            Placement placement = PlacementFields.take(tree);
            Task t = tasks.create(json.convert(tree, TaskDraft.class), placement);
            return new StoredResponse(
                    201, "/api/v1/tasks/" + t.id(), RestSupport.etagHeader(t.version()), json.write(t));
        });
    }

    @GET
    @Operation(
            summary = "Cards in scope, newest first",
            description = "Filters: pipelineId (id or key), assigneeId, memberId, orgUnitId (subtree), label,"
                    + " dueFrom and dueTo (dates, inclusive), category (OPEN, IN_PROGRESS, DONE, DROPPED)")
    public PageJson<Task> list(
            @QueryParam("pipelineId") String pipelineId,
            @QueryParam("assigneeId") String assigneeId,
            @QueryParam("memberId") String memberId,
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("label") String label,
            @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo,
            @QueryParam("category") String category,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return PageJson.of(tasks.list(new TaskQuery(
                PipelineResource.blankToNull(pipelineId),
                PipelineResource.blankToNull(assigneeId),
                PipelineResource.blankToNull(memberId),
                PipelineResource.blankToNull(orgUnitId),
                PipelineResource.blankToNull(label),
                date("dueFrom", dueFrom),
                date("dueTo", dueTo),
                RestSupport.enumValue("category", StageCategory.class, category),
                RestSupport.page(limit, cursor))));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The card; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Task.class)))
    @Operation(summary = "Get a card")
    public Response get(@PathParam("id") String id) {
        Task t = tasks.get(id);
        return RestSupport.okWithEtag(t, t.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed card; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Task.class)))
    @Operation(
            summary = "Change or move a card (JSON Merge Patch)",
            description = "A new stage is a move; afterId/beforeId place the card in its column. A forbidden"
                    + " transition or missing fields the stage requires → 422 naming each; If-Match with a stale"
                    + " version → 412; the target stage at its WIP limit → 409 wip-limit-reached unless"
                    + " overrideWipLimit (needs TASK_WIP_OVERRIDE)")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = TaskBody.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonNode tree = json.tree(body);
        Placement placement = PlacementFields.take(tree);
        Task t = tasks.update(
                id, RestSupport.ifMatch(ifMatch), json.mergePatch(json.write(tree), TaskDraft.class), placement);
        return RestSupport.okWithEtag(t, t.version());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A card's history of stages, assignees, closing and escalation, oldest first")
    public PageJson<TaskChange> history(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(tasks.history(id, RestSupport.page(limit, cursor)));
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "The comment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskComment.class)))
    @Operation(summary = "Comment on a card", description = "Needs TASK_WRITE")
    public Response comment(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = CommentBody.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        String path = "/api/v1/tasks/" + id + "/comments";
        return creates.run(idempotencyKey, "POST", path, body, () -> {
            CommentBody c = json.read(body, CommentBody.class);
            TaskComment comment = tasks.comment(id, c == null ? null : c.body());
            return new StoredResponse(201, path + "/" + comment.id(), null, json.write(comment));
        });
    }

    @GET
    @Path("/{id}/comments")
    @Operation(summary = "A card's comments, oldest first")
    public PageJson<TaskComment> comments(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(tasks.comments(id, RestSupport.page(limit, cursor)));
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(name, name + " must be a date such as 2024-05-01");
        }
    }

    /**
     * A comment.
     *
     * @param body plain text, at most 10,000 characters
     */
    public record CommentBody(String body) {}
}
