package io.roster.impl.pipeline;

import io.roster.spi.pipeline.AssignmentRequest;
import io.roster.spi.pipeline.AssignmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@code fixed}: always the rule's staff member. */
@ApplicationScoped
public class FixedAssignment implements AssignmentStrategy {
    @Override
    public String id() {
        return "fixed";
    }

    @Override
    public Optional<String> assign(AssignmentRequest request) {
        return Optional.ofNullable(request.rule().staffId());
    }
}
