package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "interaction_type")
public class InteractionTypeEntity {
    @Id
    public String key;

    /** Language code → label. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> labels;

    public boolean builtin;

    @Column(name = "counts_as_contact")
    public boolean countsAsContact;

    @Column(name = "created_at")
    public Instant createdAt;
}
