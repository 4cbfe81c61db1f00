package io.roster.web.security;

import io.roster.api.security.Caller;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Role;
import io.roster.api.security.Source;
import io.roster.spi.security.PrincipalRequest;
import io.roster.spi.security.PrincipalResolver;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trusted-header sign-in, for a host whose reverse proxy authenticates staff and passes who they are in headers.
 * Off by default; when on, the headers are believed only on connections from the configured proxy addresses, and
 * ignored on any other connection.
 */
@ApplicationScoped
public class TrustedHeaderSignIn implements PrincipalResolver {
    @ConfigProperty(name = "roster.auth.trusted-header.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "roster.auth.trusted-header.proxies")
    Optional<List<String>> proxies;

    @ConfigProperty(name = "roster.auth.trusted-header.staff-id", defaultValue = "X-Roster-Staff-Id")
    String staffIdHeader;

    @ConfigProperty(name = "roster.auth.trusted-header.display-name", defaultValue = "X-Roster-Staff-Name")
    String displayNameHeader;

    @ConfigProperty(name = "roster.auth.trusted-header.roles", defaultValue = "X-Roster-Roles")
    String rolesHeader;

    @ConfigProperty(name = "roster.auth.trusted-header.org-units", defaultValue = "X-Roster-Org-Units")
    String orgUnitsHeader;

    private TrustedProxies trusted;

    @PostConstruct
    void configure() {
        trusted = TrustedProxies.parse(proxies.orElse(List.of()));
        if (enabled && trusted.isEmpty()) {
            throw new IllegalArgumentException(
                    "roster.auth.trusted-header.enabled needs roster.auth.trusted-header.proxies");
        }
    }

    /**
     * The staff member a trusted proxy vouches for, when the mode is on, the connection comes from a trusted proxy
     * and it sent a staff id.
     *
     * @param peer the address of the connection (a literal IP)
     * @param headers the request's headers by name
     */
    public Optional<Caller> resolve(String peer, Function<String, String> headers) {
        if (!enabled || !trusted.contains(peer)) {
            return Optional.empty();
        }
        String staffId = headers.apply(staffIdHeader);
        if (staffId == null || staffId.isBlank() || staffId.length() > 200) {
            return Optional.empty();
        }
        String name = headers.apply(displayNameHeader);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : StaffTokenVerifier.strings(headers.apply(rolesHeader))) {
            Role.named(r).ifPresent(roles::add);
        }
        Set<String> units = new LinkedHashSet<>(StaffTokenVerifier.strings(headers.apply(orgUnitsHeader)));
        boolean unrestricted = units.remove("*");
        return Optional.of(new Caller(
                staffId.strip(),
                CallerKind.STAFF,
                name == null || name.isBlank() ? staffId.strip() : name.strip(),
                Role.permissionsOf(roles),
                unrestricted ? Set.of() : units,
                unrestricted,
                Source.UI));
    }

    @Override
    public String id() {
        return "trusted-header";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Optional<Caller> resolve(PrincipalRequest request) {
        return resolve(request.remoteAddress(), name -> request.header(name).orElse(null));
    }
}
