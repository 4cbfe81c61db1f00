package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "api_key")
public class ApiKeyEntity {
    @Id
    public UUID id;

    public String name;
    public String prefix;

    @Column(name = "secret_hash")
    public byte[] secretHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] permissions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "org_unit_ids")
    public UUID[] orgUnitIds;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
