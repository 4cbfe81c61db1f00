package io.roster.impl.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.roster.api.common.Language;
import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.notification.NotificationTemplate;
import io.roster.api.notification.RenderedMessage;
import io.roster.api.notification.TemplateDraft;
import io.roster.api.notification.TemplateService;
import io.roster.api.notification.TemplateVariant;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Ids;
import io.roster.impl.common.JsonText;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Texts;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class DefaultTemplateService implements TemplateService {
    static final int MAX_TEXT = 4096;
    static final int MAX_HTML = 100_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "roster.notifications.fallback-language", defaultValue = "ru")
    String fallbackLanguage;

    @Inject
    @ConfigProperty(name = "roster.notifications.default-time-zone", defaultValue = "Europe/Moscow")
    String defaultZone;

    /** A stored template with its compiled variants, as the dispatcher uses it. */
    record Loaded(NotificationTemplate template, UUID unitId, String unitPath) {}

    @Override
    @Transactional
    public NotificationTemplate create(TemplateDraft draft) {
        Caller caller = access.require(Permission.TEMPLATE_WRITE);
        Map<String, TemplateVariant> variants = validate(draft);
        OrgUnitEntity unit = unitInScope(draft.orgUnitId());
        UUID id = Ids.newUuid();
        Instant now = clock.now();
        Sql.jdbc(em, c -> {
            requireFreeName(c, unit.id, draft.name().strip(), null);
            try (PreparedStatement ps = c.prepareStatement("insert into notification_template (id, org_unit_id, name,"
                    + " description, variants, created_at, created_by, updated_at, version)"
                    + " values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 0)")) {
                ps.setObject(1, id);
                ps.setObject(2, unit.id);
                ps.setString(3, draft.name().strip());
                ps.setString(4, Texts.clean(draft.description()));
                ps.setString(5, writeVariants(variants));
                ps.setObject(6, Sql.utc(now));
                ps.setString(7, caller.id());
                ps.setObject(8, Sql.utc(now));
                return ps.executeUpdate();
            }
        });
        NotificationTemplate t = load(id).template();
        audit.record(
                "notification-template.created",
                "notification-template",
                id,
                null,
                Map.of("name", t.name(), "orgUnitId", t.orgUnitId(), "languages", List.copyOf(variants.keySet())));
        return t;
    }

    @Override
    @Transactional
    public NotificationTemplate get(String id) {
        access.require(Permission.NOTIFICATION_READ);
        return visible(id).template();
    }

    @Override
    @Transactional
    public Page<NotificationTemplate> list(PageRequest page) {
        access.require(Permission.NOTIFICATION_READ);
        return Sql.newestFirst(
                em,
                "notification_template t where t.deleted_at is null",
                "t",
                "templates",
                access.scope(),
                page,
                DefaultTemplateService::map,
                x -> new Object[] {x.createdAt(), x.id()});
    }

    @Override
    @Transactional
    public NotificationTemplate update(String id, Long expectedVersion, UnaryOperator<TemplateDraft> changes) {
        access.require(Permission.TEMPLATE_WRITE);
        NotificationTemplate current = visible(id).template();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("notification template", current.version());
        }
        TemplateDraft after = changes.apply(current.toDraft());
        Map<String, TemplateVariant> variants = validate(after);
        OrgUnitEntity unit = unitInScope(after.orgUnitId());
        UUID tid = UUID.fromString(current.id());
        Sql.jdbc(em, c -> {
            requireFreeName(c, unit.id, after.name().strip(), tid);
            try (PreparedStatement ps = c.prepareStatement("update notification_template set org_unit_id = ?,"
                    + " name = ?, description = ?, variants = cast(? as jsonb), updated_at = ?,"
                    + " version = version + 1 where id = ?")) {
                ps.setObject(1, unit.id);
                ps.setString(2, after.name().strip());
                ps.setString(3, Texts.clean(after.description()));
                ps.setString(4, writeVariants(variants));
                ps.setObject(5, Sql.utc(clock.now()));
                ps.setObject(6, tid);
                return ps.executeUpdate();
            }
        });
        NotificationTemplate changed = load(tid).template();
        audit.record(
                "notification-template.updated",
                "notification-template",
                tid,
                null,
                Map.of("version", Map.of("from", current.version(), "to", changed.version())));
        return changed;
    }

    @Override
    @Transactional
    public void delete(String id) {
        access.require(Permission.TEMPLATE_WRITE);
        UUID tid = UUID.fromString(visible(id).template().id());
        Sql.softDelete(em, "notification_template", tid, clock.now());
        audit.record("notification-template.deleted", "notification-template", tid, null, Map.of());
    }

    @Override
    @Transactional
    public RenderedMessage preview(String id, String memberId) {
        access.require(Permission.NOTIFICATION_READ);
        access.require(Permission.MEMBER_READ);
        NotificationTemplate t = visible(id).template();
        Access.Scope scope = access.scope();
        UUID mid = Ids.parse(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
        Recipient r = Sql.jdbc(em, c -> {
            String path = null;
            try (PreparedStatement ps = c.prepareStatement("select u.path::text from member m join org_unit u"
                    + " on u.id = m.org_unit_id where m.id = ? and m.merged_into_id is null")) {
                ps.setObject(1, mid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        path = rs.getString(1);
                    }
                }
            }
            if (path == null || !scope.contains(path)) {
                return null;
            }
            return Sql.recipients(c, List.of(mid), zone()).get(mid);
        });
        if (r == null) {
            throw new NotFoundException("member", memberId);
        }
        return render(t, r, fallback());
    }

    /** Renders a template for a recipient: the member's language, else the fallback, else the first there is. */
    static RenderedMessage render(NotificationTemplate t, Recipient r, Language fallback) {
        Language lang = chooseLanguage(t.variants(), r.language(), fallback);
        TemplateVariant v = t.variants().get(lang.code());
        Map<String, Object> vars = r.variables(lang);
        return new RenderedMessage(
                lang,
                v.subject() == null
                        ? null
                        : TemplateRenderer.compileValid(v.subject(), false).render(vars),
                TemplateRenderer.compileValid(v.text(), false).render(vars),
                v.html() == null
                        ? null
                        : TemplateRenderer.compileValid(v.html(), true).render(vars));
    }

    static Language chooseLanguage(Map<String, TemplateVariant> variants, Language preferred, Language fallback) {
        if (preferred != null && variants.containsKey(preferred.code())) {
            return preferred;
        }
        if (fallback != null && variants.containsKey(fallback.code())) {
            return fallback;
        }
        for (Language l : Language.values()) {
            if (variants.containsKey(l.code())) {
                return l;
            }
        }
        throw new IllegalStateException("a template without variants");
    }

    Language fallback() {
        Language l = Language.fromTag(fallbackLanguage);
        return l == null ? Language.RU : l;
    }

    ZoneId zone() {
        return ZoneId.of(defaultZone);
    }

    /** Every error of a draft, with field paths; the variants in a stable order when valid. */
    static Map<String, TemplateVariant> validate(TemplateDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.orgUnitId() == null || d.orgUnitId().isBlank()) {
            errors.add(new FieldError("orgUnitId", "required", "orgUnitId is required"));
        }
        if (d.name() == null || d.name().isBlank()) {
            errors.add(new FieldError("name", "required", "name is required"));
        } else if (d.name().strip().length() > 200 || Texts.hasControl(d.name())) {
            errors.add(new FieldError("name", "invalid", "name is 1–200 characters without control characters"));
        }
        if (d.description() != null && d.description().length() > 2000) {
            errors.add(new FieldError("description", "too-long", "description is at most 2000 characters"));
        }
        Map<String, TemplateVariant> out = new TreeMap<>();
        if (d.variants() == null || d.variants().isEmpty()) {
            errors.add(new FieldError("variants", "required", "at least one language variant (ru, uk, en) is needed"));
        } else {
            // in the order of the language codes, so that the errors come in a stable order
            for (Map.Entry<String, TemplateVariant> e : new TreeMap<>(d.variants()).entrySet()) {
                String key = e.getKey();
                String path = "variants." + key;
                Language lang = Language.fromTag(key);
                if (lang == null || !lang.code().equals(key)) {
                    errors.add(new FieldError(path, "unknown-language", "languages are ru, uk and en"));
                    continue;
                }
                TemplateVariant v = e.getValue();
                if (v == null || v.text() == null || v.text().isBlank()) {
                    errors.add(new FieldError(path + ".text", "required", "text is required"));
                    continue;
                }
                if (v.text().length() > MAX_TEXT) {
                    errors.add(
                            new FieldError(path + ".text", "too-long", "text is at most " + MAX_TEXT + " characters"));
                }
                if (v.subject() != null && v.subject().length() > 300) {
                    errors.add(new FieldError(path + ".subject", "too-long", "subject is at most 300 characters"));
                }
                if (v.html() != null && v.html().length() > MAX_HTML) {
                    errors.add(
                            new FieldError(path + ".html", "too-long", "html is at most " + MAX_HTML + " characters"));
                }
                TemplateRenderer.compile(v.text(), false, path + ".text", errors);
                if (v.subject() != null) {
                    TemplateRenderer.compile(v.subject(), false, path + ".subject", errors);
                }
                if (v.html() != null) {
                    TemplateRenderer.compile(v.html(), true, path + ".html", errors);
                }
                out.put(key, new TemplateVariant(v.subject(), v.text(), v.html()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }

    private OrgUnitEntity unitInScope(String orgUnitId) {
        try {
            return access.visibleUnit(orgUnitId);
        } catch (NotFoundException e) {
            throw ValidationException.of("orgUnitId", "unknown-org-unit", "no such org unit in your scope");
        }
    }

    private static void requireFreeName(java.sql.Connection c, UUID unit, String name, UUID except)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from notification_template where org_unit_id = ?"
                + " and name = ? and deleted_at is null")) {
            ps.setObject(1, unit);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getObject(1, UUID.class).equals(except)) {
                        throw new ConflictException(
                                "template-name-taken", "the unit already has a template of that name");
                    }
                }
            }
        }
    }

    /** A template the caller may see. */
    Loaded visible(String id) {
        UUID tid = Ids.parse(id).orElseThrow(() -> new NotFoundException("notification template", id));
        Loaded l = load(tid);
        if (l == null || !access.scope().contains(l.unitPath())) {
            throw new NotFoundException("notification template", id);
        }
        return l;
    }

    /** A stored template (not deleted), whoever asks; {@code null} when there is none. */
    Loaded load(UUID id) {
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select t.*, u.path::text as unit_path"
                    + " from notification_template t join org_unit u on u.id = t.org_unit_id"
                    + " where t.id = ? and t.deleted_at is null")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Loaded(map(rs), rs.getObject("org_unit_id", UUID.class), rs.getString("unit_path"));
                }
            }
        });
    }

    /** A template as stored, deleted or not (a running broadcast keeps using its template), whoever asks. */
    NotificationTemplate loadAny(UUID id) {
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select * from notification_template where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("broadcast template " + id + " is gone");
                    }
                    return map(rs);
                }
            }
        });
    }

    private static NotificationTemplate map(ResultSet rs) throws SQLException {
        return new NotificationTemplate(
                rs.getObject("id", UUID.class).toString(),
                rs.getObject("org_unit_id", UUID.class).toString(),
                rs.getString("name"),
                rs.getString("description"),
                readVariants(rs.getString("variants")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static final TypeReference<LinkedHashMap<String, TemplateVariant>> VARIANTS = new TypeReference<>() {};

    static Map<String, TemplateVariant> readVariants(String json) throws SQLException {
        try {
            return JsonText.MAPPER.readValue(json, VARIANTS);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable template variants", e);
        }
    }

    static String writeVariants(Map<String, TemplateVariant> variants) {
        try {
            return JsonText.MAPPER.writeValueAsString(variants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
