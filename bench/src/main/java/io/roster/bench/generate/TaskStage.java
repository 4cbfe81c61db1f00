package io.roster.bench.generate;

import io.roster.bench.generate.GeneratorStage.TableLoad;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Cards of the shipped "member question" pipeline at the size the pipelines issue measures, at every scale: {@link
 * #OPEN_CARDS} open cards spread over its four open stages (40 % new, 30 % assigned, 20 % in progress, 10 %
 * answered), each about a member (its home unit is the card's unit; at small scale a member has several cards), ranked in creation order within its column;
 * {@link #MY_TASKS} of them, in the assigned and in-progress columns, assigned to the benchmark's API key — "my
 * tasks" of the load's caller — with due dates from three weeks before to six weeks after the data set's present;
 * the rest assigned to 200 other staff ids or, in the new column, to nobody. Every card has its history ({@code
 * CREATED}, and the {@code STAGE} line of the move out of "new" for the others) and its member's timeline entry,
 * exactly as the service writes them. SLA breaches are marked as escalated already, so that a server started on the
 * data set does not spend the load escalating 50k historical cards.
 *
 * <p>Writes {@code tasks.tsv} (the ids of the load caller's cards) into the samples directory for the move scenario.
 */
public final class TaskStage implements GeneratorStage {
    /** Open cards in the member-question pipeline: the board the issue measures. */
    public static final int OPEN_CARDS = 50_000;

    /** Open cards of the load's caller: the "my tasks" the issue measures. */
    public static final int MY_TASKS = 5_000;

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public List<String> tables() {
        return List.of("task", "task_history");
    }

    @Override
    public List<TableLoad> load(GenerationContext ctx) throws Exception {
        Connection c = ctx.connection();
        List<TableLoad> loads = new ArrayList<>();
        String now = "timestamptz '" + ctx.now() + "'";
        String key = ctx.key().id().toString();
        // One member per card, drawn deterministically (the ids are the seed's) from live members.
        InteractionStage.sql(
                c,
                "bench_task_member (temporary)",
                "create temporary table bench_task_member on commit preserve rows as"
                        + " select id, org_unit_id, row_number() over (order by md5(id::text)) as n from member"
                        + " where merged_into_id is null and archived_at is null order by md5(id::text) limit "
                        + OPEN_CARDS);
        String stage = "(case when g % 10 < 4 then 'new' when g % 10 < 7 then 'assigned'"
                + " when g % 10 < 9 then 'in-progress' else 'answered' end)";
        // g % 20 = 4 falls in "assigned", g % 20 = 7 in "in-progress": exactly MY_TASKS of OPEN_CARDS.
        String mine = "(g % 20 in (4, 7))";
        String rank = "('V' || substr('" + DIGITS + "', (g / 3844) % 62 + 1, 1) || substr('" + DIGITS
                + "', (g / 62) % 62 + 1, 1) || substr('" + DIGITS + "', g % 62 + 1, 1))";
        String entered = "(" + now + " - make_interval(days => g % 30, secs => g % 86400))";
        loads.add(InteractionStage.sql(
                c,
                "task",
                "insert into task (id, pipeline_id, org_unit_id, stage, stage_category, rank, member_id, title,"
                        + " description, assignee_id, watchers, priority, due_on, labels, checklist, stage_entered_at,"
                        + " sla_due_at, escalated_at, created_by, created_at, updated_at, version)"
                        + " select cast(lpad(to_hex(cast(extract(epoch from " + entered + " - interval '1 day') * 1000"
                        + "   as bigint)), 12, '0') || '7' || substr(md5('task' || g), 1, 3) || '8'"
                        + "   || substr(md5('task' || g), 4, 15) as uuid),"
                        + " p.id, m.org_unit_id, " + stage + ","
                        + " (select s ->> 'category' from jsonb_array_elements(p.stages) s where s ->> 'key' = "
                        + stage + "),"
                        + " " + rank + ", m.id,"
                        + " (array['Вопрос о членских взносах', 'Как встать на учёт в отделении',"
                        + "   'Питання щодо партійного квитка', 'Хочет стать волонтёром', 'Жалоба на ЖКХ района',"
                        + "   'Просит встречи с депутатом'])[g % 6 + 1],"
                        + " case when g % 3 = 0 then 'Обращение поступило через Telegram-бот' end,"
                        + " case when " + mine + " then '" + key + "'"
                        + "   when g % 10 < 4 then null else 'staff-' || (g % 200) end,"
                        + " '{}', (array['NORMAL', 'NORMAL', 'HIGH', 'LOW', 'URGENT'])[g % 5 + 1],"
                        + " case when g % 4 = 3 then null else cast(" + now + " as date) + (g % 61 - 20) end,"
                        + " case when g % 7 = 0 then array['взносы'] when g % 7 = 1 then array['волонтёры']"
                        + "   else '{}' end,"
                        + " '[]', " + entered + ","
                        + " " + entered + " + make_interval(days => (select cast(s ->> 'slaDays' as int)"
                        + "   from jsonb_array_elements(p.stages) s where s ->> 'key' = " + stage + ")),"
                        + " " + entered + " + make_interval(days => (select cast(s ->> 'slaDays' as int)"
                        + "   from jsonb_array_elements(p.stages) s where s ->> 'key' = " + stage + ")),"
                        + " '" + key + "', " + entered + " - interval '1 day', " + entered + ", 0"
                        + " from generate_series(1, " + OPEN_CARDS + ") g"
                        // fewer members than cards (small): members come round again
                        + " join bench_task_member m on m.n = (g - 1) % (select count(*) from bench_task_member) + 1"
                        + " cross join (select id, stages from pipeline where key = 'member-question') p"));
        loads.add(InteractionStage.sql(
                c,
                "task_history",
                "insert into task_history (id, task_id, pipeline_id, org_unit_id, kind, from_stage, to_stage,"
                        + " from_entered_at, from_assignee, to_assignee, reason, at, by_id)"
                        + " select cast(md5('created' || t.id::text) as uuid), t.id, t.pipeline_id, t.org_unit_id,"
                        + " 'CREATED', null, 'new', null, null, null, null, t.created_at, t.created_by from task t"
                        + " union all"
                        + " select cast(md5('stage' || t.id::text) as uuid), t.id, t.pipeline_id, t.org_unit_id,"
                        + " 'STAGE', 'new', t.stage, t.created_at, null, t.assignee_id, null, t.stage_entered_at,"
                        + " t.created_by from task t where t.stage <> 'new'"));
        loads.add(InteractionStage.sql(
                c,
                "timeline_entry/tasks",
                "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title, data)"
                        + " select cast(md5('timeline' || t.id::text) as uuid), t.member_id, 'TASK', t.created_at,"
                        + " 'CREATED', null, t.id, t.title,"
                        + " jsonb_build_object('pipelineId', t.pipeline_id, 'pipelineKey', 'member-question',"
                        + "   'stage', 'new')"
                        + " from task t where t.member_id is not null"));
        try (PreparedStatement ps = c.prepareStatement("select id from task where assignee_id = ? order by id");
                BufferedWriter out =
                        Files.newBufferedWriter(ctx.samplesDir().resolve("tasks.tsv"), StandardCharsets.UTF_8)) {
            ps.setString(1, key);
            out.write("id\n");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.write(rs.getString(1));
                    out.write('\n');
                }
            }
        }
        c.commit();
        return loads;
    }
}
