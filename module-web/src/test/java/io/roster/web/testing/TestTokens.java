package io.roster.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.util.List;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * The host CRM of the tests: an RSA and an EC signing key, whose public halves the test run configures as Roster's
 * JWKS ({@code roster.auth.jwt.jwks-location}), and a builder of staff tokens signed with them, correctly or not.
 */
public final class TestTokens {
    public static final String ISSUER = "https://crm.example.org";
    public static final String AUDIENCE = "roster";

    private static final RsaJsonWebKey RSA;
    private static final EllipticCurveJsonWebKey EC;
    /** Not in Roster's JWKS: a token signed with it is a forgery. */
    private static final RsaJsonWebKey STRANGER;

    static {
        try {
            RSA = RsaJwkGenerator.generateJwk(2048);
            RSA.setKeyId("crm-rsa-1");
            EC = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            EC.setKeyId("crm-ec-1");
            STRANGER = RsaJwkGenerator.generateJwk(2048);
            STRANGER.setKeyId("crm-rsa-1");
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestTokens() {}

    /** Writes the JWKS and sets the {@code roster.auth.jwt.*} keys for every deployment of the run. */
    static void configure(Path dir) {
        try {
            Files.createDirectories(dir);
            Path jwks = dir.resolve("crm-jwks.json");
            Files.writeString(jwks, jwks(), StandardCharsets.UTF_8);
            System.setProperty(
                    "roster.auth.jwt.jwks-location", jwks.toAbsolutePath().toString());
            System.setProperty("roster.auth.jwt.issuer", ISSUER);
            System.setProperty("roster.auth.jwt.audience", AUDIENCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host's public keys as a JWKS document. */
    public static String jwks() {
        return new JsonWebKeySet(RSA, EC).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Claims of a valid token for a staff member, to adjust before signing. */
    public static JwtClaims claims(String staffId, List<String> roles, List<String> orgUnits) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setAudience(AUDIENCE);
        c.setSubject(staffId);
        c.setClaim("name", "Анна Сергеевна " + staffId);
        c.setStringListClaim("roles", roles);
        c.setStringListClaim("org_units", orgUnits);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        return c;
    }

    /** A valid RS256 token. */
    public static String staff(String staffId, List<String> roles, List<String> orgUnits) {
        return rs256(claims(staffId, roles, orgUnits));
    }

    public static String rs256(JwtClaims claims) {
        return sign(claims, RSA.getPrivateKey(), RSA.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256, j -> {});
    }

    public static String es256(JwtClaims claims) {
        return sign(
                claims,
                EC.getPrivateKey(),
                EC.getKeyId(),
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                j -> {});
    }

    /** Signed with a key Roster does not know, under the known key id. */
    public static String forged(JwtClaims claims) {
        return sign(claims, STRANGER.getPrivateKey(), RSA.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256, j -> {});
    }

    /** {@code alg: none}, no signature. */
    public static String unsigned(JwtClaims claims) {
        return sign(
                claims,
                null,
                RSA.getKeyId(),
                AlgorithmIdentifiers.NONE,
                j -> j.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS));
    }

    /** The HS/RS confusion: HS256 with the host's public RSA key as the HMAC secret. */
    public static String hmacWithPublicKey(JwtClaims claims) {
        return sign(
                claims,
                new HmacKey(RSA.getPublicKey().getEncoded()),
                RSA.getKeyId(),
                AlgorithmIdentifiers.HMAC_SHA256,
                j -> j.setDoKeyValidation(false));
    }

    private static String sign(JwtClaims claims, Key key, String kid, String alg, Consumer<JsonWebSignature> adjust) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid);
        if (key != null) {
            jws.setKey(key);
        }
        adjust.accept(jws);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
