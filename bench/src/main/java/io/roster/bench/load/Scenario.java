package io.roster.bench.load;

import java.util.List;

/**
 * One measured use of the API.
 *
 * @param name stable id, used in the CSV ({@code get-member}, {@code search-name-latin}, …)
 * @param description what it is, for docs/performance.md
 * @param script the wrk Lua script under {@code bench/wrk/}
 * @param requests the lines the script reads: request paths for {@code get.lua}, or what the script needs to
 *     build bodies
 * @param raw the same SQL over JDBC; {@code null} when there is no single raw counterpart
 * @param prepare when not {@code null}, computes the request lines once the server is up, through its HTTP API (a deep
 *     page's cursor is only known by walking the pages before it); {@link #requests} is then a placeholder
 */
public record Scenario(
        String name, String description, String script, List<String> requests, RawQuery raw, Preparation prepare) {

    public Scenario(String name, String description, String script, List<String> requests, RawQuery raw) {
        this(name, description, script, requests, raw, null);
    }

    /** Request lines computed against the running server. */
    @FunctionalInterface
    public interface Preparation {
        List<String> requests(Api api) throws Exception;
    }

    /** The suffix of a scenario measured one request at a time. */
    public static final String ALONE = "-1conn";

    /** This scenario measured one request at a time: its page time, with no request queueing for a CPU. */
    public Scenario alone() {
        return new Scenario(
                name + ALONE, description + " — one request at a time (1 connection)", script, requests, raw, null);
    }

    /** This scenario with its request lines computed, when it needs that. */
    public Scenario prepared(Api api) throws Exception {
        return prepare == null ? this : new Scenario(name, description, script, prepare.requests(api), raw, null);
    }
}
