package io.roster.bench.load;

import java.sql.Connection;
import java.util.SplittableRandom;

/**
 * The SQL a scenario's request makes Roster run, executed directly over JDBC: the floor under the scenario's
 * latency. One call is one request's worth of statements, with parameters drawn from the samples.
 */
@FunctionalInterface
public interface RawQuery {
    void run(Connection c, SplittableRandom random) throws Exception;
}
