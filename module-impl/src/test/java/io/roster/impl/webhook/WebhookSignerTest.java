package io.roster.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSigner.hmac("Jefe", "what do ya want for nothing?"));
        assertEquals(
                "t=1700000000,v1=" + WebhookSigner.hmac("secret", "1700000000.{\"id\":\"x\"}"),
                WebhookSigner.sign("secret", 1_700_000_000L, "{\"id\":\"x\"}"));
    }
}
