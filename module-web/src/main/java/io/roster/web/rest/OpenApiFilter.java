package io.roster.web.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes the generated document say what the server really does: languages are lower-case codes, every operation
 * may answer with problem+json, and API calls need a bearer key. Registered through {@code mp.openapi.filter}.
 */
public class OpenApiFilter implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        Schema language =
                components.getSchemas() == null ? null : components.getSchemas().get("Language");
        if (language != null) {
            language.setEnumeration(List.of("ru", "uk", "en"));
        }
        components.addSchema(
                "FieldError",
                OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.OBJECT))
                        .addProperty("path", string("field path, e.g. phones[1].number"))
                        .addProperty("code", string("stable machine-readable code"))
                        .addProperty("message", string("human-readable explanation")));
        components.addSchema(
                "Problem",
                OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.OBJECT))
                        .description("RFC 9457 problem details")
                        .addProperty("type", string("urn:roster:problem:<code>"))
                        .addProperty("title", string(null))
                        .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                        .addProperty("detail", string(null))
                        .addProperty(
                                "errors",
                                OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.ARRAY))
                                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                        .addProperty(
                                "currentVersion", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                        .addProperty(
                                "candidates",
                                OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.ARRAY))
                                        .items(OASFactory.createSchema()
                                                .ref("#/components/schemas/DuplicateCandidate"))));
        components.addSchema(
                "DuplicateCandidate",
                OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.OBJECT))
                        .addProperty("memberId", string(null))
                        .addProperty("displayName", string(null))
                        .addProperty(
                                "reasons",
                                OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.ARRAY))
                                        .items(string(null)))
                        .addProperty("score", OASFactory.createSchema().type(List.of(Schema.SchemaType.NUMBER))));
        components.addSecurityScheme(
                "apiKey",
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API key (Authorization: Bearer rst_…) or the host CRM's signed staff token"
                                + " (Authorization: Bearer <JWT>)"));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation op : path.getValue().getOperations().values()) {
                SecurityRequirement requirement =
                        OASFactory.createSecurityRequirement().addScheme("apiKey");
                op.setSecurity(List.of(requirement));
                for (String status : List.of("400", "401", "403", "404", "409", "412", "422", "429")) {
                    if (op.getResponses() != null && op.getResponses().getAPIResponse(status) == null) {
                        op.getResponses().addAPIResponse(status, problem());
                    }
                }
            }
        }
    }

    private static APIResponse problem() {
        Content content = OASFactory.createContent()
                .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
        return OASFactory.createAPIResponse().description("Problem details").content(content);
    }

    private static Schema string(String description) {
        Schema s = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return description == null ? s : s.description(description);
    }
}
