package org.conclave.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conclave.admission.entity.JoinToken;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.entity.Meeting;
import org.conclave.meeting.entity.MeetingDraft;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.DefaultBaselines;
import org.conclave.policy.entity.SharingLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitsiTokensTest {

    @TempDir
    Path dir;

    static final Caller BOB =
            new Caller("sub-bob", "bob", Optional.of("home"), Set.of(Role.PARTICIPANT), List.of("pwd", "otp"));

    static Meeting meeting() {
        MeetingDraft draft = new MeetingDraft(
                "t",
                "",
                Classification.CONFIDENTIAL,
                SharingLabel.GREEN,
                LocalDateTime.now().plusHours(1),
                ZoneOffset.UTC,
                60,
                Optional.empty(),
                List.of(),
                List.of(),
                Map.of());
        return new Meeting(
                "AAECAwQFBgcICQoLDA0ODw",
                "s",
                1,
                draft,
                draft.start(),
                "sub-alice",
                "alice",
                "home",
                DefaultBaselines.forClass(Classification.CONFIDENTIAL),
                1,
                Instant.now());
    }

    JitsiTokens tokens(String algorithm, Optional<String> secret, Optional<String> keyPath) {
        JitsiTokens tokens = new JitsiTokens();
        tokens.appId = "conclave";
        tokens.domain = "meet.example";
        tokens.algorithm = algorithm;
        tokens.configuredSecret = secret;
        tokens.signingKeyPath = keyPath;
        tokens.keyId = "conclave-jitsi";
        tokens.clock = Clock.systemUTC();
        tokens.load();
        return tokens;
    }

    @Test
    void hs256TokensCarryTheRoomLifetimeAndFeaturesOfThePolicy() throws Exception {
        String secret = "0123456789abcdef0123456789abcdef";
        JoinToken token = tokens("HS256", Optional.of(secret), Optional.empty())
                .issue(meeting(), BOB, false, "https://meet.example");

        SignedJWT jwt = SignedJWT.parse(token.token());
        assertTrue(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8))));
        assertEquals("000102030405060708090a0b0c0d0e0f", jwt.getJWTClaimsSet().getStringClaim("room"));
        assertEquals(List.of("jitsi"), jwt.getJWTClaimsSet().getAudience());
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime()
                - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertTrue(lifetime <= 300_000);
        assertEquals("https://meet.example/000102030405060708090a0b0c0d0e0f?jwt=" + token.token(), token.joinUrl());
        assertFalse(jwt.getJWTClaimsSet().getBooleanClaim("moderator"));
        assertEquals(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256)
                        .type(com.nimbusds.jose.JOSEObjectType.JWT)
                        .build()
                        .toBase64URL()
                        .toString(),
                token.token().split("\\.")[0]);
        assertTrue(token.token().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "compact, no padding");
    }

    @Test
    void es256TokensNameTheirKeyWhosePublicHalfIsPublishedUnderTheHashOfItsId() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path key = dir.resolve("jitsi.pem");
        Files.writeString(
                key,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(
                dir.resolve("jitsi.pem.pub"),
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        JitsiTokens tokens = tokens("ES256", Optional.empty(), Optional.of(key.toString()));

        SignedJWT jwt = SignedJWT.parse(
                tokens.issue(meeting(), BOB, true, "https://meet.example").token());
        assertEquals("conclave-jitsi", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())));
        assertTrue(jwt.getJWTClaimsSet().getBooleanClaim("moderator"));

        String hash = HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256").digest("conclave-jitsi".getBytes(StandardCharsets.UTF_8)));
        String pem = tokens.publicKeyPem(hash).orElseThrow();
        ECPublicKey published = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim())));
        assertTrue(jwt.verify(new ECDSAVerifier(published)));
        assertTrue(tokens.publicKeyPem("00").isEmpty());
    }
}
