package io.roster.impl.security;

import io.roster.api.error.UnauthenticatedException;
import io.roster.api.security.ApiKeyService;
import io.roster.api.security.Caller;
import io.roster.spi.security.PrincipalRequest;
import io.roster.spi.security.PrincipalResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Integrators' API keys: {@code Authorization: Bearer rst_…}. */
@ApplicationScoped
public class ApiKeyPrincipalResolver implements PrincipalResolver {
    @Inject
    ApiKeyService keys;

    @Override
    public String id() {
        return "api-key";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public Optional<Caller> resolve(PrincipalRequest request) {
        Optional<String> bearer = request.bearer().filter(b -> b.startsWith(DefaultApiKeyService.SECRET_PREFIX));
        if (bearer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(keys.authenticate(bearer.get())
                .orElseThrow(() -> new UnauthenticatedException("the API key is unknown or revoked")));
    }
}
