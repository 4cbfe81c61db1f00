package io.roster.web.security;

import io.roster.api.security.Caller;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Permission;
import io.roster.api.security.Role;
import io.roster.api.security.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies the host CRM's signed staff token (a JWT) with jose4j and maps its claims to a {@link Caller}. The
 * signature must be one of the configured asymmetric algorithms (RS256, ES256 by default) by a configured key, so
 * {@code alg: none} and a token signed with HS256 using the public key as the secret are both refused; expiry, issuer
 * and audience are required and checked. No cryptography is done here by hand.
 */
public final class StaffTokenVerifier {
    /** Algorithms a host may sign with; symmetric ones are never accepted, whatever the configuration says. */
    static final Set<String> ASYMMETRIC =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    private final JwtConsumer consumer;
    private final Settings settings;

    /**
     * What to verify against and how to read claims.
     *
     * @param publicKeyPem a PEM public key (RSA or EC), or {@code null}
     * @param jwks a JWKS document, or {@code null}
     * @param jwksUrl a URL to fetch the JWKS from (cached as its Cache-Control says), or {@code null}
     * @param claimStaffId claim holding the staff id (dotted path for nested claims)
     * @param claimScope claim holding the org-unit ids the staff member sees ({@code *} for all)
     */
    public record Settings(
            String publicKeyPem,
            String jwks,
            String jwksUrl,
            String issuer,
            String audience,
            Set<String> algorithms,
            Duration clockSkew,
            String claimStaffId,
            String claimDisplayName,
            String claimRoles,
            String claimScope) {}

    /** Why a token was refused; the message names the check, never a claim value. */
    public static final class RejectedTokenException extends Exception {
        RejectedTokenException(String message) {
            super(message);
        }
    }

    public StaffTokenVerifier(Settings settings) {
        this.settings = settings;
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalArgumentException("roster.auth.jwt.issuer is required when staff tokens are enabled");
        }
        if (settings.audience() == null || settings.audience().isBlank()) {
            throw new IllegalArgumentException("roster.auth.jwt.audience is required when staff tokens are enabled");
        }
        for (String alg : settings.algorithms()) {
            if (!ASYMMETRIC.contains(alg)) {
                throw new IllegalArgumentException(
                        "roster.auth.jwt.algorithms: " + alg + " is not an asymmetric signature algorithm");
            }
        }
        JwtConsumerBuilder b = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds())
                .setExpectedIssuer(settings.issuer())
                .setExpectedAudience(settings.audience())
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        settings.algorithms().toArray(String[]::new));
        if (settings.publicKeyPem() != null) {
            b.setVerificationKey(parsePem(settings.publicKeyPem()));
        } else if (settings.jwks() != null) {
            try {
                b.setVerificationKeyResolver(
                        new JwksVerificationKeyResolver(new JsonWebKeySet(settings.jwks()).getJsonWebKeys()));
            } catch (JoseException e) {
                throw new IllegalArgumentException("the configured JWKS is not a valid JSON Web Key Set", e);
            }
        } else if (settings.jwksUrl() != null) {
            b.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(settings.jwksUrl())));
        } else {
            throw new IllegalArgumentException("a public key, a JWKS or a JWKS URL is required");
        }
        consumer = b.build();
    }

    /** Reads a file of configuration (a PEM key or a JWKS). */
    public static String read(String location) {
        try {
            return Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** A token's shape, to tell it from an API key: three base64url parts. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * The staff member a token stands for.
     *
     * @throws RejectedTokenException when the token is malformed, badly signed, expired, not yet valid, for another
     *     issuer or audience, signed with an algorithm not allowed, or lacks the staff id
     */
    public Caller verify(String token) throws RejectedTokenException {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new RejectedTokenException(reason(e));
        }
        String staffId = text(claim(claims, settings.claimStaffId()));
        if (staffId == null || staffId.isBlank() || staffId.length() > 200) {
            throw new RejectedTokenException("the token has no staff id");
        }
        String name = text(claim(claims, settings.claimDisplayName()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : strings(claim(claims, settings.claimRoles()))) {
            Role.named(r).ifPresent(roles::add);
        }
        Set<Permission> permissions = Role.permissionsOf(roles);
        List<String> scope = strings(claim(claims, settings.claimScope()));
        boolean unrestricted = scope.contains("*");
        Set<String> units = new LinkedHashSet<>(scope);
        units.remove("*");
        return new Caller(
                staffId,
                CallerKind.STAFF,
                name == null || name.isBlank() ? staffId : name,
                permissions,
                unrestricted ? Set.of() : units,
                unrestricted,
                Source.UI);
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "the token has expired";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUER_INVALID)) {
            return "the token is from another issuer";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_INVALID)
                || e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_MISSING)) {
            return "the token is for another audience";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_INVALID)) {
            return "the token's signature does not verify";
        }
        return "the token is not acceptable";
    }

    /** A claim by name, or by a dotted path into nested objects ({@code realm_access.roles}). */
    static Object claim(JwtClaims claims, String name) {
        if (claims.hasClaim(name)) {
            return claims.getClaimValue(name);
        }
        String[] parts = name.split("\\.");
        Object value = claims.getClaimsMap();
        for (String part : parts) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            value = m.get(part);
        }
        return value;
    }

    private static String text(Object v) {
        return v instanceof String s ? s : v instanceof Number n ? n.toString() : null;
    }

    /** A list claim, or a string of values separated by spaces or commas (as some hosts send roles). */
    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        } else if (v instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    static PublicKey parsePem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the configured public key is not PEM (BEGIN PUBLIC KEY)", e);
        }
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("the configured public key is neither an RSA nor an EC key");
    }
}
