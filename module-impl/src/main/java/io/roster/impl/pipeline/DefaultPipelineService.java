package io.roster.impl.pipeline;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.pipeline.Pipeline;
import io.roster.api.pipeline.PipelineDraft;
import io.roster.api.pipeline.PipelineMetrics;
import io.roster.api.pipeline.PipelineService;
import io.roster.api.pipeline.Stage;
import io.roster.api.pipeline.StageCategory;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Snapshots;
import io.roster.impl.common.Texts;
import io.roster.impl.persistence.Flush;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.persistence.PipelineEntity;
import io.roster.impl.persistence.TaskEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

@ApplicationScoped
public class DefaultPipelineService implements PipelineService {
    private static final String LIST_TAG = "pipelines";

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    Pipelines pipelines;

    @Inject
    Extensions extensions;

    @Inject
    RosterClock clock;

    @Inject
    AuditLog audit;

    @Inject
    TaskJournal journal;

    @Inject
    PipelineMetricsQuery metricsQuery;

    @Override
    @Transactional
    public Pipeline create(PipelineDraft draft) {
        access.require(Permission.PIPELINE_ADMIN);
        validate(draft);
        PipelineDraft d = PipelineRules.normalize(draft);
        UUID unit = ownerUnit(d.orgUnitId());
        pipelines.requireAdminOf(unit);
        if (pipelines.find(d.key(), false) != null) {
            throw new ConflictException("pipeline-key-taken", "a pipeline with key " + d.key() + " exists");
        }
        PipelineEntity p = new PipelineEntity();
        p.id = Ids.newUuid();
        apply(p, d, unit);
        p.createdAt = clock.now();
        p.updatedAt = p.createdAt;
        em.persist(p);
        Flush.now(em);
        audit.record("pipeline.created", "pipeline", p.id, null, Snapshots.of(d));
        return Pipelines.map(p);
    }

    @Override
    @Transactional
    public Pipeline get(String idOrKey) {
        access.require(Permission.TASK_READ);
        return Pipelines.map(pipelines.visible(idOrKey, false));
    }

    @Override
    @Transactional
    public Page<Pipeline> list(PageRequest page) {
        access.require(Permission.TASK_READ);
        PageRequest pr = page == null ? PageRequest.first() : page;
        Access.Scope scope = access.scope();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select p.* from pipeline p where true");
        if (!scope.unrestricted()) {
            params.add(scope.pathsLiteral());
            int n = params.size();
            params.add(scope.pathsLiteral());
            sql.append(
                            " and (p.org_unit_id is null or p.org_unit_id in (select u.id from org_unit u where u.path <@ cast(?")
                    .append(n)
                    .append(" as ltree[]) or u.path @> cast(?")
                    .append(n + 1)
                    .append(" as ltree[])))");
        }
        if (pr.cursor() != null) {
            params.add(Cursors.decode(pr.cursor(), LIST_TAG, 1).get(0));
            sql.append(" and p.key > ?").append(params.size());
        }
        sql.append(" order by p.key limit ").append(pr.limit() + 1);
        Query q = em.createNativeQuery(sql.toString(), PipelineEntity.class);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<PipelineEntity> rows = q.getResultList();
        String next = null;
        if (rows.size() > pr.limit()) {
            rows = rows.subList(0, pr.limit());
            next = Cursors.encode(LIST_TAG, rows.get(rows.size() - 1).key);
        }
        return new Page<>(rows.stream().map(Pipelines::map).toList(), next);
    }

