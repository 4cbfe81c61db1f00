package com.example.crm;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What the plug-ins observed, for the test to read over HTTP. */
@Path("/example-crm")
@Produces(MediaType.APPLICATION_JSON)
public class ExampleCrmResource {
    @GET
    @Path("/heard")
    public List<String> heard() {
        return List.copyOf(ExampleCrm.HEARD);
    }

    @GET
    @Path("/pushed")
    public List<String> pushed() {
        return List.copyOf(ExampleCrm.PUSHED);
    }
}
