/** Safe retries of creating requests: {@link io.roster.api.idempotency.IdempotencyService}. */
package io.roster.api.idempotency;
