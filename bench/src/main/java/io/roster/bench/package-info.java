/**
 * Roster's benchmark: a deterministic data generator that loads a realistic data set through COPY ({@link
 * io.roster.bench.generate.Generator}), and a runner that starts the packaged server on it and measures each
 * {@link io.roster.bench.load.Scenario} with wrk next to its raw SQL, pgbench and COPY limits ({@link
 * io.roster.bench.BenchMain}). Start at {@code bench/run.sh} and {@code docs/performance.md}. Not part of the product.
 */
package io.roster.bench;
