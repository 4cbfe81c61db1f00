/**
 * The load side: {@link io.roster.bench.load.Scenarios} lists what is measured (wrk script, request lines, raw SQL);
 * {@link io.roster.bench.load.Wrk}, {@link io.roster.bench.load.RawSqlTimer} and {@link io.roster.bench.load.PgBench}
 * measure it; {@link io.roster.bench.load.RosterServer} runs the packaged server.
 */
package io.roster.bench.load;
