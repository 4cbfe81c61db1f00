package io.roster.bench.generate;

import java.util.List;

/**
 * One group of tables the generator fills: the org tree, members with everything hanging off them, API keys, and —
 * as their schema lands — interactions, events and attendance, pipelines and tasks. Stages run in the order
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

    /** Rows written into one table and how long it took. */
    record TableLoad(String table, long rows, long nanos) {
        public double rowsPerSecond() {
            return nanos == 0 ? 0 : rows * 1e9 / nanos;
        }
    }
}