    @Override
    @Transactional
    public Pipeline update(
            String idOrKey, Long expectedVersion, UnaryOperator<PipelineDraft> changes, Map<String, String> moveCards) {
        Caller caller = access.require(Permission.PIPELINE_ADMIN);
        // Locked: moves of cards check the definition they read against this one, and two edits serialise.
        PipelineEntity p = pipelines.visible(idOrKey, true);
        if (expectedVersion != null && expectedVersion != p.version) {
            throw new StaleVersionException("pipeline", p.version);
        }
        pipelines.requireAdminOf(p.orgUnitId);
        PipelineDraft current = draft(p);
        PipelineDraft wanted = changes.apply(current);
        validate(wanted);
        PipelineDraft d = PipelineRules.normalize(wanted);
        UUID unit = ownerUnit(d.orgUnitId());
        if (!Objects.equals(unit, p.orgUnitId)) {
            pipelines.requireAdminOf(unit);
        }
        if (!d.key().equals(p.key)) {
            if (pipelines.find(d.key(), false) != null) {
                throw new ConflictException("pipeline-key-taken", "a pipeline with key " + d.key() + " exists");
            }
            // automations name the pipelines they create cards in by key: a rename would break them silently
            @SuppressWarnings("unchecked")
            List<String> referring = em.createNativeQuery("select key from pipeline where id <> ?1"
                            + " and automations @> cast(?2 as jsonb) order by key")
                    .setParameter(1, p.id)
                    .setParameter(2, "[{\"pipelineKey\": " + io.roster.impl.common.Json.write(p.key) + "}]")
                    .getResultList();
            if (!referring.isEmpty()) {
                throw ValidationException.of(
                        "key",
                        "key-in-use",
                        "automations of " + String.join(", ", referring) + " create cards in this pipeline by its key;"
                                + " change them first");
            }
        }
        Map<String, String> moves = moveCards == null ? Map.of() : moveCards;
        Map<String, Stage> newStages = PipelineRules.byKey(d.stages());
        List<String> removed = p.stages.stream()
                .map(Stage::key)
                .filter(k -> !newStages.containsKey(k))
                .toList();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> m : moves.entrySet()) {
            String path = "moveCards." + m.getKey();
            Stage target =
                    m.getValue() == null ? null : newStages.get(m.getValue().strip());
            if (!removed.contains(m.getKey())) {
                errors.add(new FieldError(path, "not-removed", "only the cards of a removed stage can be moved"));
            } else if (target == null) {
                errors.add(new FieldError(path, "unknown-stage", "not a stage of the new definition"));
            } else if (target.category() == StageCategory.DROPPED) {
                errors.add(new FieldError(
                        path, "dropped-target", "cards cannot be dropped without a reason; name another stage"));
            }
        }
        Map<String, Long> holding = new LinkedHashMap<>();
        for (String k : removed) {
            long n = ((Number) em.createNativeQuery("select count(*) from task where pipeline_id = ?1 and stage = ?2")
                            .setParameter(1, p.id)
                            .setParameter(2, k)
                            .getSingleResult())
                    .longValue();
            if (n > 0) {
                holding.put(k, n);
                if (!moves.containsKey(k)) {
                    errors.add(new FieldError(
                            "stages",
                            "stage-holds-cards",
                            "stage " + k + " holds " + n + " card(s); keep it, or name a stage to move them to"
                                    + " in moveCards." + k));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (d.equals(current)) {
            return Pipelines.map(p);
        }
        Instant now = clock.now();
        for (Map.Entry<String, Long> h : holding.entrySet()) {
            moveAll(p, h.getKey(), newStages.get(moves.get(h.getKey()).strip()), now, caller.id());
        }
        for (Stage s : d.stages()) {
            Stage old = Pipelines.stage(p, s.key());
            if (old != null && old.category() != s.category()) {
                em.createNativeQuery("update task set stage_category = ?1, version = version + 1"
                                + " where pipeline_id = ?2 and stage = ?3")
                        .setParameter(1, s.category().name())
                        .setParameter(2, p.id)
                        .setParameter(3, s.key())
                        .executeUpdate();
            }
            if (old != null && !Objects.equals(old.slaDays(), s.slaDays())) {
                // the new SLA applies to the stays already under way
                em.createNativeQuery("update task set sla_due_at = case when cast(?1 as int) is null then null"
                                + " else stage_entered_at + cast(?1 as int) * interval '1 day' end,"
                                + " version = version + 1"
                                + " where pipeline_id = ?2 and stage = ?3 and closed_at is null")
                        .setParameter(1, s.slaDays())
                        .setParameter(2, p.id)
                        .setParameter(3, s.key())
                        .executeUpdate();
            }
        }
        em.clear();
        p = em.find(PipelineEntity.class, p.id);
        apply(p, d, unit);
        p.updatedAt = now;
        try {
            Flush.now(em);
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException("pipeline", -1);
        }
        Map<String, Object> change = new LinkedHashMap<>(Snapshots.diff(Snapshots.of(current), Snapshots.of(d)));
        if (!moves.isEmpty()) {
            change.put("moveCards", moves);
        }
        audit.record("pipeline.updated", "pipeline", p.id, null, change);
        return Pipelines.map(p);
    }

    /** The cards of a removed stage go to the end of another, in their order, each with a history line. */
    private void moveAll(PipelineEntity p, String from, Stage to, Instant now, String by) {
        @SuppressWarnings("unchecked")
        List<TaskEntity> cards = em.createNativeQuery(
                        "select * from task where pipeline_id = ?1 and stage = ?2 order by rank, id", TaskEntity.class)
                .setParameter(1, p.id)
                .setParameter(2, from)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<String> last = em.createNativeQuery(
                        "select rank from task where pipeline_id = ?1 and stage = ?2 order by rank desc, id desc limit 1")
                .setParameter(1, p.id)
                .setParameter(2, to.key())
                .getResultList();
        // every new rank extends the column's last one, so all land after it and keep their order
        String prefix = last.isEmpty() ? "" : last.get(0);
        List<String> ranks = Ranks.spread(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            TaskEntity t = cards.get(i);
            String fromStage = t.stage;
            Instant fromEntered = t.stageEnteredAt;
            t.stage = to.key();
            t.stageCategory = to.category().name();
            t.rank = prefix + ranks.get(i);
            t.stageEnteredAt = now;
            t.slaDueAt = to.slaDays() == null ? null : now.plus(java.time.Duration.ofDays(to.slaDays()));
            t.escalatedAt = null;
            if (to.category() == StageCategory.DONE && t.closedAt == null) {
                t.closedAt = now;
                t.closeReason = "DONE";
            } else if (!to.category().closes()) {
                t.closedAt = null;
                t.closeReason = null;
                t.abandonReason = null;
            }
            t.updatedAt = now;
            journal.history(t, "STAGE", fromStage, to.key(), fromEntered, null, null, "stage-removed", now, by);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", fromStage);
            data.put("to", to.key());
            data.put("by", by);
            journal.timeline(t, p.key, "MOVED", now, data);
        }
        Flush.now(em);
    }

    @Override
    @Transactional
    public void setCoordinator(String orgUnitId, String staffId) {
        access.require(Permission.PIPELINE_ADMIN);
        OrgUnitEntity unit = access.visibleUnit(orgUnitId);
        String staff = Texts.clean(staffId);
        if (staff != null && (staff.length() > PipelineRules.MAX_STAFF_ID_LENGTH || Texts.hasControl(staff))) {
            throw ValidationException.of("staffId", "invalid-staff-id", "at most 200 characters");
        }
        String before = CoordinatorAssignment.coordinatorOf(em, unit.id);
        if (staff == null) {
            em.createNativeQuery("delete from org_unit_coordinator where org_unit_id = ?1")
                    .setParameter(1, unit.id)
                    .executeUpdate();
        } else {
            em.createNativeQuery("insert into org_unit_coordinator (org_unit_id, staff_id, updated_at)"
                            + " values (?1, ?2, ?3) on conflict (org_unit_id)"
                            + " do update set staff_id = excluded.staff_id, updated_at = excluded.updated_at")
                    .setParameter(1, unit.id)
                    .setParameter(2, staff)
                    .setParameter(3, clock.now())
                    .executeUpdate();
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("coordinator", Arrays.asList(before, staff));
        audit.record("org-unit.coordinator-set", "org_unit", unit.id, null, change);
    }

    @Override
    @Transactional
    public String coordinator(String orgUnitId) {
        access.require(Permission.TASK_READ);
        return CoordinatorAssignment.coordinatorOf(em, access.visibleUnit(orgUnitId).id);
    }

    @Override
    @Transactional
    public PipelineMetrics metrics(String idOrKey, String orgUnitId, Instant from, Instant to) {
        access.require(Permission.TASK_READ);
        PipelineEntity p = pipelines.visible(idOrKey, false);
        Instant end = to == null ? clock.now() : to;
        Instant start = from == null ? end.minus(java.time.Duration.ofDays(84)) : from;
        if (!start.isBefore(end)) {
            throw ValidationException.of("from", "after-to", "from must be before to");
        }
        if (java.time.Duration.between(start, end).toDays() > 731) {
            throw ValidationException.of("from", "period-too-long", "the period is at most two years");
        }
        String subtree = orgUnitId == null ? null : access.visibleUnit(orgUnitId).path;
        return metricsQuery.run(p, access.scope(), subtree, orgUnitId, start, end, clock.today());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void validate(PipelineDraft d) {
        Set<String> strategies = extensions.strategyIds();
        List<FieldError> errors = PipelineRules.validate(d, strategies, k -> {
            PipelineEntity other = pipelines.find(k, false);
            return other == null || !pipelines.visible(other)
                    ? null
                    : other.stages.stream().map(Stage::key).toList();
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The owning unit of a draft, which the caller must see; {@code null} for organisation-wide. */
    private UUID ownerUnit(String orgUnitId) {
        if (orgUnitId == null) {
            return null;
        }
        try {
            return access.visibleUnit(orgUnitId).id;
        } catch (io.roster.api.error.NotFoundException e) {
            throw ValidationException.of("orgUnitId", "unknown-org-unit", "no such org unit in your scope");
        }
    }

    private static void apply(PipelineEntity p, PipelineDraft d, UUID unit) {
        p.key = d.key();
        p.names = new java.util.TreeMap<>(d.names());
        p.orgUnitId = unit;
        p.stages = new ArrayList<>(d.stages());
        p.automations = new ArrayList<>(d.automations());
        p.abandonReasons = d.abandonReasons().toArray(String[]::new);
    }

    private static PipelineDraft draft(PipelineEntity p) {
        return new PipelineDraft(
                p.key,
                p.names,
                p.orgUnitId == null ? null : p.orgUnitId.toString(),
                List.copyOf(p.stages),
                List.copyOf(p.automations),
                Arrays.asList(p.abandonReasons));
    }
}
