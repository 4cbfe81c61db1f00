package io.roster.bench.generate;

import java.util.List;

/**
 * One group of tables the generator fills: the org tree, members with everything hanging off them, API keys,
 * interactions with the timeline, events and attendance — and pipelines and tasks as their schema lands. Stages run in the order
 * {@link Generator#stages()} lists them, each seeing what earlier ones generated through the {@link GenerationContext}.
 *
 * <p>A stage writes every table through {@link CopyWriter} in streamed batches, derives every value from the seed
 * (through {@link io.roster.bench.Seeds}) and never holds a whole table in memory.
 */
public interface GeneratorStage {

    /** A short name for reports: {@code org}, {@code members}, … */
    String name();

    /**
     * The tables this stage fills. Their secondary indexes are dropped before the load and rebuilt after it (faster
     * than maintaining them row by row), so every table written must be listed.
     */
    List<String> tables();

    /**
     * Generates and loads the rows.
     *
     * @return what was written, per table
     */
    List<TableLoad> load(GenerationContext context) throws Exception;

    /**
     * Rows written into one table and how long it took.
     *
     * @param update the rows were updated (a set-based UPDATE after the load), not added: not counted as generated rows
     */
    record TableLoad(String table, long rows, long nanos, boolean update) {
        public TableLoad(String table, long rows, long nanos) {
            this(table, rows, nanos, false);
        }

        public double rowsPerSecond() {
            return nanos == 0 ? 0 : rows * 1e9 / nanos;
        }
    }
}
