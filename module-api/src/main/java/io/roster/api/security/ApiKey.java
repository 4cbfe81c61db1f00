package io.roster.api.security;

import java.time.Instant;
import java.util.Set;

/**
 * An integrator's API key, without its secret.
 *
 * @param id key id
 * @param name what the key is for
 * @param prefix the first characters of the secret, to recognise a key in a list
 * @param permissions what the key may do
 * @param orgUnitIds the org units whose subtrees the key sees; empty for the whole organisation
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or {@code null} while it is active
 * @param lastUsedAt when it last authenticated a call (updated at most once a minute), or {@code null}
 */
public record ApiKey(
        String id,
        String name,
        String prefix,
        Set<Permission> permissions,
        Set<String> orgUnitIds,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt) {}
