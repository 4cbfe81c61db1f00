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

/** Handles the same header with a later priority: it must never be asked while the first one answers. */
@ApplicationScoped
public class ShadowSessionResolver implements PrincipalResolver {
    @Override
    public String id() {
        return "shadow-session";
    }

    @Override
    public int priority() {
        return 60;
    }

    @Override
    public Optional<Caller> resolve(PrincipalRequest request) {
        return request.header("X-Example-Session")
                .map(staff -> new Caller(
                        staff,
                        CallerKind.STAFF,
                        "Shadow " + staff,
                        Role.VIEWER.permissions(),
                        Set.of(),
                        true,
                        Source.UI));
    }
}
