package io.roster.api.idempotency;

import java.util.function.Supplier;

/**
 * Makes a create safe to retry. The first request with a key runs the action in one transaction together with the
 * record of its outcome; a later request with the same key and the same request gets the recorded outcome, and a
 * concurrent one waits for the first to finish.
 */
public interface IdempotencyService {

    /**
     * Runs the action once per (caller, key).
     *
     * @param key the client's idempotency key (1–200 characters)
     * @param requestFingerprint a hash of the request (method, path, body), to refuse a key reused for another
     *     request
     * @param action the work; its exceptions roll everything back and nothing is recorded
     * @return the outcome of the first successful run
     * @throws io.roster.api.error.ConflictException when the key was used with a different request
     *     ({@code idempotency-key-reused})
     */
    StoredResponse execute(String key, String requestFingerprint, Supplier<StoredResponse> action);

    /**
     * Forgets outcomes recorded before the cutoff; a request with such a key afterwards runs again. Safe to call
     * from several instances at once.
     *
     * @return how many outcomes were forgotten
     */
    int forgetBefore(java.time.Instant cutoff);
}
