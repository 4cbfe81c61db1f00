package io.roster.api.idempotency;

/**
 * The outcome of a request that a retry with the same idempotency key receives again.
 *
 * @param status HTTP status
 * @param location the {@code Location} header, or {@code null}
 * @param etag the {@code ETag} header, or {@code null}
 * @param body the JSON body
 */
public record StoredResponse(int status, String location, String etag, String body) {}
