package io.roster.api.pipeline;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.function.UnaryOperator;

/**
 * Cards, their moves, comments and history, and the views over them. Reading needs {@code TASK_READ}; changing
 * needs {@code TASK_WRITE}. A card is visible when its org unit is in the caller's scope; others are not found.
 * Every change that matters (created, moved, assigned, closed) appears on the member's timeline in the same
 * transaction, and entering a stage runs the pipeline's automations in that transaction too.
 */
public interface TaskService {

    /**
     * Creates a card in its pipeline's first stage (or the one named), assigned by the stage's assignee rule when it
     * has no assignee, at the end of the column.
     *
     * @throws io.roster.api.error.ValidationException with a path for every invalid field, and for a stage that
     *     requires a field the card lacks
     * @throws io.roster.api.error.ConflictException when the stage is at its WIP limit ({@code wip-limit-reached})
     * @throws io.roster.api.error.InvalidStateException when automations chain deeper than the limit
     *     ({@code automation-depth-exceeded})
     */
    Task create(TaskDraft draft, Placement placement);

    /** @throws io.roster.api.error.NotFoundException when unknown or outside scope */
    Task get(String id);

    /**
     * Changes a card; a changed stage is a move, a placement without a stage change reorders within the column. A
     * move is refused, with every reason at once, when the transition is not allowed ({@code stage},
     * {@code transition-not-allowed}) or the target stage requires fields the card lacks ({@code <field>},
     * {@code required-by-stage}). Two concurrent changes of one card are serialised; with {@code expectedVersion}
     * the second is refused as stale, so none is lost.
     *
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.ValidationException as above, and with a path for every invalid field
     * @throws io.roster.api.error.ConflictException when the target stage is at its WIP limit and the caller did not
     *     override it with {@code TASK_WIP_OVERRIDE} ({@code wip-limit-reached})
     * @throws io.roster.api.error.ForbiddenException when overriding without {@code TASK_WIP_OVERRIDE}
     */
    Task update(String id, Long expectedVersion, UnaryOperator<TaskDraft> changes, Placement placement);

    /** Cards in scope, newest first, filtered. */
    Page<Task> list(TaskQuery query);

    /**
     * The board of a pipeline: each stage with its count and first {@code perColumn} cards by rank.
     *
     * @param orgUnitId only cards of this unit's subtree, or {@code null}
     * @param perColumn 1 to 200
     */
    Board board(String pipelineIdOrKey, String orgUnitId, int perColumn);

    /** One column of a board, by rank, continued with the cursor of {@link BoardColumn#cards()}. */
    Page<Task> column(String pipelineIdOrKey, String stage, String orgUnitId, PageRequest page);

    /** The caller's open cards in three sections, each a first page of {@code perSection}. */
    MyTasks myTasks(int perSection);

    /** One section of the caller's open cards, by due date then id. */
    Page<Task> myTasks(DueBucket bucket, PageRequest page);

    /** The card's history, oldest first. */
    Page<TaskChange> history(String id, PageRequest page);

    /** @throws io.roster.api.error.ValidationException when the body is blank or too long */
    TaskComment comment(String id, String body);

    /** The card's comments, oldest first. */
    Page<TaskComment> comments(String id, PageRequest page);
}
