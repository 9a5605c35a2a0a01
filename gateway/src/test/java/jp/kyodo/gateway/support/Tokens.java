package jp.kyodo.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed tokens for the mock OIDC server (its private key is configured by
 * OidcWiremockTestResource), and the broken variants the gateway must refuse.
 */
public final class Tokens {

    /** The issuer the mock server's discovery document announces. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "kyodo-api";

    private Tokens() {
    }

    /** A valid token of a new subject each time, so that no two tests share a rate-limit bucket. */
    public static String valid() {
        return claims().subject("alice-" + UUID.randomUUID()).sign();
    }

    /** A valid token of a given client ({@code azp}) acting for a given subject. */
    public static String forClient(String azp, String subject) {
        return claims().claim("azp", azp).subject(subject).sign();
    }

    /**
     * A valid token of a person with realm roles (claim {@code groups}). Each token names a new client
     * ({@code azp}), so tests of the same person do not share a rate-limit bucket.
     */
    public static String person(String subject, String... roles) {
        return claims().subject(subject).upn(subject).groups(java.util.Set.of(roles))
                .claim("azp", "test-" + UUID.randomUUID()).sign();
    }

    public static String expired() {
        Instant now = Instant.now();
        return claims().issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign();
    }

    public static String wrongIssuer() {
        return claims().issuer("https://attacker.example.com").sign();
    }

    public static String wrongAudience() {
        return claims().audience("some-other-api").sign();
    }

    /** Signed by a key the realm never published, under the realm key's id. */
    public static String foreignKey() {
        return claims().jws().keyId("1").sign(freshRsaKey());
    }

    /** A valid token with one signature character changed. */
    public static String tamperedSignature() {
        String token = valid();
        int at = token.lastIndexOf('.') + 10;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    /** Header {@code alg: none}, valid-looking claims, no signature. */
    public static String unsigned() {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"alice\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}";
        return base64Url(header) + "." + base64Url(claims) + ".";
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("alice").upn("alice").expiresIn(300);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey freshRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
