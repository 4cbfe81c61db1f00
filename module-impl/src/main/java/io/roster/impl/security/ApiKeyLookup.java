package io.roster.impl.security;

import io.roster.api.security.Caller;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Permission;
import io.roster.api.security.Source;
import io.roster.impl.persistence.ApiKeyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The database side of authenticating an API key, in a transaction of its own. It is a bean apart from {@link
 * DefaultApiKeyService} so that a key that service still remembers is answered without beginning a transaction: under
 * load nearly every request carries a remembered key, and a JTA transaction around a map lookup was a measurable share
 * of a cheap read's time.
 */
@ApplicationScoped
public class ApiKeyLookup {
    /** How stale {@code api_key.last_used_at} may be: at most one write a minute per key, so reads stay reads. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    /**
     * The caller of the unrevoked key with this secret hash, marking the key used.
     *
     * @param hash the SHA-256 of the presented secret
     * @param now the time of the check
     * @return the key's caller, or empty when no unrevoked key has this hash
     */
    @Transactional
    public Optional<Caller> find(byte[] hash, Instant now) {
        List<ApiKeyEntity> found = em.createQuery(
                        "select k from ApiKeyEntity k where k.secretHash = :h and k.revokedAt is null",
                        ApiKeyEntity.class)
                .setParameter("h", hash)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKeyEntity k = found.get(0);
        if (k.lastUsedAt == null || k.lastUsedAt.plus(LAST_USED_GRANULARITY).isBefore(now)) {
            em.createQuery("update ApiKeyEntity k set k.lastUsedAt = :now where k.id = :id")
                    .setParameter("now", now)
                    .setParameter("id", k.id)
                    .executeUpdate();
        }
        Set<Permission> permissions = permissionsOf(k.permissions);
        Set<String> units = Arrays.stream(k.orgUnitIds).map(UUID::toString).collect(Collectors.toSet());
        return Optional.of(new Caller(
                k.id.toString(), CallerKind.API_KEY, k.name, permissions, units, units.isEmpty(), Source.API));
    }

    /** A key's stored permission names as permissions. */
    static Set<Permission> permissionsOf(String[] names) {
        return Arrays.stream(names)
                .map(Permission::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }
}
