package io.roster.api.webhook;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.function.UnaryOperator;

/**
 * Webhook subscriptions, their delivery log, and the dispatcher that sends what the outbox holds. Events are written
 * to the outbox in the transaction of each change; {@link #dispatchDue} sends them with retries and exponential
 * backoff, signed with HMAC-SHA256 (see docs/integration.md).
 */
public interface WebhookService {

    /**
     * Creates a subscription scoped to the caller's scope.
     *
     * @return the subscription and its secret, shown this once
     * @throws io.roster.api.error.ValidationException with a path for every invalid field
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    CreatedWebhookSubscription create(NewWebhookSubscription subscription);

    /**
     * Subscriptions the caller may manage, newest first.
     *
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    Page<WebhookSubscription> list(PageRequest page);

    /**
     * One subscription.
     *
     * @throws io.roster.api.error.NotFoundException when unknown, deleted, or beyond the caller's scope
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    WebhookSubscription get(String id);

    /**
     * Changes a subscription: the function gets the current draft and returns the desired one.
     *
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.ValidationException as for create
     * @throws io.roster.api.error.NotFoundException when unknown, deleted, or beyond the caller's scope
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    WebhookSubscription update(String id, Long expectedVersion, UnaryOperator<WebhookSubscriptionDraft> changes);

    /**
     * Deletes a subscription; its pending deliveries are dropped, its log is kept.
     *
     * @throws io.roster.api.error.NotFoundException when unknown, deleted, or beyond the caller's scope
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    void delete(String id);

    /**
     * A subscription's deliveries, newest first.
     *
     * @throws io.roster.api.error.NotFoundException when the subscription is unknown or beyond the caller's scope
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    Page<WebhookDelivery> deliveries(String subscriptionId, PageRequest page);

    /**
     * One delivery with its attempts.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or beyond the caller's scope
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    WebhookDelivery delivery(String subscriptionId, String deliveryId);

    /**
     * Sends a delivery again as soon as a dispatcher is free, whatever its state, with a fresh series of retries.
     * The event keeps its id, so a receiver that already has it can tell.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or beyond the caller's scope
     * @throws io.roster.api.error.InvalidStateException when the subscription is deleted or inactive
     * @throws io.roster.api.error.ForbiddenException without {@code WEBHOOK_ADMIN}
     */
    WebhookDelivery redeliver(String subscriptionId, String deliveryId);

    /**
     * Sends due deliveries, one transaction per delivery, claiming each with {@code FOR UPDATE SKIP LOCKED} so any
     * number of dispatchers (threads or instances) never send the same delivery at once. Runs as Roster itself;
     * needs no bound caller. The standalone server calls it continuously; a Java host calls it from its own
     * scheduler.
     *
     * @param max the most deliveries to attempt in this call
     * @return how many were attempted; fewer than {@code max} means none are due now
     */
    int dispatchDue(int max);

    /**
     * Forgets finished deliveries (delivered or failed) of events older than {@code before}, with their attempts, and
     * those events. Pending deliveries are kept whatever their age. Idempotent; several instances may run it at once.
     *
     * @return how many events were forgotten
     */
    int forgetBefore(java.time.Instant before);
}
