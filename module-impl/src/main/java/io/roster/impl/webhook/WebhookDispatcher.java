package io.roster.impl.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Sends one due delivery per transaction. The delivery row is claimed with {@code FOR UPDATE SKIP LOCKED} and stays
 * locked while it is sent, so another dispatcher, in this process or another instance, skips it; the outcome is
 * written before the lock is released, so a delivered row is never picked again. A crash mid-send rolls the claim
 * back and the delivery is sent again later: delivery is at least once, and receivers deduplicate by event id.
 */
@ApplicationScoped
public class WebhookDispatcher {
    @PersistenceContext
    EntityManager em;

    @ConfigProperty(name = "roster.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "roster.webhooks.retry-base", defaultValue = "PT30S")
    Duration retryBase;

    @ConfigProperty(name = "roster.webhooks.retry-max", defaultValue = "PT6H")
    Duration retryMax;

    @ConfigProperty(name = "roster.webhooks.max-attempts", defaultValue = "12")
    int maxAttempts;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private record Claimed(
            UUID deliveryId,
            int attempts,
            UUID eventId,
            String type,
            String body,
            String url,
            String secret,
            UUID subscriptionId) {}

    /**
     * Claims and sends the delivery that has been due longest.
     *
     * @return whether there was one
     */
    @Transactional
    public boolean attemptOne() {
        Session session = em.unwrap(Session.class);
        Claimed c = session.doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select d.id, d.attempts, e.id, e.type,"
                            + " e.payload::text, s.url, s.secret, s.id"
                            + " from webhook_delivery d"
                            + " join webhook_subscription s on s.id = d.subscription_id"
                            + " join webhook_event e on e.id = d.event_id"
                            + " where d.status = 'PENDING' and d.next_attempt_at <= clock_timestamp()"
                            + " and s.active and s.deleted_at is null"
                            + " order by d.next_attempt_at limit 1"
                            + " for update of d skip locked");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, UUID.class));
            }
        });
        if (c == null) {
            return false;
        }
        int attempt = c.attempts() + 1;
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            long now = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Roster-Webhooks/1")
                    .header("Roster-Event-Id", c.eventId().toString())
                    .header("Roster-Event-Type", c.type())
                    .header("Roster-Delivery-Id", c.deliveryId().toString())
                    .header("Roster-Attempt", Integer.toString(attempt))
                    .header(WebhookSigner.HEADER, WebhookSigner.sign(c.secret(), now, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "the receiver answered " + status;
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e instanceof java.net.http.HttpTimeoutException
                    ? "no answer within " + timeout.toSeconds() + " s"
                    : "could not reach the receiver (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        boolean delivered = error == null;
        String nextStatus = delivered ? "DELIVERED" : attempt >= maxAttempts ? "FAILED" : "PENDING";
        double backoffSeconds = Math.min(
                retryMax.toMillis() / 1000.0, retryBase.toMillis() / 1000.0 * Math.pow(2, Math.min(attempt - 1, 30)));
        Integer finalStatus = status;
        String finalError = error;
        session.doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "insert into webhook_attempt (id, delivery_id, attempt, attempted_at, status, error, duration_ms)"
                            + " values (?, ?, ?, clock_timestamp(), ?, ?, ?)")) {
                ps.setObject(1, io.roster.impl.common.Ids.newUuid());
                ps.setObject(2, c.deliveryId());
                ps.setInt(3, attempt);
                ps.setObject(4, finalStatus, java.sql.Types.INTEGER);
                ps.setString(5, finalError);
                ps.setInt(6, millis);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("update webhook_delivery set status = ?, attempts = ?,"
                    + " last_attempt_at = clock_timestamp(), last_status = ?, last_error = ?,"
                    + " delivered_at = case when ? then clock_timestamp() end,"
                    + " next_attempt_at = clock_timestamp() + make_interval(secs => ?)"
                    + " where id = ?")) {
                ps.setString(1, nextStatus);
                ps.setInt(2, attempt);
                ps.setObject(3, finalStatus, java.sql.Types.INTEGER);
                ps.setString(4, finalError);
                ps.setBoolean(5, delivered);
                ps.setDouble(6, backoffSeconds);
                ps.setObject(7, c.deliveryId());
                ps.executeUpdate();
            }
        });
        return true;
    }
}
