package io.roster.impl.security;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.FieldError;
import io.roster.api.error.ForbiddenException;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.ValidationException;
import io.roster.api.security.ApiKey;
import io.roster.api.security.ApiKeyService;
import io.roster.api.security.Caller;
import io.roster.api.security.IssuedApiKey;
import io.roster.api.security.NewApiKey;
import io.roster.api.security.Permission;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Texts;
import io.roster.impl.persistence.ApiKeyEntity;
import io.roster.impl.persistence.OrgUnitEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class DefaultApiKeyService implements ApiKeyService {
    /** Every secret starts so, which lets secret scanners recognise leaked keys. */
    public static final String SECRET_PREFIX = "rst_";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    io.roster.impl.audit.AuditLog audit;

    @Inject
    ApiKeyLookup lookup;

    /**
     * How long an authenticated key is remembered, so that a request does not pay a key lookup each time. A revocation
     * on this instance forgets the key at once; other instances stop accepting it within this time.
     */
    @ConfigProperty(name = "roster.security.api-key-cache", defaultValue = "PT10S")
    Duration cacheTime;

    private final ConcurrentHashMap<String, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(Caller caller, Instant until) {}

    @Override
    @Transactional
    public IssuedApiKey issue(NewApiKey request) {
        Caller caller = access.require(Permission.API_KEY_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        String name = Texts.clean(request.name());
        if (name == null || name.length() > 200 || Texts.hasControl(name)) {
            errors.add(new FieldError("name", "required", "name is 1–200 characters"));
        }
        if (request.permissions() == null || request.permissions().isEmpty()) {
            errors.add(new FieldError("permissions", "required", "at least one permission"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!caller.permissions().containsAll(request.permissions())) {
            throw new ForbiddenException("a key cannot be granted permissions its creator does not hold");
        }
        Set<String> units = request.orgUnitIds() == null ? Set.of() : request.orgUnitIds();
        if (units.isEmpty() && !caller.unrestricted()) {
            throw new ForbiddenException("only a caller who sees the whole organisation may issue an unrestricted key");
        }
        List<UUID> unitIds = new ArrayList<>();
        int i = 0;
        for (String unit : units) {
            try {
                unitIds.add(access.visibleUnit(unit).id);
            } catch (NotFoundException e) {
                throw ValidationException.of(
                        "orgUnitIds[" + i + "]", "unknown-org-unit", "no such org unit in your scope");
            }
            i++;
        }
        String secret = newSecret();
        ApiKeyEntity e = store(name, secret, request.permissions(), unitIds, caller.id());
        ApiKey issued = map(e);
        audit.record(
                "api-key.issued",
                "api-key",
                e.id,
                null,
                java.util.Map.of(
                        "name", issued.name(), "permissions", issued.permissions(), "orgUnitIds", issued.orgUnitIds()));
        return new IssuedApiKey(issued, secret);
    }

    @Override
    @Transactional
    public Page<ApiKey> list(PageRequest page) {
        access.require(Permission.API_KEY_ADMIN);
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "api-keys", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        Access.Scope scope = access.scope();
        List<ApiKeyEntity> rows = new ArrayList<>();
        while (rows.size() <= page.limit()) {
            List<ApiKeyEntity> batch = batch(afterAt, afterId, page.limit() + 1);
            // A restricted caller sees only keys that lie wholly within its own scope.
            batch.stream().filter(k -> withinScope(k, scope)).forEach(rows::add);
            if (batch.size() < page.limit() + 1 || scope.unrestricted()) {
                break;
            }
            ApiKeyEntity last = batch.get(batch.size() - 1);
            afterAt = last.createdAt;
            afterId = last.id;
        }
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            ApiKeyEntity last = rows.get(rows.size() - 1);
            next = Cursors.encode("api-keys", last.createdAt, last.id);
        }
        return new Page<>(rows.stream().map(DefaultApiKeyService::map).toList(), next);
    }

    private List<ApiKeyEntity> batch(Instant afterAt, UUID afterId, int max) {
        var q = em.createQuery(
                "select k from ApiKeyEntity k"
                        + (afterId == null ? "" : " where (k.createdAt, k.id) < (:at, :id)")
                        + " order by k.createdAt desc, k.id desc",
                ApiKeyEntity.class);
        if (afterId != null) {
            q.setParameter("at", afterAt).setParameter("id", afterId);
        }
        return q.setMaxResults(max).getResultList();
    }

    /**
     * Whether a key lies wholly within a scope: an unrestricted caller sees every key, a restricted one only keys
     * all of whose units it sees (never an unrestricted key).
     */
    private boolean withinScope(ApiKeyEntity key, Access.Scope scope) {
        if (scope.unrestricted()) {
            return true;
        }
        if (key.orgUnitIds.length == 0) {
            return false;
        }
        for (UUID unitId : key.orgUnitIds) {
            OrgUnitEntity unit = em.find(OrgUnitEntity.class, unitId);
            if (unit == null || !scope.contains(unit.path)) {
                return false;
            }
        }
        return true;
    }

    @Override
    @Transactional
    public ApiKey get(String id) {
        access.require(Permission.API_KEY_ADMIN);
        ApiKeyEntity e = Ids.parse(id).map(u -> em.find(ApiKeyEntity.class, u)).orElse(null);
        if (e == null || !withinScope(e, access.scope())) {
            throw new NotFoundException("api key", id);
        }
        return map(e);
    }

    @Override
    @Transactional
    public ApiKey revoke(String id) {
        access.require(Permission.API_KEY_ADMIN);
        ApiKeyEntity e = Ids.parse(id).map(u -> em.find(ApiKeyEntity.class, u)).orElse(null);
        if (e == null || !withinScope(e, access.scope())) {
            throw new NotFoundException("api key", id);
        }
        if (e.revokedAt == null) {
            e.revokedAt = clock.now();
            audit.record("api-key.revoked", "api-key", e.id, null, java.util.Map.of("revokedAt", e.revokedAt));
        }
        String keyId = e.id.toString();
        recent.values().removeIf(r -> r.caller().id().equals(keyId));
        return map(e);
    }

    @Override
    @Transactional
    public IssuedApiKey rotate(String id) {
        Caller caller = access.require(Permission.API_KEY_ADMIN);
        ApiKeyEntity old = Ids.parse(id)
                .map(u -> em.find(ApiKeyEntity.class, u, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .orElse(null);
        if (old == null || !withinScope(old, access.scope())) {
            throw new NotFoundException("api key", id);
        }
        if (old.revokedAt != null) {
            throw new InvalidStateException("api-key-revoked", "a revoked key cannot be rotated; issue a new one");
        }
        Set<Permission> permissions = ApiKeyLookup.permissionsOf(old.permissions);
        if (!caller.permissions().containsAll(permissions)) {
            throw new ForbiddenException("a key cannot be granted permissions its creator does not hold");
        }
        old.revokedAt = clock.now();
        String secret = newSecret();
        ApiKeyEntity e = store(old.name, secret, permissions, List.of(old.orgUnitIds), caller.id());
        audit.record("api-key.rotated", "api-key", old.id, null, java.util.Map.of("replacedBy", e.id.toString()));
        String oldId = old.id.toString();
        recent.values().removeIf(r -> r.caller().id().equals(oldId));
        return new IssuedApiKey(map(e), secret);
    }

    /**
     * Not transactional itself: a remembered key is answered from memory, and only a lookup runs in a transaction
     * ({@link ApiKeyLookup}).
     */
    @Override
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        byte[] hash = hash(secret);
        String cacheKey = HexFormat.of().formatHex(hash);
        Instant checkedAt = clock.now();
        Remembered remembered = recent.get(cacheKey);
        if (remembered != null && remembered.until().isAfter(checkedAt)) {
            return Optional.of(remembered.caller());
        }
        Optional<Caller> caller = lookup.find(hash, checkedAt);
        if (caller.isPresent() && !cacheTime.isZero() && !cacheTime.isNegative()) {
            if (recent.size() >= 10_000) {
                // bounded: a flood of distinct keys only costs lookups, never memory
                recent.clear();
            }
            recent.put(cacheKey, new Remembered(caller.get(), checkedAt.plus(cacheTime)));
        }
        return caller;
    }

    @Override
    @Transactional
    public Optional<IssuedApiKey> bootstrapAdminKey(String presetSecret) {
        // Serialises concurrent first starts of several instances: only one of them issues the key.
        em.createNativeQuery("select pg_advisory_xact_lock(7353001)").getSingleResult();
        long count = em.createQuery("select count(k) from ApiKeyEntity k", Long.class)
                .getSingleResult();
        if (count > 0) {
            return Optional.empty();
        }
        String secret = presetSecret == null || presetSecret.isBlank() ? newSecret() : presetSecret.strip();
        if (!secret.startsWith(SECRET_PREFIX) || secret.length() < 24) {
            throw new IllegalStateException(
                    "roster.bootstrap.admin-key must start with '" + SECRET_PREFIX + "' and be at least 24 characters");
        }
        ApiKeyEntity e =
                store("admin (created on first start)", secret, EnumSet.allOf(Permission.class), List.of(), "system");
        return Optional.of(new IssuedApiKey(map(e), secret));
    }

    private ApiKeyEntity store(String name, String secret, Set<Permission> permissions, List<UUID> units, String by) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.id = Ids.newUuid();
        e.name = name;
        e.prefix = secret.substring(0, Math.min(10, secret.length()));
        e.secretHash = hash(secret);
        e.permissions = permissions.stream().map(Enum::name).sorted().toArray(String[]::new);
        e.orgUnitIds = units.toArray(UUID[]::new);
        e.createdAt = clock.now();
        e.createdBy = by;
        em.persist(e);
        em.flush();
        return e;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static ApiKey map(ApiKeyEntity e) {
        return new ApiKey(
                e.id.toString(),
                e.name,
                e.prefix,
                ApiKeyLookup.permissionsOf(e.permissions),
                Arrays.stream(e.orgUnitIds)
                        .map(UUID::toString)
                        .collect(Collectors.toCollection(java.util.TreeSet::new)),
                e.createdAt,
                e.revokedAt,
                e.lastUsedAt);
    }
}
