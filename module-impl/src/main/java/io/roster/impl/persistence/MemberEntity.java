package io.roster.impl.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "member")
public class MemberEntity {
    @Id
    public UUID id;

    @Column(name = "org_unit_id")
    public UUID orgUnitId;

    @Column(name = "given_name")
    public String givenName;

    public String patronymic;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String gender;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    public String status;

    @Column(name = "membership_number")
    public String membershipNumber;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "support_level")
    public Short supportLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<PositionJson> positions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] skills = new String[0];

    @Column(name = "telegram_username")
    public String telegramUsername;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "do_not_contact")
    public String[] doNotContact = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_attributes")
    public Map<String, Object> customAttributes = new TreeMap<>();

    @Column(name = "search_key")
    public String searchKey;

    @Column(name = "sort_key")
    public String sortKey;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "merged_into_id")
    public UUID mergedIntoId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind, position")
    public List<MemberContactEntity> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("channel")
    public List<MemberConsentEntity> consents = new ArrayList<>();

    /** A position as stored in the {@code positions} jsonb column; dates as ISO strings. */
    public record PositionJson(String title, String orgUnitId, String since, String until) {}
}
