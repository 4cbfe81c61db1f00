package io.roster.impl.persistence;

import io.roster.api.pipeline.Automation;
import io.roster.api.pipeline.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A pipeline definition. Stages and automations are one jsonb document each: they are small, always read and
 * edited together with the pipeline, and versioned by it.
 */
@Entity
@Table(name = "pipeline")
public class PipelineEntity {
    @Id
    public UUID id;

    public String key;

    @Column(name = "org_unit_id")
    public UUID orgUnitId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> names = new TreeMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Stage> stages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Automation> automations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "abandon_reasons")
    public String[] abandonReasons = new String[0];

    public String template;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
