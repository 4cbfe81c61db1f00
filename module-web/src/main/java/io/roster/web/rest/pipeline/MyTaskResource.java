package io.roster.web.rest.pipeline;

import io.roster.api.pipeline.DueBucket;
import io.roster.api.pipeline.MyTasks;
import io.roster.api.pipeline.Task;
import io.roster.api.pipeline.TaskService;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.problem.ParameterException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/my-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class MyTaskResource {
    @Inject
    TaskService tasks;

    @GET
    @Operation(
            summary = "The caller's open cards: overdue, due today, upcoming",
            description = "Each section is a first page of limit cards (default 50) by due date; continue one with"
                    + " /my-tasks/{section}")
    public MyTasks mine(@QueryParam("limit") String limit) {
        return tasks.myTasks(RestSupport.page(limit, null).limit());
    }

    @GET
    @Path("/{section}")
    @Operation(
            summary = "One section of the caller's open cards",
            description = "section: overdue, today or upcoming (undated cards last); keyset pages by due date")
    public PageJson<Task> section(
            @PathParam("section") String section,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        DueBucket bucket = RestSupport.enumValue("section", DueBucket.class, section);
        if (bucket == null) {
            throw new ParameterException("section", "section is overdue, today or upcoming");
        }
        return PageJson.of(tasks.myTasks(bucket, RestSupport.page(limit, cursor)));
    }
}
