package io.roster.impl.persistence;

import io.roster.api.pipeline.ChecklistItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A card of a pipeline. */
@Entity
@Table(name = "task")
public class TaskEntity {
    @Id
    public UUID id;

    @Column(name = "pipeline_id")
    public UUID pipelineId;

    @Column(name = "org_unit_id")
    public UUID orgUnitId;

    public String stage;

    @Column(name = "stage_category")
    public String stageCategory;

    public String rank;

    @Column(name = "member_id")
    public UUID memberId;

    public String title;
    public String description;

    @Column(name = "assignee_id")
    public String assigneeId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] watchers = new String[0];

    public String priority;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] labels = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ChecklistItem> checklist = new ArrayList<>();

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "abandon_reason")
    public String abandonReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "stage_entered_at")
    public Instant stageEnteredAt;

    @Column(name = "sla_due_at")
    public Instant slaDueAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
