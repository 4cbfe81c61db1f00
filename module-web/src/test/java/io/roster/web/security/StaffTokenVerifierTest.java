package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.security.Caller;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Permission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** The verifier with a PEM public key, without a server. */
class StaffTokenVerifierTest {
    private static StaffTokenVerifier.Settings settings(String pem, Set<String> algorithms) {
        return new StaffTokenVerifier.Settings(
                pem,
                null,
                null,
                "https://crm",
                "roster",
                algorithms,
                Duration.ofSeconds(30),
                "sub",
                "name",
                "realm_access.roles",
                "org_units");
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static JwtClaims claims() {
        JwtClaims c = new JwtClaims();
        c.setIssuer("https://crm");
        c.setAudience("roster");
        c.setSubject("42");
        c.setClaim("realm_access", Map.of("roles", List.of("auditor", "unknown")));
        c.setStringListClaim("org_units", List.of("*"));
        c.setExpirationTimeMinutesInTheFuture(1);
        return c;
    }

    private static String sign(JwtClaims c, java.security.Key key, String alg) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setAlgorithmHeaderValue(alg);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    @Test
    void anEs256TokenVerifiesAgainstAPemKeyAndNestedClaimsMap() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        StaffTokenVerifier v = new StaffTokenVerifier(settings(pem(keys), Set.of("ES256")));
        Caller c = v.verify(sign(claims(), keys.getPrivate(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
        assertEquals("42", c.id());
        assertEquals(CallerKind.STAFF, c.kind());
        assertTrue(c.unrestricted());
        assertEquals(Set.of(Permission.ORG_READ, Permission.MEMBER_READ, Permission.AUDIT_READ), c.permissions());
    }

    @Test
    void anAlgorithmOutsideTheListIsRefusedEvenWithTheRightKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        StaffTokenVerifier v = new StaffTokenVerifier(settings(pem(keys), Set.of("ES256")));
        assertThrows(
                StaffTokenVerifier.RejectedTokenException.class,
                () -> v.verify(sign(claims(), keys.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256)));
        StaffTokenVerifier rs = new StaffTokenVerifier(settings(pem(keys), Set.of("RS256")));
        assertEquals(
                "42",
                rs.verify(sign(claims(), keys.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256))
                        .id());
        assertThrows(
                StaffTokenVerifier.RejectedTokenException.class,
                () -> rs.verify(
                        sign(claims(), new HmacKey(keys.getPublic().getEncoded()), AlgorithmIdentifiers.HMAC_SHA256)));
    }

    @Test
    void aSymmetricAlgorithmOrAMissingIssuerCannotBeConfigured() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = pem(g.generateKeyPair());
        assertThrows(IllegalArgumentException.class, () -> new StaffTokenVerifier(settings(pem, Set.of("HS256"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StaffTokenVerifier(new StaffTokenVerifier.Settings(
                        pem,
                        null,
                        null,
                        " ",
                        "roster",
                        Set.of("RS256"),
                        Duration.ZERO,
                        "sub",
                        "name",
                        "roles",
                        "org")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StaffTokenVerifier(
                        settings("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", Set.of("RS256"))));
    }
}
