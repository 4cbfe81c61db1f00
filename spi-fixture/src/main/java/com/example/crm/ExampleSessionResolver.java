package com.example.crm;

import io.roster.api.security.Caller;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Role;
import io.roster.api.security.Source;
import io.roster.spi.security.PrincipalRequest;
import io.roster.spi.security.PrincipalResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM's session header {@code X-Example-Session: <staff id>} (a stand-in for a real session lookup), asked before
 * Roster's own resolvers.
 */
@ApplicationScoped
public class ExampleSessionResolver implements PrincipalResolver {
    @Override
    public String id() {
        return "example-session";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Optional<Caller> resolve(PrincipalRequest request) {
        return request.header("X-Example-Session")
                .map(staff -> new Caller(
                        staff,
                        CallerKind.STAFF,
                        "Example session " + staff,
                        Role.COORDINATOR.permissions(),
                        Set.of(),
                        true,
                        Source.UI));
    }
}
