package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "attribute_definition")
public class AttributeDefinitionEntity {
    @Id
    public String key;

    public String type;
    public boolean required;

    /** Language code → label. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> labels;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<OptionJson> options;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public record OptionJson(String value, Map<String, String> labels) {}
}
