package io.roster.web.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small client for tests: real HTTP to the deployed server, JSON in and out. */
public final class Api {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String key;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String base, String key) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.key = key;
    }

    /** A client authenticated with the test run's admin key. */
    public static Api admin(URL deployment) {
        return new Api(root(deployment), TestDatabase.ADMIN_KEY);
    }

    /** A client with another key, or none ({@code null}). */
    public static Api withKey(URL deployment, String key) {
        return new Api(root(deployment), key);
    }

    private static String root(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }

    /** This client with an extra header on every request. */
    public Api header(String name, String value) {
        Api copy = new Api(base, key);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Res get(String path) {
        return send("GET", path, null, null);
    }

    public Res post(String path, Object body) {
        return send("POST", path, "application/json", body);
    }

    public Res patch(String path, Object body) {
        return send("PATCH", path, "application/merge-patch+json", body);
    }

    public Res put(String path, Object body) {
        return send("PUT", path, "application/json", body);
    }

    public Res delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Sends raw text, for malformed bodies. */
    public Res raw(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Res send(String method, String path, String contentType, Object body) {
        try {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (key != null) {
                b.header("Authorization", "Bearer " + key);
            }
            headers.forEach(b::header);
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(
                    method,
                    text == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Res(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response. */
    public record Res(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status() + "): " + raw.body(), e);
            }
        }

        /** The JSON body, after asserting the status. */
        public JsonNode expect(int status) {
            if (status() != status) {
                throw new AssertionError("expected " + status + " but got " + status() + ": " + raw.body());
            }
            return raw.body().isEmpty() ? null : json();
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
