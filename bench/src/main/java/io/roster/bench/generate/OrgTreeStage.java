package io.roster.bench.generate;

import java.util.List;

/** The org tree: national root → regions → districts → branches. */
public final class OrgTreeStage implements GeneratorStage {

    @Override
    public String name() {
        return "org";
    }

    @Override
    public List<String> tables() {
        return List.of("org_unit");
    }

    @Override
    public List<TableLoad> load(GenerationContext ctx) throws Exception {
        long started = System.nanoTime();
        try (CopyWriter w = CopyWriter.open(
                ctx.connection(),
                "org_unit",
                "id, code, name, kind, parent_id, path, created_at, updated_at, version")) {
            for (OrgTree.Unit u : ctx.orgTree().all()) {
                w.value(u.id())
                        .value(u.code())
                        .value(u.name())
                        .value(u.kind())
                        .value(u.parent() == null ? null : u.parent().id())
                        .value(u.path())
                        .value(u.createdAt())
                        .value(u.createdAt())
                        .value(0);
                w.endRow();
            }
            w.finish();
            ctx.connection().commit();
            return List.of(new TableLoad("org_unit", w.rows(), System.nanoTime() - started));
        }
    }
}
