package io.roster.impl.webhook;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.FieldError;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.api.webhook.CreatedWebhookSubscription;
import io.roster.api.webhook.NewWebhookSubscription;
import io.roster.api.webhook.WebhookDelivery;
import io.roster.api.webhook.WebhookService;
import io.roster.api.webhook.WebhookSubscription;
import io.roster.api.webhook.WebhookSubscriptionDraft;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Texts;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultWebhookService implements WebhookService {
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    io.roster.impl.audit.AuditLog audit;

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    @Override
    @Transactional
    public CreatedWebhookSubscription create(NewWebhookSubscription in) {
        Caller caller = access.require(Permission.WEBHOOK_ADMIN);
        WebhookSubscriptionDraft d = new WebhookSubscriptionDraft(in.url(), in.eventTypes(), true, in.description());
        List<FieldError> errors = new ArrayList<>(WebhookRules.check(d));
        WebhookRules.checkSecret(in.secret(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String secret = in.secret() != null ? in.secret() : newSecret();
        UUID id = Ids.newUuid();
        Instant now = clock.now();
        UUID[] units = caller.unrestricted()
                ? new UUID[0]
                : caller.scopeOrgUnitIds().stream()
                        .map(Ids::parse)
                        .flatMap(java.util.Optional::stream)
                        .sorted()
                        .toArray(UUID[]::new);
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into webhook_subscription (id, url, event_types,"
                    + " secret, active, org_unit_ids, unrestricted, description, created_at, created_by, updated_at,"
                    + " version) values (?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, 0)")) {
                ps.setObject(1, id);
                ps.setString(2, d.url().strip());
                ps.setArray(3, c.createArrayOf("text", sortedTypes(d.eventTypes())));
                ps.setString(4, secret);
                ps.setArray(5, c.createArrayOf("uuid", units));
                ps.setBoolean(6, caller.unrestricted());
                ps.setString(7, Texts.clean(d.description()));
                ps.setObject(8, utc(now));
                ps.setString(9, caller.id());
                ps.setObject(10, utc(now));
                return ps.executeUpdate();
            }
        });
        WebhookSubscription created = load(id);
        audit.record(
                "webhook-subscription.created",
                "webhook-subscription",
                id,
                null,
                java.util.Map.of("url", created.url(), "eventTypes", created.eventTypes()));
        return new CreatedWebhookSubscription(created, secret);
    }

    @Override
    @Transactional
    public Page<WebhookSubscription> list(PageRequest page) {
        access.require(Permission.WEBHOOK_ADMIN);
        Access.Scope scope = access.scope();
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "webhook-subscriptions", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        Instant at = afterAt;
        UUID after = afterId;
        List<WebhookSubscription> rows = jdbc(c -> {
            String sql = "select * from webhook_subscription s where s.deleted_at is null"
                    + (after == null ? "" : " and (s.created_at, s.id) < (?, ?)")
                    + scopeCondition(scope)
                    + " order by s.created_at desc, s.id desc limit ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (after != null) {
                    ps.setObject(i++, utc(at));
                    ps.setObject(i++, after);
                }
                if (!scope.unrestricted()) {
                    ps.setString(i++, scope.pathsLiteral());
                }
                ps.setInt(i, page.limit() + 1);
                List<WebhookSubscription> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            WebhookSubscription last = rows.get(rows.size() - 1);
            next = Cursors.encode("webhook-subscriptions", last.createdAt(), last.id());
        }
        return new Page<>(rows, next);
    }

    /** A restricted caller manages only subscriptions that lie wholly within its subtrees. */
    private static String scopeCondition(Access.Scope scope) {
        if (scope.unrestricted()) {
            return "";
        }
        return " and not s.unrestricted and not exists (select 1 from org_unit u where u.id = any(s.org_unit_ids)"
                + " and not (u.path <@ any(cast(? as ltree[]))))";
    }

    @Override
    @Transactional
    public WebhookSubscription get(String id) {
        access.require(Permission.WEBHOOK_ADMIN);
        return load(visible(id, false));
    }

    @Override
    @Transactional
    public WebhookSubscription update(
            String id, Long expectedVersion, UnaryOperator<WebhookSubscriptionDraft> changes) {
        access.require(Permission.WEBHOOK_ADMIN);
        UUID sid = visible(id, true);
        WebhookSubscription current = load(sid);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("webhook subscription", current.version());
        }
        WebhookSubscriptionDraft before = new WebhookSubscriptionDraft(
                current.url(), current.eventTypes(), current.active(), current.description());
        WebhookSubscriptionDraft after = changes.apply(before);
        List<FieldError> errors = WebhookRules.check(after);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean active = after.active() == null || after.active();
        String description = Texts.clean(after.description());
        if (after.url().strip().equals(current.url())
                && after.eventTypes().equals(current.eventTypes())
                && active == current.active()
                && java.util.Objects.equals(description, current.description())) {
            return current;
        }
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set url = ?, event_types = ?,"
                    + " active = ?, description = ?, updated_at = ?, version = version + 1 where id = ?")) {
                ps.setString(1, after.url().strip());
                ps.setArray(2, c.createArrayOf("text", sortedTypes(after.eventTypes())));
                ps.setBoolean(3, active);
                ps.setString(4, description);
                ps.setObject(5, utc(clock.now()));
                ps.setObject(6, sid);
                return ps.executeUpdate();
            }
        });
        WebhookSubscription changed = load(sid);
        java.util.Map<String, Object> diff = new java.util.LinkedHashMap<>();
        change(diff, "url", current.url(), changed.url());
        change(diff, "eventTypes", current.eventTypes(), changed.eventTypes());
        change(diff, "active", current.active(), changed.active());
        change(diff, "description", current.description(), changed.description());
        audit.record("webhook-subscription.updated", "webhook-subscription", sid, null, diff);
        return changed;
    }

    @Override
    @Transactional
    public void delete(String id) {
        access.require(Permission.WEBHOOK_ADMIN);
        UUID sid = visible(id, true);
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update webhook_subscription set deleted_at = ?, active = false, version = version + 1"
                            + " where id = ?")) {
                ps.setObject(1, utc(clock.now()));
                ps.setObject(2, sid);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update webhook_delivery set status = 'FAILED',"
                            + " last_error = 'the subscription was deleted' where subscription_id = ? and status = 'PENDING'")) {
                ps.setObject(1, sid);
                return ps.executeUpdate();
            }
        });
        audit.record("webhook-subscription.deleted", "webhook-subscription", sid, null, java.util.Map.of());
    }

    private static void change(java.util.Map<String, Object> diff, String field, Object from, Object to) {
        if (!java.util.Objects.equals(from, to)) {
            java.util.Map<String, Object> fromTo = new java.util.LinkedHashMap<>();
            fromTo.put("from", from);
            fromTo.put("to", to);
            diff.put(field, fromTo);
        }
    }

    @Override
    @Transactional
    public Page<WebhookDelivery> deliveries(String subscriptionId, PageRequest page) {
        access.require(Permission.WEBHOOK_ADMIN);
        UUID sid = visible(subscriptionId, false);
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "webhook-deliveries", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        Instant at = afterAt;
        UUID after = afterId;
        List<WebhookDelivery> rows = jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(DELIVERY_SELECT + " where d.subscription_id = ?"
                    + (after == null ? "" : " and (d.created_at, d.id) < (?, ?)")
                    + " order by d.created_at desc, d.id desc limit ?")) {
                int i = 1;
                ps.setObject(i++, sid);
                if (after != null) {
                    ps.setObject(i++, utc(at));
                    ps.setObject(i++, after);
                }
                ps.setInt(i, page.limit() + 1);
                List<WebhookDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapDelivery(rs, List.of()));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            WebhookDelivery last = rows.get(rows.size() - 1);
            next = Cursors.encode("webhook-deliveries", last.createdAt(), last.id());
        }
        return new Page<>(rows, next);
    }

    @Override
    @Transactional
    public WebhookDelivery delivery(String subscriptionId, String deliveryId) {
        access.require(Permission.WEBHOOK_ADMIN);
        UUID sid = visible(subscriptionId, false);
        return loadDelivery(sid, deliveryId);
    }

    @Override
    @Transactional
    public WebhookDelivery redeliver(String subscriptionId, String deliveryId) {
        access.require(Permission.WEBHOOK_ADMIN);
        UUID sid = visible(subscriptionId, false);
        WebhookDelivery d = loadDelivery(sid, deliveryId);
        WebhookSubscription s = load(sid);
        if (!s.active()) {
            throw new InvalidStateException(
                    "webhook-subscription-inactive", "the subscription is inactive or deleted; activate it first");
        }
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update webhook_delivery set status = 'PENDING',"
                    + " attempts = 0, next_attempt_at = ?, delivered_at = null where id = ?")) {
                ps.setObject(1, utc(clock.now()));
                ps.setObject(2, UUID.fromString(d.id()));
                return ps.executeUpdate();
            }
        });
        return loadDelivery(sid, deliveryId);
    }

    @Override
    public int dispatchDue(int max) {
        int sent = 0;
        while (sent < max && dispatcher.attemptOne()) {
            sent++;
        }
        return sent;
    }

    @Override
    @Transactional
    public int forgetBefore(Instant before) {
        return jdbc(c -> {
            OffsetDateTime at = utc(before);
            try (PreparedStatement ps = c.prepareStatement("delete from webhook_attempt a using webhook_delivery d"
                    + " where a.delivery_id = d.id and d.status <> 'PENDING' and d.created_at < ?")) {
                ps.setObject(1, at);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from webhook_delivery d where d.status <> 'PENDING' and d.created_at < ?")) {
                ps.setObject(1, at);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from webhook_event e where e.occurred_at < ?"
                    + " and not exists (select 1 from webhook_delivery d where d.event_id = e.id)")) {
                ps.setObject(1, at);
                return ps.executeUpdate();
            }
        });
    }

    // --- reading --------------------------------------------------------------------------------------------------

    private static final String DELIVERY_SELECT =
            "select d.*, e.type from webhook_delivery d" + " join webhook_event e on e.id = d.event_id";

    /** The subscription's id, when it exists, is not deleted, and lies within the caller's scope. */
    private UUID visible(String id, boolean forUpdate) {
        UUID sid = Ids.parse(id).orElseThrow(() -> new NotFoundException("webhook subscription", id));
        Access.Scope scope = access.scope();
        Boolean found = jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from webhook_subscription s where s.id = ?"
                    + " and s.deleted_at is null" + scopeCondition(scope) + (forUpdate ? " for update" : ""))) {
                ps.setObject(1, sid);
                if (!scope.unrestricted()) {
                    ps.setString(2, scope.pathsLiteral());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!found) {
            throw new NotFoundException("webhook subscription", id);
        }
        return sid;
    }

    private WebhookSubscription load(UUID id) {
        return jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select * from webhook_subscription s where s.id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return map(rs);
                }
            }
        });
    }

    private WebhookDelivery loadDelivery(UUID subscriptionId, String deliveryId) {
        UUID did = Ids.parse(deliveryId).orElseThrow(() -> new NotFoundException("webhook delivery", deliveryId));
        WebhookDelivery d = jdbc(c -> {
            List<WebhookDelivery.Attempt> log = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select attempt, attempted_at, status, error, duration_ms"
                    + " from webhook_attempt where delivery_id = ? order by attempt, attempted_at")) {
                ps.setObject(1, did);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        log.add(new WebhookDelivery.Attempt(
                                rs.getInt(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(),
                                (Integer) rs.getObject(3),
                                rs.getString(4),
                                rs.getInt(5)));
                    }
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement(DELIVERY_SELECT + " where d.id = ? and d.subscription_id = ?")) {
                ps.setObject(1, did);
                ps.setObject(2, subscriptionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? mapDelivery(rs, log) : null;
                }
            }
        });
        if (d == null) {
            throw new NotFoundException("webhook delivery", deliveryId);
        }
        return d;
    }

    private static WebhookSubscription map(ResultSet rs) throws SQLException {
        Set<String> units = new TreeSet<>();
        for (Object u : (Object[]) rs.getArray("org_unit_ids").getArray()) {
            units.add(u.toString());
        }
        return new WebhookSubscription(
                rs.getObject("id", UUID.class).toString(),
                rs.getString("url"),
                new TreeSet<>(
                        Arrays.asList((String[]) rs.getArray("event_types").getArray())),
                rs.getBoolean("active"),
                rs.getString("description"),
                units,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    private static WebhookDelivery mapDelivery(ResultSet rs, List<WebhookDelivery.Attempt> log) throws SQLException {
        return new WebhookDelivery(
                rs.getObject("id", UUID.class).toString(),
                rs.getObject("subscription_id", UUID.class).toString(),
                rs.getObject("event_id", UUID.class).toString(),
                rs.getString("type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                "PENDING".equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
                instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                instant(rs, "delivered_at"),
                instant(rs, "created_at"),
                log);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String[] sortedTypes(Set<String> types) {
        return new TreeSet<>(types).toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
