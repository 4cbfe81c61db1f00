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
 */
public record Scenario(String name, String description, String script, List<String> requests, RawQuery raw) {}
