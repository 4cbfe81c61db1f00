package io.roster.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal client of the running server, for what the runner does outside wrk: walking timeline pages to a deep
 * cursor, and timing one-shot requests such as a 5,000-member batch. Every call is bounded in time.
 */
public final class Api {
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FIRST_ID =
            Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    public Api(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** An answer: status, body and how long it took from sending to the last byte. */
    public record Answer(int status, String body, long nanos) {
        public String nextCursor() {
            Matcher m = NEXT_CURSOR.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        /** The {@code id} of the first item of a page, or {@code null}. */
        public String firstId() {
            Matcher m = FIRST_ID.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpRequest request = b.header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), System.nanoTime() - started);
    }

    /**
     * The cursor of page {@code page} (1-based) of a list, found by walking the pages before it with {@code limit} per
     * page; {@code null} for page 1.
     *
     * @throws IOException when a page fails or the list ends before that page
     */
    public String cursorOfPage(String path, int limit, int page) throws IOException, InterruptedException {
        String cursor = null;
        String sep = path.contains("?") ? "&" : "?";
        for (int p = 1; p < page; p++) {
            Answer a = get(path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + Scenarios.enc(cursor)));
            if (a.status() != 200) {
                throw new IOException("GET " + path + " page " + p + ": " + a.status() + " " + a.body());
            }
            cursor = a.nextCursor();
            if (cursor == null) {
                throw new IOException(path + " has fewer than " + page + " pages of " + limit);
            }
        }
        return cursor;
    }
}
