package io.roster.web.security;

import io.roster.api.error.UnauthenticatedException;
import io.roster.api.security.ApiKeyService;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.web.rest.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every call under {@code /api/} is made by a principal: an API key sent as {@code Authorization: Bearer <key>}.
 * The resolved caller is bound for the request; services enforce its permissions and scope.
 */
public class AuthenticationFilter {
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeyService apiKeys;

    @Inject
    CallerContext callers;

    @ServerRequestFilter
    public jakarta.ws.rs.core.Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Problems.of(new UnauthenticatedException("send an API key as 'Authorization: Bearer <key>'"));
        }
        String secret = header.substring(BEARER.length()).strip();
        Caller caller = apiKeys.authenticate(secret).orElse(null);
        if (caller == null) {
            return Problems.of(new UnauthenticatedException("the API key is unknown or revoked"));
        }
        callers.bind(caller);
        return null;
    }
}
