package org.conclave.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * Verifies a Keycloak access token locally: signature by a key of the realm's JWKS (RS256 or ES256 only; an
 * unsigned token is never accepted), the exact issuer, Conclave's audience, expiry and not-before (60 s skew),
 * and that it is an access token, not an ID token. No call to Keycloak per request. A token that passed is
 * remembered (by its SHA-256) with the id of the key that signed it until its {@code exp}, so a client presenting
 * it again is not checked from scratch: Keycloak access tokens cannot be revoked before their expiry here anyway
 * (there is no introspection call). A remembered token is accepted only while its signing key is still among the
 * realm's published keys, so withdrawing a key refuses its tokens as soon as the key set is read again.
 */
public class AccessTokenVerifier {

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final int REMEMBERED_TOKENS = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final VerifiedTokens verified = new VerifiedTokens(REMEMBERED_TOKENS);
    private final Clock clock;
    private final JWKSource<SecurityContext> keys;

    public AccessTokenVerifier(String issuer, String audience, JWKSource<SecurityContext> keys) {
        this(issuer, audience, keys, Clock.systemUTC());
    }

    AccessTokenVerifier(String issuer, String audience, JWKSource<SecurityContext> keys, Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.keys = Objects.requireNonNull(keys);
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(audience);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(),
                Set.of("sub", "exp", "iat")));
    }

    /** The caller the token describes, or a refusal naming why the token is not acceptable. */
    public Caller verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("the bearer token is empty or too long");
        }
        VerifiedTokens.Fingerprint fingerprint = verified.fingerprint(token);
        Optional<VerifiedTokens.Remembered> known = verified.get(fingerprint, clock.instant());
        if (known.isPresent() && stillPublished(known.get().keyId())) {
            return known.get().caller();
        }
        verified.forget(fingerprint);
        try {
            JWT jwt = JWTParser.parse(token);
            JWTClaimsSet claims = processor.process(jwt, null);
            Caller caller = callerOf(claims);
            String keyId = jwt instanceof SignedJWT signed ? signed.getHeader().getKeyID() : null;
            if (keyId != null) {
                verified.put(
                        fingerprint,
                        new VerifiedTokens.Remembered(caller, keyId),
                        claims.getExpirationTime().toInstant(),
                        clock.instant());
            }
            return caller;
        } catch (ParseException e) {
            throw invalid("the bearer token is not a JWT");
        } catch (BadJOSEException e) {
            throw invalid(e.getMessage());
        } catch (JOSEException e) {
            throw invalid("the bearer token's signature could not be checked");
        }
    }

    private boolean stillPublished(String keyId) {
        try {
            return !keys.get(
                            new JWKSelector(
                                    new JWKMatcher.Builder().keyID(keyId).build()),
                            null)
                    .isEmpty();
        } catch (KeySourceException unreadable) {
            return false;
        }
    }

    /** How many verified tokens are remembered now (for tests and gauges). */
    int remembered() {
        return verified.size();
    }

    static Caller callerOf(JWTClaimsSet claims) {
        String username =
                Optional.ofNullable(stringClaim(claims, "preferred_username")).orElse(claims.getSubject());
        return new Caller(
                claims.getSubject(),
                username,
                Optional.ofNullable(stringClaim(claims, "organisation")).filter(s -> !s.isBlank()),
                realmRoles(claims),
                stringList(claims.getClaim("amr")));
    }

    private static Set<Role> realmRoles(JWTClaimsSet claims) {
        Object realmAccess = claims.getClaim("realm_access");
        if (realmAccess instanceof Map<?, ?> map) {
            return stringList(map.get("roles")).stream()
                    .map(Role::named)
                    .flatMap(Optional::stream)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    private static List<String> stringList(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return value instanceof String s ? List.of(s) : List.of();
    }

    private static Refusal invalid(String why) {
        return new Refusal(Rule.INVALID_TOKEN, why);
    }
}
