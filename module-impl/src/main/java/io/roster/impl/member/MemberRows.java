package io.roster.impl.member;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.roster.api.interaction.ContactFacts;
import io.roster.impl.common.JsonText;
import io.roster.impl.common.NamedSql;
import io.roster.impl.interaction.ContactFactsStore;
import io.roster.impl.persistence.MemberConsentEntity;
import io.roster.impl.persistence.MemberContactEntity;
import io.roster.impl.persistence.MemberEntity;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads one member profile over plain JDBC into a detached {@link MemberEntity}, for the profile read that is the most
 * frequent request of all: one statement of indexed lookups on the transaction's connection, no persistence-context
 * snapshots of the JSON attributes, nothing to dirty-check at commit. The detached entity is only ever mapped, never merged; the
 * write paths keep loading managed entities.
 */
final class MemberRows {
    private static final TypeReference<List<MemberEntity.PositionJson>> POSITIONS = new TypeReference<>() {};
    private static final TypeReference<TreeMap<String, Object>> ATTRIBUTES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    /**
     * The member, its home unit's path, its contacts and consents (as JSON arrays of rows) and its contact facts: one
     * statement, one round trip. Parameters: {@code :member} and those of {@link ContactFactsStore#COUNTS}.
     */
    static final NamedSql PROFILE = NamedSql.of("select m.id, m.org_unit_id, m.given_name, m.patronymic,"
            + " m.family_name, m.birth_date, m.gender, m.preferred_language, m.status, m.membership_number, m.joined_on,"
            + " m.left_on, m.support_level, m.positions::text, m.tags, m.skills, m.telegram_username, m.do_not_contact,"
            + " m.custom_attributes::text, m.archived_at, m.merged_into_id, m.created_at, m.updated_at, m.version,"
            + " u.path::text,"
            + " (select json_agg(json_build_array(c.kind, c.position, c.value, c.label, c.is_primary, c.status,"
            + "   c.details) order by c.kind, c.position) from member_contact c where c.member_id = m.id)::text,"
            + " (select json_agg(json_build_array(s.channel, s.granted, s.source, s.evidence, s.recorded_at,"
            + "   s.recorded_by) order by s.channel) from member_consent s where s.member_id = m.id)::text,"
            + " m.last_contact_at, m.last_contact_channel, m.last_outcome, f.contacts_30d, f.contacts_90d"
            + " from member m join org_unit u on u.id = m.org_unit_id"
            + " cross join lateral (" + ContactFactsStore.COUNTS + ") f"
            + " where m.id = :member");

    /** A member (contacts and consents filled), the path of its home unit, and its contact facts. */
    record Loaded(MemberEntity member, String unitPath, ContactFacts facts) {}

    private MemberRows() {}

    /** The member with this id as stored (a merged-away one too), or null when there is none. */
    static Loaded profile(Connection c, UUID id, Instant now) throws SQLException {
        Map<String, Object> values = new HashMap<>(ContactFactsStore.countParameters(now));
        values.put("member", id);
        try (PreparedStatement ps = c.prepareStatement(PROFILE.sql())) {
            PROFILE.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                MemberEntity e = new MemberEntity();
                e.id = rs.getObject(1, UUID.class);
                e.orgUnitId = rs.getObject(2, UUID.class);
                e.givenName = rs.getString(3);
                e.patronymic = rs.getString(4);
                e.familyName = rs.getString(5);
                e.birthDate = rs.getObject(6, LocalDate.class);
                e.gender = rs.getString(7);
                e.preferredLanguage = rs.getString(8);
                e.status = rs.getString(9);
                e.membershipNumber = rs.getString(10);
                e.joinedOn = rs.getObject(11, LocalDate.class);
                e.leftOn = rs.getObject(12, LocalDate.class);
                short level = rs.getShort(13);
                e.supportLevel = rs.wasNull() ? null : level;
                e.positions = new ArrayList<>(JsonText.read(rs.getString(14), POSITIONS));
                e.tags = strings(rs.getArray(15));
                e.skills = strings(rs.getArray(16));
                e.telegramUsername = rs.getString(17);
                e.doNotContact = strings(rs.getArray(18));
                e.customAttributes = JsonText.read(rs.getString(19), ATTRIBUTES);
                e.archivedAt = instant(rs, 20);
                e.mergedIntoId = rs.getObject(21, UUID.class);
                e.createdAt = instant(rs, 22);
                e.updatedAt = instant(rs, 23);
                e.version = rs.getLong(24);
                String path = rs.getString(25);
                e.contacts = contacts(e, rs.getString(26));
                e.consents = consents(e, rs.getString(27));
                return new Loaded(e, path, ContactFactsStore.read(rs, 28));
            }
        }
    }

    private static List<MemberContactEntity> contacts(MemberEntity e, String rows) throws SQLException {
        List<MemberContactEntity> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        for (JsonNode row : JsonText.tree(rows)) {
            MemberContactEntity contact = new MemberContactEntity();
            contact.member = e;
            contact.kind = row.get(0).asText();
            contact.position = row.get(1).asInt();
            contact.value = text(row.get(2));
            contact.label = text(row.get(3));
            contact.primary = row.get(4).asBoolean();
            contact.status = text(row.get(5));
            JsonNode details = row.get(6);
            contact.details =
                    details == null || details.isNull() ? null : JsonText.MAPPER.convertValue(details, DETAILS);
            out.add(contact);
        }
        return out;
    }

    private static List<MemberConsentEntity> consents(MemberEntity e, String rows) throws SQLException {
        List<MemberConsentEntity> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        for (JsonNode row : JsonText.tree(rows)) {
            MemberConsentEntity consent = new MemberConsentEntity();
            consent.member = e;
            consent.channel = row.get(0).asText();
            consent.granted = row.get(1).asBoolean();
            consent.source = text(row.get(2));
            consent.evidence = text(row.get(3));
            String at = text(row.get(4));
            consent.recordedAt = at == null ? null : OffsetDateTime.parse(at).toInstant();
            consent.recordedBy = text(row.get(5));
            out.add(consent);
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
