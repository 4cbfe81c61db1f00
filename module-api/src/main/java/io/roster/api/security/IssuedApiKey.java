package io.roster.api.security;

/**
 * A newly created API key together with its secret, which is shown this once and never stored.
 *
 * @param key the stored key
 * @param secret the secret to send as {@code Authorization: Bearer <secret>}; {@code null} in the replay of an
 *     idempotent request, because secrets are never stored
 */
public record IssuedApiKey(ApiKey key, String secret) {}
