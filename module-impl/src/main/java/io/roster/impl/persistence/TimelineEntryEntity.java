package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Read side of the timeline; rows are written by {@code TimelineWriter} with SQL. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntryEntity {
    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    public String kind;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String type;
    public String channel;

    @Column(name = "ref_id")
    public UUID refId;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;
}
