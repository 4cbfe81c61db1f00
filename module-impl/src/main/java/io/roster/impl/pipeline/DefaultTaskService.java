package io.roster.impl.pipeline;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.ForbiddenException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.member.MemberService;
import io.roster.api.pipeline.Automation;
import io.roster.api.pipeline.AutomationTrigger;
import io.roster.api.pipeline.Board;
import io.roster.api.pipeline.BoardColumn;
import io.roster.api.pipeline.CloseReason;
import io.roster.api.pipeline.DueBucket;
import io.roster.api.pipeline.MyTasks;
import io.roster.api.pipeline.Placement;
import io.roster.api.pipeline.Stage;
import io.roster.api.pipeline.StageCategory;
import io.roster.api.pipeline.Task;
import io.roster.api.pipeline.TaskChange;
import io.roster.api.pipeline.TaskComment;
import io.roster.api.pipeline.TaskDraft;
import io.roster.api.pipeline.TaskPriority;
import io.roster.api.pipeline.TaskQuery;
import io.roster.api.pipeline.TaskService;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Snapshots;
import io.roster.impl.common.Texts;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.persistence.Flush;
import io.roster.impl.persistence.MemberEntity;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.persistence.PipelineEntity;
import io.roster.impl.persistence.TaskEntity;
import io.roster.impl.security.Access;
import io.roster.spi.pipeline.AssignmentRequest;
import io.roster.spi.pipeline.TaskNotification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultTaskService implements TaskService {
    static final int MAX_PER_COLUMN = PageRequest.MAX_LIMIT;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    CallerContext callers;

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
    MemberService members;

    @Override
    @Transactional
    public Task create(TaskDraft draft, Placement placement) {
        Caller caller = access.require(Permission.TASK_WRITE);
        return map(create(draft, placement == null ? Placement.NONE : placement, Automations.Chain.start(), caller));
    }

    private TaskEntity create(TaskDraft draft, Placement placement, Automations.Chain parent, Caller caller) {
        List<FieldError> errors = TaskRules.validate(draft);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TaskDraft d = TaskRules.normalize(draft);
        PipelineEntity p = pipelines.find(d.pipelineId(), false);
        if (p == null || !pipelines.visible(p)) {
            throw ValidationException.of("pipelineId", "unknown-pipeline", "no such pipeline");
        }
        shareLock(p);
        Stage stage = d.stage() == null ? p.stages.get(0) : Pipelines.stage(p, d.stage());
        if (stage == null) {
            throw ValidationException.of("stage", "unknown-stage", "not a stage of this pipeline");
        }
        Automations.Chain chain = parent.enter(p.key, stage.key());
        MemberEntity member = d.memberId() == null ? null : visibleMember(d.memberId());
        Instant now = clock.now();
        TaskEntity t = new TaskEntity();
        t.id = Ids.newUuid();
        t.pipelineId = p.id;
        t.orgUnitId = unitOf(d.orgUnitId(), member, p);
        t.memberId = member == null ? null : member.id;
        apply(t, d);
        t.stage = stage.key();
        t.createdBy = caller.id();
        t.createdAt = now;
        t.updatedAt = now;
        if (t.assigneeId == null) {
            t.assigneeId = ruleAssignee(p, stage, t);
        }
        errors = TaskRules.entryErrors(
                null, stage, withReason(draft(t), d.abandonReason()), Arrays.asList(p.abandonReasons));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        checkWip(p, stage, placement, caller);
        t.rank = rank(p, stage.key(), placement, null);
        enter(t, stage, d.abandonReason(), now);
        em.persist(t);
        Flush.now(em);
        journal.history(t, "CREATED", null, t.stage, null, null, t.assigneeId, null, now, caller.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assigneeId", t.assigneeId);
        data.put("by", caller.id());
        journal.timeline(t, p.key, "CREATED", now, data);
        closed(p, t, null, now, caller);
        audit.record("task.created", "task", t.id, t.memberId, Snapshots.of(draft(t)));
        runAutomations(p, t, stage, chain, caller);
        return t;
    }

    @Override
    @Transactional
    public Task get(String id) {
        access.require(Permission.TASK_READ);
        return map(visible(id, false));
    }

    @Override
    @Transactional
    public Task update(String id, Long expectedVersion, UnaryOperator<TaskDraft> changes, Placement placement) {
        Caller caller = access.require(Permission.TASK_WRITE);
        Placement place = placement == null ? Placement.NONE : placement;
        // Locks in the order a pipeline edit takes them, pipeline then cards, so the two never deadlock: the
        // definition is shared-locked (an edit waits for the move, or the move sees the edited definition), then the
        // card's row lock serialises changes of one card. The second of two concurrent moves reads the first one's
        // result and version under its lock, so nothing is lost and a stale If-Match is refused.
        TaskEntity t = visible(id, false);
        PipelineEntity p = em.find(PipelineEntity.class, t.pipelineId);
        shareLock(p);
        em.refresh(t, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != t.version) {
            throw new StaleVersionException("task", t.version);
        }
        TaskDraft current = draft(t);
        TaskDraft wanted = changes.apply(current);
        List<FieldError> errors = TaskRules.validate(wanted);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TaskDraft d = TaskRules.normalize(wanted);
        if (!Objects.equals(d.pipelineId(), current.pipelineId())) {
            throw ValidationException.of(
                    "pipelineId", "immutable", "a card stays in its pipeline; create a card in the other one");
        }
        Stage from = Pipelines.stage(p, t.stage);
        Stage to = d.stage() == null ? from : Pipelines.stage(p, d.stage());
        if (to == null) {
            throw ValidationException.of("stage", "unknown-stage", "not a stage of this pipeline");
        }
        boolean moved = !to.key().equals(t.stage);
        if (place.overrideWipLimit() && !caller.has(Permission.TASK_WIP_OVERRIDE)) {
            throw new ForbiddenException("overriding a WIP limit needs the TASK_WIP_OVERRIDE permission");
        }
        MemberEntity member = t.memberId == null ? null : em.find(MemberEntity.class, t.memberId);
        if (!Objects.equals(d.memberId(), current.memberId())) {
            member = d.memberId() == null ? null : visibleMember(d.memberId());
        }
        UUID unit = t.orgUnitId;
        if (!Objects.equals(d.orgUnitId(), current.orgUnitId())) {
            unit = unitOf(d.orgUnitId(), member, p);
        }
        Map<String, Object> before = Snapshots.of(current);
        String fromAssignee = t.assigneeId;
        String fromStage = t.stage;
        Instant fromEntered = t.stageEnteredAt;
        CloseReason wasClosed = t.closeReason == null ? null : CloseReason.valueOf(t.closeReason);
        apply(t, d);
        t.memberId = member == null ? null : member.id;
        t.orgUnitId = unit;
        Instant now = clock.now();
        if (moved) {
            if (t.assigneeId == null) {
                t.assigneeId = ruleAssignee(p, to, t);
            }
            errors = TaskRules.entryErrors(
                    from, to, withReason(draft(t), d.abandonReason()), Arrays.asList(p.abandonReasons));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            checkWip(p, to, place, caller);
        }
        if (moved || place.positioned()) {
            t.rank = rank(p, to.key(), place, t.id);
        }
        if (moved) {
            t.stage = to.key();
            enter(t, to, d.abandonReason(), now);
        } else if (to.category() != StageCategory.DROPPED) {
            t.abandonReason = null;
        }
        Map<String, Object> after = Snapshots.of(draft(t));
        if (before.equals(after) && !moved && !place.positioned()) {
            return map(t);
        }
        t.updatedAt = now;
        try {
            Flush.now(em);
        } catch (StaleVersionException | OptimisticLockException e) {
            throw new StaleVersionException("task", -1);
        }
        if (moved) {
            journal.history(t, "STAGE", fromStage, t.stage, fromEntered, null, null, null, now, caller.id());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", fromStage);
            data.put("to", t.stage);
            data.put("by", caller.id());
            journal.timeline(t, p.key, "MOVED", now, data);
            closed(p, t, wasClosed, now, caller);
        }
        if (!Objects.equals(fromAssignee, t.assigneeId)) {
            assigned(p, t, fromAssignee, now, caller.id());
        }
        Map<String, Object> change = new LinkedHashMap<>(Snapshots.diff(before, after));
        if (place.positioned() || moved) {
            change.put("rank", t.rank);
        }
        if (place.overrideWipLimit() && moved && to.wipLimit() != null) {
            change.put("wipLimitOverridden", true);
        }
        audit.record("task.updated", "task", t.id, t.memberId, change);
        if (moved) {
            runAutomations(p, t, to, Automations.Chain.start().enter(p.key, to.key()), caller);
        }
        return map(t);
    }

    @Override
    @Transactional
    public Page<Task> list(TaskQuery query) {
        access.require(Permission.TASK_READ);
        PageRequest page = query.page() == null ? PageRequest.first() : query.page();
        if (query.dueFrom() != null && query.dueTo() != null && query.dueTo().isBefore(query.dueFrom())) {
            throw ValidationException.of("dueTo", "before-from", "dueTo cannot be before dueFrom");
        }
        Access.Scope scope = access.scope();
        if (!scope.unrestricted() && scope.paths().isEmpty()) {
            return Page.empty();
        }
        UUID pipelineId = null;
        if (query.pipelineId() != null) {
            pipelineId = pipelines.visible(query.pipelineId(), false).id;
        }
        UUID memberId = null;
        if (query.memberId() != null) {
            memberId = Ids.parse(query.memberId()).orElseThrow(() -> new NotFoundException("member", query.memberId()));
        }
        String subtree = query.orgUnitId() == null ? null : access.visibleUnit(query.orgUnitId()).path;
        String tag = "tasks"
                + Integer.toHexString(Objects.hash(
                        query.pipelineId(),
                        query.assigneeId(),
                        query.memberId(),
                        query.orgUnitId(),
                        query.label(),
                        String.valueOf(query.dueFrom()),
                        String.valueOf(query.dueTo()),
                        String.valueOf(query.category())));
        UUID beforeId = null;
        if (page.cursor() != null) {
            beforeId = Cursors.id(Cursors.decode(page.cursor(), tag, 1).get(0));
        }
        List<TaskEntity> rows =
                run(TaskSql.list(query, pipelineId, memberId, scopePaths(scope), subtree, beforeId, page.limit() + 1));
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = Cursors.encode(tag, rows.get(rows.size() - 1).id);
        }
        return new Page<>(rows.stream().map(DefaultTaskService::map).toList(), next);
    }

    @Override
    @Transactional
    public Board board(String pipelineIdOrKey, String orgUnitId, int perColumn) {
        access.require(Permission.TASK_READ);
        if (perColumn < 1 || perColumn > MAX_PER_COLUMN) {
            throw ValidationException.of("perColumn", "range", "perColumn must be between 1 and " + MAX_PER_COLUMN);
        }
        PipelineEntity p = pipelines.visible(pipelineIdOrKey, false);
        Access.Scope scope = access.scope();
        String subtree = orgUnitId == null ? null : access.visibleUnit(orgUnitId).path;
        Map<String, Long> counts = new HashMap<>();
        if (scope.unrestricted() || !scope.paths().isEmpty()) {
            SqlQuery q = TaskSql.counts(p.id, scopePaths(scope), subtree);
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement ps = q.prepare(c);
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            });
        }
        List<BoardColumn> columns = new ArrayList<>();
        for (Stage s : p.stages) {
            Page<Task> cards = counts.getOrDefault(s.key(), 0L) == 0
                    ? Page.empty()
                    : columnPage(p, s.key(), scope, subtree, orgUnitId, new PageRequest(perColumn, null));
            columns.add(new BoardColumn(s, counts.getOrDefault(s.key(), 0L), cards));
        }
        return new Board(Pipelines.map(p), columns);
    }

    @Override
    @Transactional
    public Page<Task> column(String pipelineIdOrKey, String stage, String orgUnitId, PageRequest page) {
        access.require(Permission.TASK_READ);
        PipelineEntity p = pipelines.visible(pipelineIdOrKey, false);
        if (stage == null || Pipelines.stage(p, stage) == null) {
            throw new NotFoundException("stage", String.valueOf(stage));
        }
        Access.Scope scope = access.scope();
        if (!scope.unrestricted() && scope.paths().isEmpty()) {
            return Page.empty();
        }
        String subtree = orgUnitId == null ? null : access.visibleUnit(orgUnitId).path;
        return columnPage(p, stage, scope, subtree, orgUnitId, page == null ? PageRequest.first() : page);
    }

    private Page<Task> columnPage(
            PipelineEntity p, String stage, Access.Scope scope, String subtree, String orgUnitId, PageRequest page) {
        String tag = "column" + Integer.toHexString(Objects.hash(p.id.toString(), stage, orgUnitId));
        String afterRank = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), tag, 2);
            afterRank = v.get(0);
            afterId = Cursors.id(v.get(1));
        }
        List<TaskEntity> rows =
                run(TaskSql.column(p.id, stage, scopePaths(scope), subtree, afterRank, afterId, page.limit() + 1));
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            TaskEntity last = rows.get(rows.size() - 1);
            next = Cursors.encode(tag, last.rank, last.id);
        }
        return new Page<>(rows.stream().map(DefaultTaskService::map).toList(), next);
    }

    @Override
    @Transactional
    public MyTasks myTasks(int perSection) {
        PageRequest first = PageRequest.of(perSection, null);
        return new MyTasks(
                myTasks(DueBucket.OVERDUE, first), myTasks(DueBucket.TODAY, first), myTasks(DueBucket.UPCOMING, first));
    }

    @Override
    @Transactional
    public Page<Task> myTasks(DueBucket bucket, PageRequest page) {
        Caller caller = access.require(Permission.TASK_READ);
        Access.Scope scope = access.scope();
        if (!scope.unrestricted() && scope.paths().isEmpty()) {
            return Page.empty();
        }
        PageRequest pr = page == null ? PageRequest.first() : page;
        String tag = "my-tasks-" + bucket.name();
        String afterDue = null;
        UUID afterId = null;
        if (pr.cursor() != null) {
            List<String> v = Cursors.decode(pr.cursor(), tag, 2);
            afterDue = v.get(0);
            if (!afterDue.equals("infinity")) {
                try {
                    LocalDate.parse(afterDue);
                } catch (RuntimeException e) {
                    throw ValidationException.of(
                            "cursor", "invalid-cursor", "the cursor is not one of this list; start again");
                }
            }
            afterId = Cursors.id(v.get(1));
        }
        List<TaskEntity> rows = run(
                TaskSql.mine(caller.id(), bucket, clock.today(), scopePaths(scope), afterDue, afterId, pr.limit() + 1));
        String next = null;
        if (rows.size() > pr.limit()) {
            rows = rows.subList(0, pr.limit());
            TaskEntity last = rows.get(rows.size() - 1);
            next = Cursors.encode(tag, last.dueOn == null ? "infinity" : last.dueOn.toString(), last.id);
        }
        return new Page<>(rows.stream().map(DefaultTaskService::map).toList(), next);
    }

    @Override
    @Transactional
    public Page<TaskChange> history(String id, PageRequest page) {
        access.require(Permission.TASK_READ);
        TaskEntity t = visible(id, false);
        PageRequest pr = page == null ? PageRequest.first() : page;
        String tag = "task-history";
        Instant afterAt = null;
        UUID afterId = null;
        if (pr.cursor() != null) {
            List<String> v = Cursors.decode(pr.cursor(), tag, 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        Instant at0 = afterAt;
        UUID id0 = afterId;
        List<TaskChange> rows = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, kind, from_stage, to_stage, from_assignee,"
                    + " to_assignee, reason, at, by_id from task_history where task_id = ?"
                    + (id0 == null ? "" : " and (at, id) > (?, ?)")
                    + " order by at, id limit " + (pr.limit() + 1))) {
                ps.setObject(1, t.id);
                if (id0 != null) {
                    ps.setObject(2, OffsetDateTime.ofInstant(at0, java.time.ZoneOffset.UTC));
                    ps.setObject(3, id0);
                }
                List<TaskChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TaskChange(
                                rs.getObject(1, UUID.class).toString(),
                                t.id.toString(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class).toInstant(),
                                rs.getString(9)));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > pr.limit()) {
            rows = rows.subList(0, pr.limit());
            TaskChange last = rows.get(rows.size() - 1);
            next = Cursors.encode(tag, last.at(), last.id());
        }
        return new Page<>(rows, next);
    }

    @Override
    @Transactional
    public TaskComment comment(String id, String body) {
        Caller caller = access.require(Permission.TASK_WRITE);
        TaskEntity t = visible(id, false);
        String text = Texts.clean(body);
        if (text == null) {
            throw ValidationException.of("body", "required", "body is required");
        }
        if (text.codePointCount(0, text.length()) > TaskRules.MAX_COMMENT_LENGTH) {
            throw ValidationException.of("body", "too-long", "at most " + TaskRules.MAX_COMMENT_LENGTH + " characters");
        }
        UUID commentId = Ids.newUuid();
        Instant now = clock.now();
        em.createNativeQuery("insert into task_comment (id, task_id, author_id, author_name, body, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, commentId)
                .setParameter(2, t.id)
                .setParameter(3, caller.id())
                .setParameter(4, caller.displayName())
                .setParameter(5, text)
                .setParameter(6, now)
                .executeUpdate();
        audit.record("task.commented", "task", t.id, t.memberId, Map.of("commentId", commentId.toString()));
        return new TaskComment(commentId.toString(), t.id.toString(), caller.id(), caller.displayName(), text, now);
    }

    @Override
    @Transactional
    public Page<TaskComment> comments(String id, PageRequest page) {
        access.require(Permission.TASK_READ);
        TaskEntity t = visible(id, false);
        PageRequest pr = page == null ? PageRequest.first() : page;
        UUID after = pr.cursor() == null
                ? null
                : Cursors.id(Cursors.decode(pr.cursor(), "task-comments", 1).get(0));
        List<TaskComment> rows = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, author_id, author_name, body, created_at from task_comment where task_id = ?"
                            + (after == null ? "" : " and id > ?") + " order by id limit " + (pr.limit() + 1))) {
                ps.setObject(1, t.id);
                if (after != null) {
                    ps.setObject(2, after);
                }
                List<TaskComment> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TaskComment(
                                rs.getObject(1, UUID.class).toString(),
                                t.id.toString(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > pr.limit()) {
            rows = rows.subList(0, pr.limit());
            next = Cursors.encode("task-comments", rows.get(rows.size() - 1).id());
        }
        return new Page<>(rows, next);
    }

    // --- moves ------------------------------------------------------------------------------------------------------

    /** The bookkeeping of entering a stage: when, the SLA clock, and closing or reopening. */
    private static void enter(TaskEntity t, Stage stage, String abandonReason, Instant now) {
        t.stageCategory = stage.category().name();
        t.stageEnteredAt = now;
        t.slaDueAt = stage.slaDays() == null ? null : now.plus(Duration.ofDays(stage.slaDays()));
        t.escalatedAt = null;
        if (stage.category() == StageCategory.DONE) {
            t.closeReason = CloseReason.DONE.name();
            t.abandonReason = null;
            t.closedAt = now;
        } else if (stage.category() == StageCategory.DROPPED) {
            t.closeReason = CloseReason.ABANDONED.name();
            t.abandonReason = abandonReason;
            t.closedAt = now;
        } else {
            t.closeReason = null;
            t.abandonReason = null;
            t.closedAt = null;
        }
    }

    /** History and timeline of a card that was closed, reclosed or reopened by entering its stage. */
    private void closed(PipelineEntity p, TaskEntity t, CloseReason before, Instant now, Caller caller) {
        if (t.closeReason == null) {
            if (before != null) {
                journal.history(t, "REOPENED", null, t.stage, null, null, null, null, now, caller.id());
            }
            return;
        }
        boolean done = t.closeReason.equals(CloseReason.DONE.name());
        journal.history(
                t,
                done ? "COMPLETED" : "ABANDONED",
                null,
                t.stage,
                null,
                null,
                null,
                t.abandonReason,
                now,
                caller.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("closeReason", t.closeReason);
        data.put("abandonReason", t.abandonReason);
        data.put("by", caller.id());
        journal.timeline(t, p.key, "CLOSED", now, data);
    }

    private void assigned(PipelineEntity p, TaskEntity t, String fromAssignee, Instant now, String by) {
        journal.history(t, "ASSIGNEE", null, null, null, fromAssignee, t.assigneeId, null, now, by);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", fromAssignee);
        data.put("to", t.assigneeId);
        data.put("by", by);
        journal.timeline(t, p.key, "ASSIGNED", now, data);
    }

    /** The assignee the stage's rule gives a card, or {@code null}. */
    private String ruleAssignee(PipelineEntity p, Stage stage, TaskEntity t) {
        if (stage.assigneeRule() == null) {
            return null;
        }
        return extensions
                .assign(new AssignmentRequest(
                        p.id.toString(),
                        p.key,
                        stage.key(),
                        stage.assigneeRule(),
                        t.id.toString(),
                        t.memberId == null ? null : t.memberId.toString(),
                        t.orgUnitId.toString()))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(null);
    }

    /**
     * Refuses entering a stage at its WIP limit unless overridden. Entries into one limited stage are serialised by
     * a transaction-scoped advisory lock, so two concurrent moves cannot both take its last place.
     */
    private void checkWip(PipelineEntity p, Stage stage, Placement placement, Caller caller) {
        if (stage.wipLimit() == null) {
            return;
        }
        lookup("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, "task-wip:" + p.id + "/" + stage.key())
                .getSingleResult();
        long open = ((Number) lookup("select count(*) from task where pipeline_id = ?1 and stage = ?2"
                                + " and closed_at is null")
                        .setParameter(1, p.id)
                        .setParameter(2, stage.key())
                        .getSingleResult())
                .longValue();
        if (open >= stage.wipLimit()) {
            if (placement.overrideWipLimit()) {
                if (!caller.has(Permission.TASK_WIP_OVERRIDE)) {
                    throw new ForbiddenException("overriding a WIP limit needs the TASK_WIP_OVERRIDE permission");
                }
                return;
            }
            throw new ConflictException(
                    "wip-limit-reached",
                    "stage " + stage.key() + " holds " + open + " open card(s), its WIP limit is " + stage.wipLimit()
                            + "; finish one first, or override with the TASK_WIP_OVERRIDE permission");
        }
    }

    /**
     * The rank of a card placed in a column: between its new neighbours, or at the end. One new string; the column
     * is renumbered only when neighbours share a rank or the new rank would be too long.
     */
    private String rank(PipelineEntity p, String stage, Placement placement, UUID self) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String low;
            String high;
            if (placement.afterId() != null) {
                Neighbour after = neighbour(p, stage, placement.afterId(), "afterId", self);
                low = after.rank;
                high = placement.beforeId() != null
                        ? neighbour(p, stage, placement.beforeId(), "beforeId", self).rank
                        : adjacent(p, stage, after, self, true);
            } else if (placement.beforeId() != null) {
                Neighbour before = neighbour(p, stage, placement.beforeId(), "beforeId", self);
                high = before.rank;
                low = adjacent(p, stage, before, self, false);
            } else {
                low = lastRank(p, stage, self);
                high = null;
            }
            if (low != null && high != null && low.compareTo(high) >= 0) {
                // neighbours found by adjacency are never inverted; two named ones may be
                if (!low.equals(high)) {
                    throw ValidationException.of(
                            "beforeId", "not-after", "the card named in beforeId is not below the one in afterId");
                }
                // two cards share a rank (appended to one column at the same moment): renumber, then retry
                rebalance(p, stage, self);
                continue;
            }
            // appending to the end keeps the rank's length; placing between neighbours halves their gap
            String r = high == null ? Ranks.after(low) : Ranks.between(low, high);
            if (r.length() > Ranks.MAX_LENGTH && attempt == 0) {
                rebalance(p, stage, self);
                continue;
            }
            return r;
        }
        throw new IllegalStateException("no rank found after renumbering the column");
    }

    private record Neighbour(UUID id, String rank) {}

    private Neighbour neighbour(PipelineEntity p, String stage, String id, String path, UUID self) {
        UUID uuid = Ids.parse(id.strip()).orElse(null);
        @SuppressWarnings("unchecked")
        List<String> rows = uuid == null || uuid.equals(self)
                ? List.of()
                : lookup("select rank from task where id = ?1 and pipeline_id = ?2 and stage = ?3")
                        .setParameter(1, uuid)
                        .setParameter(2, p.id)
                        .setParameter(3, stage)
                        .getResultList();
        if (rows.isEmpty()) {
            throw ValidationException.of(path, "not-in-column", "no such card in the target stage");
        }
        return new Neighbour(uuid, rows.get(0));
    }

    /** The rank right above ({@code next}) or below a card in its column, leaving out the card being placed. */
    @SuppressWarnings("unchecked")
    private String adjacent(PipelineEntity p, String stage, Neighbour n, UUID self, boolean next) {
        Query q = lookup("select rank from task where pipeline_id = ?1 and stage = ?2"
                        + " and (rank, id) " + (next ? ">" : "<") + " (?3, ?4)"
                        + (self == null ? "" : " and id <> ?5")
                        + " order by rank " + (next ? "" : "desc") + ", id " + (next ? "" : "desc") + " limit 1")
                .setParameter(1, p.id)
                .setParameter(2, stage)
                .setParameter(3, n.rank)
                .setParameter(4, n.id);
        if (self != null) {
            q.setParameter(5, self);
        }
        List<String> rows = q.getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String lastRank(PipelineEntity p, String stage, UUID self) {
        Query q = lookup("select rank from task where pipeline_id = ?1 and stage = ?2"
                        + (self == null ? "" : " and id <> ?3") + " order by rank desc, id desc limit 1")
                .setParameter(1, p.id)
                .setParameter(2, stage);
        if (self != null) {
            q.setParameter(3, self);
        }
        @SuppressWarnings("unchecked")
        List<String> rows = q.getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Renumbers a column evenly in its current order (the card being placed left out); versions are untouched. */
    private void rebalance(PipelineEntity p, String stage, UUID self) {
        lookup("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, "task-rank:" + p.id + "/" + stage)
                .getSingleResult();
        Query q = lookup("select id from task where pipeline_id = ?1 and stage = ?2"
                        + (self == null ? "" : " and id <> ?3") + " order by rank, id")
                .setParameter(1, p.id)
                .setParameter(2, stage);
        if (self != null) {
            q.setParameter(3, self);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = q.getResultList();
        List<String> ranks = Ranks.spread(ids.size());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update task t set rank = r.rank" + " from unnest(?, ?) as r(id, rank) where t.id = r.id")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                ps.setArray(2, c.createArrayOf("text", ranks.toArray()));
                ps.executeUpdate();
            }
        });
    }

    // --- automations ------------------------------------------------------------------------------------------------

    /**
     * Runs the pipeline's automations for a card that entered a stage, in this transaction, as the caller with the
     * rights the actions need (within the caller's scope). A failing action fails the whole change.
     */
    private void runAutomations(PipelineEntity p, TaskEntity t, Stage stage, Automations.Chain chain, Caller caller) {
        List<Automation> rules = Automations.matching(p.automations, AutomationTrigger.ENTER_STAGE, stage.key());
        if (rules.isEmpty()) {
            return;
        }
        Caller actor = automationCaller(caller);
        callers.runAs(actor, () -> {
            for (Automation a : rules) {
                run(p, t, a, chain, actor);
            }
            return null;
        });
        Flush.now(em);
    }

    private void run(PipelineEntity p, TaskEntity t, Automation a, Automations.Chain chain, Caller actor) {
        int index = p.automations.indexOf(a);
        String path = "automations[" + index + "]";
        Instant now = clock.now();
        switch (a.action()) {
            case CREATE_TASK -> {
                PipelineEntity target = pipelines.find(a.pipelineKey(), false);
                if (target == null) {
                    throw ValidationException.of(path + ".pipelineKey", "unknown-pipeline", "no such pipeline");
                }
                TaskDraft d = new TaskDraft(
                        target.id.toString(),
                        a.stageKey(),
                        t.memberId == null ? null : t.memberId.toString(),
                        t.orgUnitId.toString(),
                        a.title() == null ? t.title : a.title(),
                        null,
                        null,
                        List.of(),
                        TaskPriority.NORMAL,
                        null,
                        List.of(),
                        List.of(),
                        null);
                try {
                    create(d, Placement.NONE, chain, actor);
                } catch (ValidationException e) {
                    throw prefixed(path + ".created", e);
                }
            }
            case SET_MEMBER_STATUS -> {
                if (t.memberId != null) {
                    try {
                        members.update(t.memberId.toString(), null, m -> m.withStatus(a.memberStatus()));
                    } catch (ValidationException e) {
                        throw prefixed(path + ".member", e);
                    }
                }
            }
            case ADD_TAG -> {
                if (t.memberId != null) {
                    try {
                        members.update(t.memberId.toString(), null, m -> {
                            Set<String> tags = new LinkedHashSet<>(m.tags() == null ? Set.of() : m.tags());
                            tags.add(a.tag());
                            return m.toBuilder().tags(tags).build();
                        });
                    } catch (ValidationException e) {
                        throw prefixed(path + ".member", e);
                    }
                }
            }
            case ASSIGN -> {
                if (!a.staffId().equals(t.assigneeId)) {
                    String from = t.assigneeId;
                    t.assigneeId = a.staffId();
                    t.updatedAt = now;
                    Flush.now(em);
                    assigned(p, t, from, now, actor.id());
                }
            }
            case NOTIFY ->
                extensions.notify(new TaskNotification(
                        "AUTOMATION",
                        t.id.toString(),
                        p.id.toString(),
                        t.stage,
                        TaskRules.recipients(t.assigneeId, Arrays.asList(t.watchers)),
                        a.message()));
            case RAISE_PRIORITY -> {
                // only on SLA breach; definitions refuse it here
            }
        }
    }

    private static ValidationException prefixed(String prefix, ValidationException e) {
        return new ValidationException(e.errors().stream()
                .map(f -> new FieldError(
                        prefix + (f.path().isEmpty() ? "" : "." + f.path()),
                        f.code(),
                        "an automation of this pipeline failed: " + f.message()))
                .toList());
    }

    /** The caller, with the rights automations need, within the caller's own scope. */
    static Caller automationCaller(Caller caller) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        permissions.addAll(caller.permissions());
        permissions.addAll(EnumSet.of(
                Permission.MEMBER_READ, Permission.MEMBER_WRITE, Permission.TASK_READ, Permission.TASK_WRITE));
        return new Caller(
                caller.id(),
                caller.kind(),
                caller.displayName(),
                permissions,
                caller.scopeOrgUnitIds(),
                caller.unrestricted(),
                caller.source());
    }

    // --- lookups ----------------------------------------------------------------------------------------------------

    /**
     * Takes a share lock on a pipeline's row and reads its current definition: edits of the pipeline wait until this
     * transaction ends, and this one works with the definition as it is now, not as it was first read.
     */
    private void shareLock(PipelineEntity p) {
        lookup("select 1 from pipeline where id = ?1 for share")
                .setParameter(1, p.id)
                .getSingleResult();
        em.refresh(p);
    }

    /** A card the caller may see; locked for update when asked. */
    private TaskEntity visible(String id, boolean lock) {
        UUID uuid = Ids.parse(id).orElseThrow(() -> new NotFoundException("task", id));
        TaskEntity t = lock
                ? em.find(TaskEntity.class, uuid, LockModeType.PESSIMISTIC_WRITE)
                : em.find(TaskEntity.class, uuid);
        if (t == null) {
            throw new NotFoundException("task", id);
        }
        OrgUnitEntity unit = em.find(OrgUnitEntity.class, t.orgUnitId);
        if (!access.scope().contains(unit.path)) {
            throw new NotFoundException("task", id);
        }
        return t;
    }

    private MemberEntity visibleMember(String id) {
        MemberEntity m = Ids.parse(id).map(u -> em.find(MemberEntity.class, u)).orElse(null);
        if (m == null || m.mergedIntoId != null) {
            throw ValidationException.of("memberId", "unknown-member", "no such member in your scope");
        }
        OrgUnitEntity unit = em.find(OrgUnitEntity.class, m.orgUnitId);
        if (!access.scope().contains(unit.path)) {
            throw ValidationException.of("memberId", "unknown-member", "no such member in your scope");
        }
        return m;
    }

    /** The unit of a card: the one given, else the member's home unit, else the pipeline's. */
    private UUID unitOf(String orgUnitId, MemberEntity member, PipelineEntity p) {
        if (orgUnitId != null) {
            try {
                return access.visibleUnit(orgUnitId).id;
            } catch (NotFoundException e) {
                throw ValidationException.of("orgUnitId", "unknown-org-unit", "no such org unit in your scope");
            }
        }
        if (member != null) {
            return member.orgUnitId;
        }
        if (p.orgUnitId != null) {
            OrgUnitEntity unit = em.find(OrgUnitEntity.class, p.orgUnitId);
            if (access.scope().contains(unit.path)) {
                return unit.id;
            }
        }
        throw ValidationException.of(
                "orgUnitId", "required", "a card without a member needs an org unit in your scope");
    }

    /**
     * A native query about other rows, run while the card is being changed: without the automatic flush a native
     * query otherwise triggers, so the card is written once, with its version bumped once.
     */
    private Query lookup(String sql) {
        return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
    }

    private static String scopePaths(Access.Scope scope) {
        return scope.unrestricted() ? null : scope.pathsLiteral();
    }

    private List<TaskEntity> run(SqlQuery sql) {
        Query q = em.createNativeQuery(sql.sql(), TaskEntity.class);
        for (int i = 0; i < sql.params().size(); i++) {
            q.setParameter(i + 1, sql.params().get(i));
        }
        @SuppressWarnings("unchecked")
        List<TaskEntity> rows = q.getResultList();
        return rows;
    }

    private static void apply(TaskEntity t, TaskDraft d) {
        t.title = d.title();
        t.description = d.description();
        t.assigneeId = d.assigneeId();
        t.watchers = d.watchers().toArray(String[]::new);
        t.priority = d.priority().name();
        t.dueOn = d.dueOn();
        t.labels = d.labels().toArray(String[]::new);
        t.checklist = new ArrayList<>(d.checklist());
    }

    private static TaskDraft withReason(TaskDraft d, String abandonReason) {
        return new TaskDraft(
                d.pipelineId(),
                d.stage(),
                d.memberId(),
                d.orgUnitId(),
                d.title(),
                d.description(),
                d.assigneeId(),
                d.watchers(),
                d.priority(),
                d.dueOn(),
                d.labels(),
                d.checklist(),
                abandonReason);
    }

    static TaskDraft draft(TaskEntity t) {
        return new TaskDraft(
                t.pipelineId.toString(),
                t.stage,
                t.memberId == null ? null : t.memberId.toString(),
                t.orgUnitId == null ? null : t.orgUnitId.toString(),
                t.title,
                t.description,
                t.assigneeId,
                List.of(t.watchers),
                TaskPriority.valueOf(t.priority),
                t.dueOn,
                List.of(t.labels),
                List.copyOf(t.checklist),
                t.abandonReason);
    }

    static Task map(TaskEntity t) {
        return new Task(
                t.id.toString(),
                t.pipelineId.toString(),
                t.stage,
                StageCategory.valueOf(t.stageCategory),
                t.rank,
                t.memberId == null ? null : t.memberId.toString(),
                t.orgUnitId.toString(),
                t.title,
                t.description,
                t.assigneeId,
                List.of(t.watchers),
                TaskPriority.valueOf(t.priority),
                t.dueOn,
                List.of(t.labels),
                List.copyOf(t.checklist),
                t.closeReason == null ? null : CloseReason.valueOf(t.closeReason),
                t.abandonReason,
                t.closedAt,
                t.stageEnteredAt,
                t.slaDueAt,
                t.escalatedAt,
                t.createdBy,
                t.createdAt,
                t.updatedAt,
                t.version);
    }
}
