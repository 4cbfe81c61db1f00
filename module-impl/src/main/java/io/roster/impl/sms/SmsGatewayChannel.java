package io.roster.impl.sms;

import io.roster.api.member.ContactChannel;
import io.roster.spi.notification.MessageChannel;
import io.roster.spi.notification.OutgoingMessage;
import io.roster.spi.notification.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends SMS through an HTTP gateway described by configuration: a URL, an optional header for authentication, and a
 * JSON body with the placeholders {@code {to}}, {@code {text}} and {@code {id}} (replaced by JSON string contents,
 * escaped). 2xx is sent; 429, 408 and 5xx (and no answer) are retried, honouring {@code Retry-After} seconds; any
 * other status is failed.
 */
@ApplicationScoped
public class SmsGatewayChannel implements MessageChannel {
    public static final String DEFAULT_BODY = "{\"to\":\"{to}\",\"text\":\"{text}\",\"reference\":\"{id}\"}";

    @Inject
    @ConfigProperty(name = "roster.sms.url")
    Optional<String> url;

    /** {@code Name: value}, e.g. {@code Authorization: Bearer …}. */
    @Inject
    @ConfigProperty(name = "roster.sms.auth-header")
    Optional<String> authHeader;

    @Inject
    @ConfigProperty(name = "roster.sms.body", defaultValue = DEFAULT_BODY)
    String body;

    @Inject
    @ConfigProperty(name = "roster.sms.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "roster.sms.max-per-second", defaultValue = "0")
    double maxPerSecond;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public String id() {
        return "sms";
    }

    @Override
    public Set<ContactChannel> channels() {
        return Set.of(ContactChannel.SMS);
    }

    @Override
    public boolean available() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    @Override
    public double maxPerSecond() {
        return maxPerSecond;
    }

    /** The request body for one message. */
    public static String body(String template, OutgoingMessage m) {
        return template.replace("{to}", json(m.address()))
                .replace("{id}", json(m.deliveryId()))
                .replace("{text}", json(m.text()));
    }

    /** A JSON string's contents (without quotes). */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.orElseThrow()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", message.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(body(body, message), StandardCharsets.UTF_8));
        authHeader.filter(h -> h.contains(":")).ifPresent(h -> {
            int colon = h.indexOf(':');
            request.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        });
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return SendResult.retry(
                    "sms: no answer from the gateway (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("sms: interrupted", null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendResult.sent(response.headers().firstValue("X-Message-Id").orElse(null));
        }
        if (status == 429 || status == 408 || status >= 500) {
            Duration after = response.headers()
                    .firstValue("Retry-After")
                    .flatMap(SmsGatewayChannel::seconds)
                    .orElse(null);
            return SendResult.retry("sms: the gateway answered " + status, after);
        }
        return SendResult.failed("sms: the gateway answered " + status);
    }

    private static Optional<Duration> seconds(String v) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
