package org.conclave.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/conclave";
    private static final RSAKey REALM_KEY = key("realm");
    private static final RSAKey OTHER_KEY = key("realm");

    private final AccessTokenVerifier verifier = new AccessTokenVerifier(
            ISSUER, "conclave-portal", new ImmutableJWKSet<>(new JWKSet(REALM_KEY.toPublicJWK())));

    @Test
    void acceptsARealmAccessTokenAndDescribesTheCaller() {
        Caller caller = verifier.verify(sign(REALM_KEY, claims(UnaryOperator.identity())));

        assertEquals("f1c2-alice", caller.subject());
        assertEquals("alice", caller.username());
        assertEquals("home", caller.organisation().orElseThrow());
        assertEquals(Set.of(Role.HOST, Role.PARTICIPANT), caller.roles());
        assertEquals(List.of("pwd", "otp"), caller.amr());
        assertTrue(caller.usedSecondFactor());
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        assertRefused(sign(OTHER_KEY, claims(UnaryOperator.identity())));
    }

    @Test
    void refusesAnUnsignedToken() {
        assertRefused(new PlainJWT(claims(UnaryOperator.identity())).serialize());
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused(sign(REALM_KEY, claims(b -> b.expirationTime(new Date(System.currentTimeMillis() - 120_000)))));
    }

    @Test
    void refusesATokenNotYetValid() {
        assertRefused(sign(REALM_KEY, claims(b -> b.notBeforeTime(new Date(System.currentTimeMillis() + 600_000)))));
    }

    @Test
    void refusesAnotherIssuer() {
        assertRefused(sign(REALM_KEY, claims(b -> b.issuer("http://127.0.0.1:8180/realms/master"))));
    }

    @Test
    void refusesAnotherAudience() {
        assertRefused(sign(REALM_KEY, claims(b -> b.audience("account"))));
    }

    @Test
    void refusesAnIdTokenUsedAsBearer() {
        assertRefused(sign(REALM_KEY, claims(b -> b.claim("typ", "ID"))));
    }

    @Test
    void refusesAModifiedPayload() {
        String[] parts = sign(REALM_KEY, claims(UnaryOperator.identity())).split("\\.");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(b -> b.claim("realm_access", Map.of("roles", List.of("admin"))))
                        .toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void remembersAVerifiedTokenUntilItsExpiryOnly() {
        long exp = System.currentTimeMillis() + 90_000;
        String token = sign(REALM_KEY, claims(b -> b.expirationTime(new Date(exp))));
        JWKSet realmKeys = new JWKSet(REALM_KEY.toPublicJWK());
        AtomicInteger fullChecks = new AtomicInteger();
        MovableClock clock = new MovableClock(Instant.now());
        AccessTokenVerifier remembering = new AccessTokenVerifier(
                ISSUER,
                "conclave-portal",
                (selector, context) -> {
                    if (selector.getMatcher().getAlgorithms() != null) {
                        fullChecks.incrementAndGet(); // a signature check asks for the header's algorithm
                    }
                    return selector.select(realmKeys);
                },
                clock);

        assertEquals("alice", remembering.verify(token).username());
        assertEquals("alice", remembering.verify(token).username());
        assertEquals(1, fullChecks.get(), "the second time from memory");

        clock.now = Instant.ofEpochMilli(exp);
        assertEquals("alice", remembering.verify(token).username());
        assertEquals(2, fullChecks.get(), "at its expiry checked again from scratch (which allows 60 s of skew)");
    }

    @Test
    void refusesARememberedTokenOnceItsSigningKeyIsWithdrawn() {
        String token = sign(REALM_KEY, claims(UnaryOperator.identity()));
        java.util.concurrent.atomic.AtomicReference<JWKSet> published =
                new java.util.concurrent.atomic.AtomicReference<>(new JWKSet(REALM_KEY.toPublicJWK()));
        AccessTokenVerifier remembering = new AccessTokenVerifier(
                ISSUER, "conclave-portal", (selector, context) -> selector.select(published.get()));
        assertEquals("alice", remembering.verify(token).username());
        assertEquals(1, remembering.remembered());

        published.set(new JWKSet());
        assertRefused(remembering, token);
        assertEquals(0, remembering.remembered(), "forgotten, not served from memory");
    }

    @Test
    void doesNotRememberATokenPastItsExpiry() {
        String token = sign(REALM_KEY, claims(b -> b.expirationTime(new Date(System.currentTimeMillis() - 30_000))));
        assertEquals("alice", verifier.verify(token).username(), "inside the 60 s skew");
        assertEquals(0, verifier.remembered());
    }

    @Test
    void neverServesAnotherTokenFromMemory() {
        String token = sign(REALM_KEY, claims(UnaryOperator.identity()));
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(b -> b.claim("realm_access", Map.of("roles", List.of("admin"))))
                        .toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + forged + "." + parts[2]);
        assertRefused(sign(OTHER_KEY, claims(UnaryOperator.identity())));
        assertEquals(1, verifier.remembered());
    }

    @Test
    void remembersOnlyAcceptedTokens() {
        assertRefused(sign(REALM_KEY, claims(b -> b.expirationTime(new Date(System.currentTimeMillis() - 120_000)))));
        assertRefused(sign(OTHER_KEY, claims(UnaryOperator.identity())));
        assertEquals(0, verifier.remembered());
    }

    @Test
    void keepsTheMemoryBounded() {
        VerifiedTokens tokens = new VerifiedTokens(100);
        Instant now = Instant.now();
        VerifiedTokens.Remembered caller = new VerifiedTokens.Remembered(
                new Caller("s", "u", java.util.Optional.empty(), Set.of(), List.of()), "realm");
        for (int i = 0; i < 1_000; i++) {
            tokens.put(tokens.fingerprint("token-" + i), caller, now.plusSeconds(60), now);
        }
        assertTrue(tokens.size() <= 100, "at most the capacity: " + tokens.size());
        tokens.put(tokens.fingerprint("expired"), caller, now.minusSeconds(1), now);
        assertTrue(tokens.get(tokens.fingerprint("expired"), now).isEmpty());
        tokens.put(tokens.fingerprint("later"), caller, now.plusSeconds(10), now);
        assertTrue(tokens.get(tokens.fingerprint("later"), now).isPresent());
        assertTrue(tokens.get(tokens.fingerprint("later"), now.plusSeconds(10)).isEmpty());
    }

    @Test
    void refusesGarbage() {
        assertRefused("not-a-jwt");
        assertRefused("");
        assertRefused("a".repeat(20_000));
    }

    private void assertRefused(String token) {
        assertRefused(verifier, token);
    }

    private static void assertRefused(AccessTokenVerifier verifier, String token) {
        Refusal refusal = assertThrows(Refusal.class, () -> verifier.verify(token));
        assertEquals(Rule.INVALID_TOKEN, refusal.rule());
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("f1c2-alice")
                .audience(List.of("conclave-portal", "account"))
                .issueTime(new Date(now))
                .expirationTime(new Date(now + 300_000))
                .claim("typ", "Bearer")
                .claim("preferred_username", "alice")
                .claim("organisation", "home")
                .claim("amr", List.of("pwd", "otp"))
                .claim("realm_access", Map.of("roles", List.of("host", "participant", "offline_access")));
        return change.apply(builder).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
