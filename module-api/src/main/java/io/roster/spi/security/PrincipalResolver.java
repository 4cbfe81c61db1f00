package io.roster.spi.security;

import io.roster.api.security.Caller;
import java.util.Optional;

/**
 * Turns a request's credentials into the {@link Caller} it runs as. Roster asks every resolver, in ascending
 * {@link #priority()}, until one answers; a resolver that does not recognise the credentials returns empty, and one
 * that recognises them but refuses them throws {@link io.roster.api.error.UnauthenticatedException} (a 401, with its
 * message as the detail: never put the credential in it).
 *
 * <p>Roster's own resolvers — trusted headers (priority 100), API keys (200), the host's signed staff token (300) —
 * are implementations of this interface too, so a host can put its own before, between or after them. Implement it as
 * an {@code @ApplicationScoped} CDI bean in a bean archive on Roster's classpath.
 */
public interface PrincipalResolver {
    /** A stable name for logs and diagnostics, e.g. {@code acme-session-cookie}. */
    String id();

    /** Lower runs first. Roster's own resolvers use 100, 200 and 300. */
    default int priority() {
        return 1000;
    }

    /**
     * The caller the request stands for.
     *
     * @return the caller, or empty when these are not credentials this resolver handles
     * @throws io.roster.api.error.UnauthenticatedException when they are, but are not acceptable
     */
    Optional<Caller> resolve(PrincipalRequest request);
}
