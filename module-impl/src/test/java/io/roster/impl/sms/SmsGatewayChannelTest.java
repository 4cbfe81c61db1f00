package io.roster.impl.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.roster.api.common.Language;
import io.roster.api.member.ContactChannel;
import io.roster.spi.notification.OutgoingMessage;
import io.roster.spi.notification.SendResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS gateway adapter against a local HTTP server: the body, the headers, and the status mapping. */
class SmsGatewayChannelTest {
    private HttpServer server;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<int[]> script = new ConcurrentLinkedQueue<>();
    private SmsGatewayChannel channel;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", ex -> {
            received.add(new String[] {
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                ex.getRequestHeaders().getFirst("X-Api-Key"),
                ex.getRequestHeaders().getFirst("Idempotency-Key")
            });
            int[] answer = script.poll();
            int status = answer == null ? 200 : answer[0];
            if (answer != null && answer[1] > 0) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(answer[1]));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        channel = new SmsGatewayChannel();
        channel.url = Optional.of("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
        channel.authHeader = Optional.of("X-Api-Key: s3cret");
        channel.body = SmsGatewayChannel.DEFAULT_BODY;
        channel.timeout = Duration.ofSeconds(5);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static OutgoingMessage message(String text) {
        return new OutgoingMessage(
                "0190f000-0000-7000-8000-000000000001",
                "m",
                ContactChannel.SMS,
                "+79131234567",
                Language.RU,
                null,
                text,
                null,
                List.of());
    }

    @Test
    void sendsTheConfiguredBodyWithJsonEscapedCyrillicText() {
        SendResult r = channel.send(message("Собрание \"в четверг\"\nв 18:00 — ждём!"));
        assertEquals(SendResult.Status.SENT, r.status());
        assertEquals(
                "{\"to\":\"+79131234567\",\"text\":\"Собрание \\\"в четверг\\\"\\nв 18:00 — ждём!\","
                        + "\"reference\":\"0190f000-0000-7000-8000-000000000001\"}",
                received.get(0)[0]);
        assertEquals("s3cret", received.get(0)[1]);
        assertEquals("0190f000-0000-7000-8000-000000000001", received.get(0)[2]);
    }

    @Test
    void rateLimitAndServerErrorsAreRetriedOtherRefusalsFail() {
        script.add(new int[] {429, 7});
        SendResult limited = channel.send(message("x"));
        assertEquals(SendResult.Status.RETRY, limited.status());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());
        script.add(new int[] {503, 0});
        assertEquals(SendResult.Status.RETRY, channel.send(message("x")).status());
        script.add(new int[] {400, 0});
        assertEquals(SendResult.Status.FAILED, channel.send(message("x")).status());
    }
}
