package io.roster.api.security;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.Optional;

/** Integrators' API keys: issue, list, revoke, and authenticate a secret. */
public interface ApiKeyService {

    /**
     * Issues a new key. The caller can only grant permissions it holds itself and only scope the key within its
     * own scope.
     *
     * @return the key with its secret, which is not retrievable later
     * @throws io.roster.api.error.ValidationException when the name, permissions or org units are invalid
     * @throws io.roster.api.error.ForbiddenException when the caller lacks {@link Permission#API_KEY_ADMIN} or
     *     tries to grant more than it has
     */
    IssuedApiKey issue(NewApiKey request);

    /**
     * Lists keys, newest first.
     *
     * @throws io.roster.api.error.ForbiddenException without {@link Permission#API_KEY_ADMIN}
     */
    Page<ApiKey> list(PageRequest page);

    /**
     * One key, without its secret.
     *
     * @throws io.roster.api.error.NotFoundException when there is no such key, or it reaches outside the caller's
     *     scope
     * @throws io.roster.api.error.ForbiddenException without {@link Permission#API_KEY_ADMIN}
     */
    ApiKey get(String id);

    /**
     * Revokes a key; calls with it fail from now on. Revoking a revoked key changes nothing.
     *
     * @throws io.roster.api.error.NotFoundException when there is no such key, or it reaches outside the caller's
     *     scope
     * @throws io.roster.api.error.ForbiddenException without {@link Permission#API_KEY_ADMIN}
     */
    ApiKey revoke(String id);

    /**
     * Rotates a key: issues a new key with the same name, permissions and scope, and revokes the old one, in one
     * transaction. The new secret is returned this once.
     *
     * @return the new key with its secret
     * @throws io.roster.api.error.NotFoundException when there is no such key, or it reaches outside the caller's
     *     scope
     * @throws io.roster.api.error.InvalidStateException when the key is already revoked ({@code api-key-revoked})
     * @throws io.roster.api.error.ForbiddenException without {@link Permission#API_KEY_ADMIN}, or when the key holds
     *     permissions the caller does not
     */
    IssuedApiKey rotate(String id);

    /**
     * The caller a secret stands for, if it is an active key. Does not need a bound caller.
     *
     * @return the caller, or empty when the secret is unknown or revoked
     */
    Optional<Caller> authenticate(String secret);

    /**
     * On an installation without any key, issues an unrestricted admin key. With {@code presetSecret} that secret
     * is used (for scripted installs); otherwise one is generated. Safe to call from several instances at once.
     *
     * @return the issued key, or empty when keys already exist
     */
    Optional<IssuedApiKey> bootstrapAdminKey(String presetSecret);
}
