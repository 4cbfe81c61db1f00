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

/** Read side of interaction revisions; rows are appended with SQL. */
@Entity
@Table(name = "interaction_revision")
public class InteractionRevisionEntity {
    @Id
    public UUID id;

    @Column(name = "interaction_id")
    public UUID interactionId;

    public int revision;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_by_name")
    public String changedByName;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Map<String, Object>> changes;

    public boolean deleted;
}
