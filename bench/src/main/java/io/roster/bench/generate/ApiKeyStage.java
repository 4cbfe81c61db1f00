package io.roster.bench.generate;

import io.roster.api.security.Permission;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

/**
 * The admin key the load runs with (all permissions, whole organisation). With a key present Roster does not issue a
 * bootstrap key of its own, so the runner knows the secret without reading the server's output.
 */
public final class ApiKeyStage implements GeneratorStage {

    @Override
    public String name() {
        return "api-keys";
    }

    @Override
    public List<String> tables() {
        return List.of("api_key");
    }

    @Override
    public List<TableLoad> load(GenerationContext ctx) throws Exception {
        long started = System.nanoTime();
        String[] permissions =
                Arrays.stream(Permission.values()).map(Enum::name).sorted().toArray(String[]::new);
        try (PreparedStatement ps = ctx.connection()
                .prepareStatement("insert into api_key (id, name, prefix, secret_hash, permissions, org_unit_ids,"
                        + " created_at, created_by) values (?, ?, ?, ?, ?, '{}', ?, 'system')")) {
            ps.setObject(1, ctx.key().id());
            ps.setString(2, "benchmark admin");
            ps.setString(3, ctx.key().secret().substring(0, 10));
            ps.setBytes(4, ctx.key().secretHash());
            ps.setArray(5, ctx.connection().createArrayOf("text", permissions));
            ps.setTimestamp(6, Timestamp.from(ctx.historyStart()));
            ps.executeUpdate();
        }
        ctx.connection().commit();
        return List.of(new TableLoad("api_key", 1, System.nanoTime() - started));
    }
}
