package io.roster.web.rest;

import io.roster.api.idempotency.IdempotencyService;
import io.roster.api.idempotency.StoredResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Runs a creating POST, idempotently when the client sent an {@code Idempotency-Key}: a retry with the same key and
 * body gets the first response again instead of a second record.
 */
@ApplicationScoped
public class Creates {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    IdempotencyService idempotency;

    public Response run(
            String idempotencyKey, String method, String path, String body, Supplier<StoredResponse> action) {
        StoredResponse r = idempotencyKey == null
                ? action.get()
                : idempotency.execute(idempotencyKey, fingerprint(method, path, body), action);
        Response.ResponseBuilder b = Response.status(r.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(r.body());
        if (r.location() != null) {
            b.header("Location", r.location());
        }
        if (r.etag() != null) {
            b.header("ETag", r.etag());
        }
        return b.build();
    }

    static String fingerprint(String method, String path, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
