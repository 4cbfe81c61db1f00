package io.roster.web.security;

import io.roster.api.error.UnauthenticatedException;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.CallerKind;
import io.roster.spi.security.PrincipalRequest;
import io.roster.spi.security.PrincipalResolver;
import io.roster.web.rest.bot.TelegramWebhookResource;
import io.roster.web.rest.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every call under {@code /api/} is made by a principal. The installed {@link PrincipalResolver}s are asked in
 * ascending priority until one answers: Roster's own are trusted headers from a configured proxy (100, off by
 * default), API keys {@code Bearer rst_…} (200) and the host CRM's signed staff token {@code Bearer <JWT>} (300); a
 * host may add its own. The resolved caller is bound for the request; services enforce its permissions and scope. API
 * keys are rate limited. Each failure is a 401 whose detail names the check that failed, never a claim or a secret.
 */
public class AuthenticationFilter {
    @Inject
    Instance<PrincipalResolver> resolverBeans;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    CallerContext callers;

    private List<PrincipalResolver> resolvers;

    @PostConstruct
    void order() {
        List<PrincipalResolver> all = new ArrayList<>();
        resolverBeans.forEach(all::add);
        all.sort(Comparator.comparingInt(PrincipalResolver::priority).thenComparing(PrincipalResolver::id));
        resolvers = List.copyOf(all);
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || path.equals(TelegramWebhookResource.PATH)) {
            // Telegram's webhook proves itself with its secret token header (TelegramWebhookResource)
            return null;
        }
        callers.bindRequestId(RequestIds.of(request));
        PrincipalRequest principalRequest = new PrincipalRequest(
                request.getHeaders(),
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                path);
        Caller caller = null;
        try {
            for (PrincipalResolver r : resolvers) {
                caller = r.resolve(principalRequest).orElse(null);
                if (caller != null) {
                    break;
                }
            }
        } catch (UnauthenticatedException e) {
            return Problems.of(e);
        }
        if (caller == null) {
            String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            return Problems.of(new UnauthenticatedException(
                    principalRequest.bearer().isEmpty() || header == null
                            ? "send an API key or a staff token as 'Authorization: Bearer <credential>'"
                            : "the credential is neither an API key (rst_…) nor a staff token this server accepts"));
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
