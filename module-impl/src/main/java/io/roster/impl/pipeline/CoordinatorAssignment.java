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
 * {@code org-coordinator}: the coordinator of the card's unit (the member's home unit for a card about a member), or
 * of its nearest ancestor that has one.
 */
@ApplicationScoped
public class CoordinatorAssignment implements AssignmentStrategy {
    @PersistenceContext
    EntityManager em;

    @Override
    public String id() {
        return "org-coordinator";
    }

    @Override
    public Optional<String> assign(AssignmentRequest request) {
        return Optional.ofNullable(coordinatorOf(em, UUID.fromString(request.orgUnitId())));
    }

    /** The coordinator of a unit or its nearest coordinated ancestor, or {@code null}. */
    static String coordinatorOf(EntityManager em, UUID orgUnitId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select c.staff_id from org_unit_coordinator c"
                        + " join org_unit u on u.id = c.org_unit_id"
                        + " where u.path @> (select path from org_unit where id = ?1)"
                        + " order by nlevel(u.path) desc limit 1")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, orgUnitId)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
