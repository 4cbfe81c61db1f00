package io.roster.api.pipeline;

import java.util.List;

/**
 * A pipeline's Kanban board: every stage with its count and first cards.
 *
 * @param pipeline the pipeline
 * @param columns one per stage, in stage order
 */
public record Board(Pipeline pipeline, List<BoardColumn> columns) {}
