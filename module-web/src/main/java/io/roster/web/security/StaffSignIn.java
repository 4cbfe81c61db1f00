package io.roster.web.security;

import io.quarkus.runtime.Startup;
import io.roster.api.error.UnauthenticatedException;
import io.roster.api.security.Caller;
import io.roster.spi.security.PrincipalRequest;
import io.roster.spi.security.PrincipalResolver;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Staff sign-in with the host CRM's signed token, configured through {@code roster.auth.jwt.*} (see
 * docs/configuration.md). Off unless a key source is configured; a configuration that cannot verify anything stops
 * the server at start rather than refusing every staff member later.
 */
@ApplicationScoped
@Startup
public class StaffSignIn implements PrincipalResolver {
    @ConfigProperty(name = "roster.auth.jwt.public-key")
    Optional<String> publicKey;

    @ConfigProperty(name = "roster.auth.jwt.public-key-location")
    Optional<String> publicKeyLocation;

    @ConfigProperty(name = "roster.auth.jwt.jwks-location")
    Optional<String> jwksLocation;

    @ConfigProperty(name = "roster.auth.jwt.jwks-url")
    Optional<String> jwksUrl;

    @ConfigProperty(name = "roster.auth.jwt.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "roster.auth.jwt.audience")
    Optional<String> audience;

    @ConfigProperty(name = "roster.auth.jwt.algorithms", defaultValue = "RS256,ES256")
    List<String> algorithms;

    @ConfigProperty(name = "roster.auth.jwt.clock-skew", defaultValue = "PT30S")
    Duration clockSkew;

    @ConfigProperty(name = "roster.auth.jwt.claim.staff-id", defaultValue = "sub")
    String claimStaffId;

    @ConfigProperty(name = "roster.auth.jwt.claim.display-name", defaultValue = "name")
    String claimDisplayName;

    @ConfigProperty(name = "roster.auth.jwt.claim.roles", defaultValue = "roles")
    String claimRoles;

    @ConfigProperty(name = "roster.auth.jwt.claim.org-units", defaultValue = "org_units")
    String claimOrgUnits;

    private StaffTokenVerifier verifier;

    @PostConstruct
    void configure() {
        String pem =
                publicKey.orElse(publicKeyLocation.map(StaffTokenVerifier::read).orElse(null));
        String jwks = jwksLocation.map(StaffTokenVerifier::read).orElse(null);
        if (pem == null && jwks == null && jwksUrl.isEmpty()) {
            return;
        }
        Set<String> algs = new LinkedHashSet<>();
        algorithms.forEach(a -> algs.add(a.strip()));
        verifier = new StaffTokenVerifier(new StaffTokenVerifier.Settings(
                pem,
                pem == null ? jwks : null,
                pem == null && jwks == null ? jwksUrl.get() : null,
                issuer.orElse(null),
                audience.orElse(null),
                algs,
                clockSkew,
                claimStaffId,
                claimDisplayName,
                claimRoles,
                claimOrgUnits));
    }

    /** Whether staff tokens are accepted at all. */
    public boolean enabled() {
        return verifier != null;
    }

    /**
     * The staff member a token stands for.
     *
     * @throws StaffTokenVerifier.RejectedTokenException when it is not acceptable
     */
    public Caller verify(String token) throws StaffTokenVerifier.RejectedTokenException {
        if (verifier == null) {
            throw new StaffTokenVerifier.RejectedTokenException("staff tokens are not enabled on this server");
        }
        return verifier.verify(token);
    }

    @Override
    public String id() {
        return "staff-token";
    }

    @Override
    public int priority() {
        return 300;
    }

    @Override
    public Optional<Caller> resolve(PrincipalRequest request) {
        Optional<String> token = request.bearer().filter(StaffTokenVerifier::looksLikeJwt);
        if (token.isEmpty() || !enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(verifier.verify(token.get()));
        } catch (StaffTokenVerifier.RejectedTokenException e) {
            throw new UnauthenticatedException(e.getMessage());
        }
    }
}
