package io.roster.web.security;

import io.roster.api.error.UnauthenticatedException;
import io.roster.api.security.ApiKeyService;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.CallerKind;
import io.roster.web.rest.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every call under {@code /api/} is made by a principal, resolved in this order:
 *
 * <ol>
 *   <li>trusted headers from a configured reverse proxy (off by default, {@link TrustedHeaderSignIn});
 *   <li>{@code Authorization: Bearer rst_…}: an integrator's API key;
 *   <li>{@code Authorization: Bearer <JWT>}: the host CRM's signed staff token ({@link StaffSignIn}).
 * </ol>
 *
 * The resolved caller is bound for the request; services enforce its permissions and scope. API keys are rate
 * limited. Each failure is a 401 whose detail names the check that failed, never a claim or a secret.
 */
public class AuthenticationFilter {
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeyService apiKeys;

    @Inject
    StaffSignIn staff;

    @Inject
    TrustedHeaderSignIn trustedHeaders;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    CallerContext callers;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        callers.bindRequestId(RequestIds.of(request));
        String peer = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Caller proxied = trustedHeaders.resolve(peer, request::getHeaderString).orElse(null);
        if (proxied != null) {
            callers.bind(proxied);
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Problems.of(new UnauthenticatedException(
                    "send an API key or a staff token as 'Authorization: Bearer <credential>'"));
        }
        String credential = header.substring(BEARER.length()).strip();
        Caller caller;
        if (StaffTokenVerifier.looksLikeJwt(credential)) {
            try {
                caller = staff.verify(credential);
            } catch (StaffTokenVerifier.RejectedTokenException e) {
                return Problems.of(new UnauthenticatedException(e.getMessage()));
            }
        } else {
            caller = apiKeys.authenticate(credential).orElse(null);
            if (caller == null) {
                return Problems.of(new UnauthenticatedException("the API key is unknown or revoked"));
            }
        }
        if (caller.kind() == CallerKind.API_KEY) {
            OptionalLong wait = rateLimiter.acquire(caller.id());
            if (wait.isPresent()) {
                return Problems.tooManyRequests(wait.getAsLong());
            }
        }
        callers.bind(caller);
        return null;
    }
}
