package io.roster.impl.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: {@code Roster-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code <t>.<body>} with the subscription's secret. A receiver recomputes it, compares in constant time, and refuses
 * a timestamp more than five minutes away from its clock.
 */
public final class WebhookSigner {
    public static final String HEADER = "Roster-Signature";

    private WebhookSigner() {}

    /** The header value for a body sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
