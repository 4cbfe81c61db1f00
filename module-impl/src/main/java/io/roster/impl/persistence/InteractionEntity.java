package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "interaction")
public class InteractionEntity {
    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "org_unit_id")
    public UUID orgUnitId;

    public String type;
    public String direction;
    public String channel;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    public String subject;
    public String body;
    public String outcome;
    public String phone;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "task_id")
    public UUID taskId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = new String[0];

    public String source;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    @Version
    public long version;
}
