package org.conclave.admission.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.conclave.admission.entity.JoinToken;
import org.conclave.identity.entity.Caller;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.DataDirectory;
import org.conclave.platform.control.KeyFiles;
import org.conclave.platform.control.Pem;
import org.conclave.policy.entity.PolicySettings;
import org.conclave.policy.entity.ScreenSharing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Join tokens in Jitsi Meet's JWT format (token authentication of Prosody), signed with nimbus-jose-jwt: HS256 with
 * the platform's app secret (default), or ES256 with a key and {@code kid} whose public half Prosody fetches from
 * {@code /api/platform/keys/<sha256(kid)>.pem}. Lifetime from the meeting's policy, never more than five minutes; features from the
 * effective policy and the person's role ({@code recording} only for a host while an authorised recording runs with
 * everyone's consent); {@code moderator} for the host.
 */
@ApplicationScoped
public class JitsiTokens {

    private static final Logger LOG = Logger.getLogger(JitsiTokens.class.getName());
    public static final Duration LONGEST = Duration.ofMinutes(5);

    @Inject
    @ConfigProperty(name = "conclave.jitsi.app-id", defaultValue = "conclave")
    String appId;

    @Inject
    @ConfigProperty(name = "conclave.jitsi.app-secret")
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "conclave.jitsi.domain", defaultValue = "meet.conclave.test")
    String domain;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "conclave.jitsi.signing-algorithm", defaultValue = "HS256")
    String algorithm;

    @Inject
    @ConfigProperty(name = "conclave.jitsi.signing-key")
    Optional<String> signingKeyPath;

    @Inject
    @ConfigProperty(name = "conclave.jitsi.key-id", defaultValue = "conclave-jitsi")
    String keyId;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JWSSigner signer;
    private JWSHeader header;
    private String encodedHeader;
    private Optional<ECPublicKey> publicKey = Optional.empty();

    @PostConstruct
    void load() {
        try {
            if ("ES256".equals(algorithm)) {
                KeyPair pair = ecKeyPair();
                signer = new ECDSASigner((ECPrivateKey) pair.getPrivate());
                publicKey = Optional.of((ECPublicKey) pair.getPublic());
                header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .keyID(keyId)
                        .build();
            } else if ("HS256".equals(algorithm)) {
                signer = new MACSigner(configuredSecret
                        .orElseGet(() -> dataDirectory.developmentSecret("jitsi/app-secret"))
                        .getBytes(StandardCharsets.UTF_8));
                header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build();
            } else {
                throw new IllegalStateException("conclave.jitsi.signing-algorithm must be HS256 or ES256");
            }
            encodedHeader = header.toBase64URL().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("the Jitsi signing key is not usable (an HS256 secret needs 32 bytes)", e);
        }
    }

    /**
     * The ES256 public key as Prosody's {@code asap_key_server} expects it: PEM, served under the SHA-256 (hex) of
     * the key id. Empty with HS256.
     */
    public Optional<String> publicKeyPem(String sha256OfKeyId) {
        String expected = HexFormat.of().formatHex(sha256(keyId));
        return publicKey
                .filter(k -> expected.equals(sha256OfKeyId))
                .map(k -> Pem.encode(Pem.PUBLIC_KEY, k.getEncoded()));
    }

    public JoinToken issue(Meeting meeting, Caller person, boolean host, String baseUrl) {
        return issue(meeting.id(), meeting.policy(), meeting.recordingFeature(), person, host, baseUrl);
    }

    /** As {@link #issue(Meeting, Caller, boolean, String)}, from the meeting's id, effective policy and feature. */
    public JoinToken issue(
            String meetingId,
            PolicySettings policy,
            boolean recordingFeature,
            Caller person,
            boolean host,
            String baseUrl) {
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(Math.min(policy.tokenLifetimeSeconds(), LONGEST.toSeconds()));
        Instant expires = now.plus(lifetime);
        String room = room(meetingId);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", person.subject());
        user.put("name", person.username());
        user.put("affiliation", host ? "owner" : "member");
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("recording", host && recordingFeature);
        features.put("livestreaming", false);
        features.put(
                "screen-sharing",
                policy.screenSharing() == ScreenSharing.ALL
                        || (host && policy.screenSharing() == ScreenSharing.HOST_ONLY));
        features.put("file-upload", policy.fileTransferAllowed());
        features.put("outbound-call", false);
        features.put("transcription", false);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .audience("jitsi")
                .subject(domain)
                .claim("room", room)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(expires))
                .claim("moderator", host)
                .claim("context", Map.of("user", user, "features", features))
                .build();
        try {
            // JWS compact serialisation as SignedJWT.serialize() writes it, with the JDK's Base64url: nimbus encodes
            // in constant time, which a public token does not need and which cost a tenth of every renewal.
            String signingInput = encodedHeader + "."
                    + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
            String token = signingInput + "." + signer.sign(header, signingInput.getBytes(StandardCharsets.US_ASCII));
            return new JoinToken(token, expires, baseUrl + "/" + room + "?jwt=" + token, room);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a join token", e);
        }
    }

    /** The platform room of a meeting: the hex of its 128-bit id (room names are case-insensitive). */
    public static String room(Meeting meeting) {
        return room(meeting.id());
    }

    private static String room(String meetingId) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(meetingId));
    }

    private KeyPair ecKeyPair() {
        Path file = signingKeyPath.map(Path::of).orElseGet(() -> dataDirectory.resolve("jitsi/signing-key.pem"));
        if (!Files.exists(file) && signingKeyPath.isEmpty()) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyFiles.write(file, generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            LOG.warning(() -> "generated a DEVELOPMENT Jitsi ES256 key at " + file);
        }
        return KeyFiles.read(file, "EC");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
