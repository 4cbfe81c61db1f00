package io.roster.web.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers of API responses, and the request id: never cached, never framed, no active content. The headers
 * every response carries (pages and the OpenAPI document too) are set in application.properties
 * ({@code quarkus.http.header.*}), because those responses do not pass through Jakarta REST.
 */
public class SecurityHeadersFilter {
    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle(RequestIds.HEADER, RequestIds.of(request));
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/")) {
            h.putSingle("Cache-Control", "no-store");
            h.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            h.putSingle("X-Frame-Options", "DENY");
        }
        // the scheme as the connection (or a trusted proxy's forwarded headers) says; building the request URI to ask
        // it
        // cost more than the rest of this filter
        if ("https".equalsIgnoreCase(http.scheme())) {
            h.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
