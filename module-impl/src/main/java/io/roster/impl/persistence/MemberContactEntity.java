package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "member_contact")
public class MemberContactEntity {
    public static final String PHONE = "PHONE";
    public static final String EMAIL = "EMAIL";
    public static final String ADDRESS = "ADDRESS";

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public MemberEntity member;

    public String kind;
    public int position;
    public String value;
    public String lookup;
    public String label;

    @Column(name = "is_primary")
    public boolean primary;

    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> details;
}
