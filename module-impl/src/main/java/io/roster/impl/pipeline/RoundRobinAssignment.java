package io.roster.impl.pipeline;

import io.roster.spi.pipeline.AssignmentRequest;
import io.roster.spi.pipeline.AssignmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code round-robin}: the rule's group in turn, per pipeline and stage. The counter is one row bumped by an upsert in
 * the move's transaction, so concurrent moves take different turns and a rolled-back move gives its turn back.
 */
@ApplicationScoped
public class RoundRobinAssignment implements AssignmentStrategy {
    @PersistenceContext
    EntityManager em;

    @Override
    public String id() {
        return "round-robin";
    }

    @Override
    public Optional<String> assign(AssignmentRequest request) {
        List<String> group = request.rule().group();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        Number n = (Number) em.createNativeQuery("insert into assignment_counter (pipeline_id, stage, next)"
                        + " values (?1, ?2, 1) on conflict (pipeline_id, stage)"
                        + " do update set next = assignment_counter.next + 1 returning next")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, UUID.fromString(request.pipelineId()))
                .setParameter(2, request.stage())
                .getSingleResult();
        return Optional.of(group.get((int) ((n.longValue() - 1) % group.size())));
    }
}
