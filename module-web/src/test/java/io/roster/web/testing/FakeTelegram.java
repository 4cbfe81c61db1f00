package io.roster.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api), started once per test run by
 * {@link TestDatabase}: it answers {@code POST /bot<token>/<method>} the way Telegram does, records every call, can
 * be told to fail the next calls (429 with {@code retry_after}, 5xx) and queues updates for {@code getUpdates}.
 * Form-encoded and JSON bodies are both understood; a parameter holding an object (reply_markup) is parsed as JSON.
 */
public final class FakeTelegram implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call the application made. */
    public record Call(String method, ObjectNode params, long at) {
        public String text() {
            return params.path("text").asText(null);
        }

        public long chatId() {
            return params.path("chat_id").asLong();
        }
    }

    private record Failure(int status, int retryAfter, String description, Predicate<Call> when) {}

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final AtomicLong updateIds = new AtomicLong(1);
    private final List<Call> acknowledged = new ArrayList<>();
    private Predicate<Call> holdWhen;
    private int holdFrom;
    private int holdSeen;
    private java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(0);
    private int held;

    private FakeTelegram(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static FakeTelegram start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeTelegram fake = new FakeTelegram(s);
            s.createContext("/", fake::handle);
            // a thread per request: a held request must never keep another waiting in a queue
            s.setExecutor(Executors.newCachedThreadPool());
            s.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for {@code roster.telegram.api-url}: the token is appended to it. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bot";
    }

    /** Every call so far, oldest first. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one method (e.g. {@code sendMessage}) so far. */
    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The {@code sendMessage} calls to one chat so far. */
    public synchronized List<Call> messagesTo(long chatId) {
        return calls.stream()
                .filter(c -> c.method().equals("sendMessage") && c.chatId() == chatId)
                .toList();
    }

    /** Waits until {@code condition} holds for the calls so far, or fails after {@code timeout}. */
    public List<Call> await(Duration timeout, Predicate<List<Call>> condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Call> now = calls();
            if (condition.test(now)) {
                return now;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Telegram fake: condition not met in " + timeout + "; calls: " + now.size());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The next matching call is answered 429 Too Many Requests with {@code retry_after} seconds. */
    public synchronized void rateLimitNext(int retryAfterSeconds, Predicate<Call> when) {
        failures.add(new Failure(429, retryAfterSeconds, "Too Many Requests: retry after " + retryAfterSeconds, when));
    }

    /** The next matching call is answered with this HTTP status (e.g. 500, 502, or 403 for a blocked bot). */
    public synchronized void failNext(int status, String description, Predicate<Call> when) {
        failures.add(new Failure(status, 0, description, when));
    }

    /**
     * From now on, the {@code n}-th matching call (1-based) and every later matching one is held open without an answer
     * until {@link #release()}, and then dropped unanswered: a message that was never acknowledged. Lets a test kill
     * the application while a message is in flight.
     */
    public synchronized void holdFrom(int n, Predicate<Call> when) {
        holdWhen = when;
        holdFrom = n;
        holdSeen = 0;
        held = 0;
        released = new java.util.concurrent.CountDownLatch(1);
    }

    /** How many calls are being held now. */
    public synchronized int held() {
        return held;
    }

    /** Drops the held calls unanswered and stops holding. */
    public void release() {
        java.util.concurrent.CountDownLatch latch;
        synchronized (this) {
            holdWhen = null;
            latch = released;
        }
        latch.countDown();
    }

    /** The {@code sendMessage} calls to one chat that were answered with success (the message is in the chat). */
    public synchronized List<Call> acknowledgedTo(long chatId) {
        return acknowledged.stream()
                .filter(c -> c.method().equals("sendMessage") && c.chatId() == chatId)
                .toList();
    }

    /** Queues an update (an object as Telegram sends it, without update_id) for the next getUpdates. */
    public synchronized long queueUpdate(ObjectNode update) {
        long id = updateIds.getAndIncrement();
        ObjectNode u = update.deepCopy();
        u.put("update_id", id);
        updates.add(u);
        return id;
    }

    /**
     * Queues an update exactly as given, its {@code update_id} included: Telegram delivering an update again (as it
     * does when the confirming offset never reached it). Like Telegram, getUpdates still skips ids below its offset.
     */
    public synchronized void redeliver(ObjectNode update) {
        updates.add(update.deepCopy());
    }

    /**
     * A copy of the update with the next {@code update_id} of the same sequence {@link #queueUpdate} uses, for
     * delivering it to a webhook: ids stay increasing across webhook and polling tests, as Telegram's do.
     */
    public ObjectNode stamped(ObjectNode update) {
        ObjectNode u = update.deepCopy();
        u.put("update_id", updateIds.getAndIncrement());
        return u;
    }

    /** A text message update whose sender's Telegram app speaks {@code languageCode} (e.g. {@code uk}). */
    public static ObjectNode textUpdate(long id, String text, String languageCode) {
        ObjectNode u = textUpdate(id, text);
        ((ObjectNode) u.path("message").path("from")).put("language_code", languageCode);
        return u;
    }

    /** A pressed inline button ({@code callback_query}) under a bot message in a private chat. */
    public static ObjectNode callbackUpdate(long id, String data) {
        ObjectNode u = JSON.createObjectNode();
        ObjectNode q = u.putObject("callback_query");
        q.put("id", "cb" + System.nanoTime());
        q.put("data", data);
        q.put("chat_instance", "ci" + id);
        q.putObject("from").put("id", id).put("is_bot", false).put("first_name", "Test");
        ObjectNode m = q.putObject("message");
        m.put("message_id", System.nanoTime() % 1_000_000);
        m.put("date", System.currentTimeMillis() / 1000);
        m.put("text", "…");
        m.putObject("chat").put("id", id).put("type", "private");
        return u;
    }

    /** A private-chat text message update from a user, as Telegram would send it; {@code id} is chat and user id. */
    public static ObjectNode textUpdate(long id, String text) {
        ObjectNode u = JSON.createObjectNode();
        ObjectNode m = u.putObject("message");
        m.put("message_id", System.nanoTime() % 1_000_000);
        m.put("date", System.currentTimeMillis() / 1000);
        m.put("text", text);
        m.putObject("chat").put("id", id).put("type", "private");
        m.putObject("from").put("id", id).put("is_bot", false).put("first_name", "Test");
        return u;
    }

    /** Forgets the calls and queued failures and updates (between tests). */
    public synchronized void reset() {
        calls.clear();
        acknowledged.clear();
        failures.clear();
        updates.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                reply(ex, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length());
            ObjectNode params = params(ex);
            Call call = new Call(method, params, System.currentTimeMillis());
            Failure failure;
            java.util.concurrent.CountDownLatch hold = null;
            synchronized (this) {
                calls.add(call);
                if (holdWhen != null && holdWhen.test(call) && ++holdSeen >= holdFrom) {
                    hold = released;
                    held++;
                }
            }
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (this) {
                    held--;
                }
                return; // closed without an answer
            }
            synchronized (this) {
                failure = failures.stream()
                        .filter(f -> f.when().test(call))
                        .findFirst()
                        .orElse(null);
                if (failure != null) {
                    failures.remove(failure);
                }
            }
            if (failure != null) {
                ObjectNode body = error(failure.status(), failure.description());
                if (failure.retryAfter() > 0) {
                    body.putObject("parameters").put("retry_after", failure.retryAfter());
                }
                reply(ex, failure.status(), body);
                return;
            }
            reply(ex, 200, ok(method, params));
            synchronized (this) {
                acknowledged.add(call);
            }
        }
    }

    private ObjectNode ok(String method, ObjectNode params) {
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "sendMessage", "editMessageText" -> {
                ObjectNode m = body.putObject("result");
                m.put("message_id", messageIds.incrementAndGet());
                m.put("date", System.currentTimeMillis() / 1000);
                m.put("text", params.path("text").asText(""));
                m.putObject("chat").put("id", params.path("chat_id").asLong()).put("type", "private");
            }
            case "getUpdates" -> {
                ArrayNode result = body.putArray("result");
                long offset = params.path("offset").asLong(0);
                synchronized (this) {
                    updates.removeIf(u -> u.path("update_id").asLong() < offset);
                    updates.forEach(result::add);
                }
            }
            case "getMe" ->
                body.putObject("result")
                        .put("id", 123456)
                        .put("is_bot", true)
                        .put("first_name", "Roster test bot")
                        .put("username", "roster_test_bot");
            default -> body.put("result", true);
        }
        return body;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static ObjectNode params(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        ObjectNode params = JSON.createObjectNode();
        if (type.startsWith("application/json") && !body.isBlank()) {
            JsonNode n = JSON.readTree(body);
            if (n instanceof ObjectNode o) {
                params.setAll(o);
            }
            return params;
        }
        String query = ex.getRequestURI().getRawQuery();
        String form = query == null ? body : (body.isEmpty() ? query : query + "&" + body);
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (v.startsWith("{") || v.startsWith("[")) {
                try {
                    params.set(k, JSON.readTree(v));
                    continue;
                } catch (IOException notJson) {
                    // plain text that happens to start with a brace
                }
            }
            params.put(k, v);
        }
        return params;
    }

    private static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
