package io.roster.api.pipeline;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Pipeline definitions, org-unit coordinators and pipeline metrics. Reading needs {@code TASK_READ}; defining
 * pipelines and coordinators needs {@code PIPELINE_ADMIN}. A pipeline is visible to callers who see its unit or a
 * unit inside its subtree; others get "not found".
 */
public interface PipelineService {

    /**
     * Defines a pipeline.
     *
     * @throws io.roster.api.error.ValidationException with a path for every invalid field (e.g.
     *     {@code stages[2].allowedNext[0]}, {@code automations[0].pipelineKey})
     * @throws io.roster.api.error.ConflictException when the key is taken ({@code pipeline-key-taken})
     * @throws io.roster.api.error.ForbiddenException without {@code PIPELINE_ADMIN}, or for an organisation-wide
     *     pipeline without unrestricted scope
     */
    Pipeline create(PipelineDraft draft);

    /**
     * A pipeline by id or key.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or not visible
     */
    Pipeline get(String idOrKey);

    /** Pipelines visible to the caller, by key. */
    Page<Pipeline> list(PageRequest page);

    /**
     * Changes a pipeline. Cards never get stranded: removing a stage that holds cards is refused unless
     * {@code moveCards} names, for that stage, a stage of the new definition to move them to (they go to its end,
     * with a {@code STAGE} line in their history). Cards whose stage changes category follow it.
     *
     * @param moveCards removed stage key → stage key to move its cards to; may be empty
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.ValidationException as for create, on {@code stages} ({@code stage-holds-cards})
     *     naming each removed stage that holds cards, and on {@code moveCards.<key>} for a bad target
     * @throws io.roster.api.error.NotFoundException when unknown or not visible
     */
    Pipeline update(
            String idOrKey, Long expectedVersion, UnaryOperator<PipelineDraft> changes, Map<String, String> moveCards);

    /**
     * Sets (or with {@code null} removes) the coordinator of a unit, used by the {@code org-coordinator} assignment
     * rule for cards of the unit's subtree that have no nearer coordinator.
     *
     * @param staffId a principal id, or {@code null}
     * @throws io.roster.api.error.NotFoundException when the unit is unknown or outside scope
     */
    void setCoordinator(String orgUnitId, String staffId);

    /**
     * The coordinator responsible for a unit: its own, or the nearest coordinated ancestor's.
     *
     * @return the principal id, or {@code null} when no unit up to the root has one
     * @throws io.roster.api.error.NotFoundException when the unit is unknown or outside scope
     */
    String coordinator(String orgUnitId);

    /**
     * The numbers of a pipeline over a period, counted from the history of its cards.
     *
     * @param orgUnitId only cards of this unit's subtree, or {@code null} for the caller's scope
     * @param from period start (inclusive); {@code null} for 12 weeks before {@code to}
     * @param to period end (exclusive); {@code null} for now
     * @throws io.roster.api.error.ValidationException when the period is inverted or longer than two years
     */
    PipelineMetrics metrics(String idOrKey, String orgUnitId, Instant from, Instant to);
}
