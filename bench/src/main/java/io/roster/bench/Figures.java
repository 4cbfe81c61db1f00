package io.roster.bench;

import io.roster.bench.generate.Generator;
import io.roster.bench.load.BulkLog;
import io.roster.bench.load.Measurement;
import java.util.List;

/** Everything one run measured, for the report ({@code bulk}: the one-shot bulk logging, null when not measured). */
public record Figures(
        String date,
        String commit,
        Scale scale,
        long seed,
        String machine,
        String note,
        Generation generation,
        long startupEmbeddedMs,
        long startupExternalMs,
        double rssMb,
        double pgbenchTps,
        double pgbenchLatencyMs,
        double copyRowsPerSecond,
        int connections,
        int seconds,
        List<Row> rows,
        BulkLog.Result bulk) {

    /** One scenario: over HTTP, and its raw SQL over JDBC (null when it has none). */
    public record Row(String scenario, String description, Measurement roster, Measurement raw) {}

    /**
     * How the data set was generated: when it was reused, the figures of its generation are reported again.
     *
     * @param tables per table: name, rows, rows per second
     */
    public record Generation(
            boolean reused,
            long rows,
            double seconds,
            double copyRowsPerSecond,
            double indexSeconds,
            double analyzeSeconds,
            List<String[]> tables) {

        static Generation of(Generator.Report r) {
            return new Generation(
                    false,
                    r.rows(),
                    r.totalNanos() / 1e9,
                    r.copyRowsPerSecond(),
                    r.indexNanos() / 1e9,
                    r.analyzeNanos() / 1e9,
                    r.tables().stream()
                            .map(t -> new String[] {
                                t.table(), Long.toString(t.rows()), String.format("%.0f", t.rowsPerSecond())
                            })
                            .toList());
        }
    }
}
