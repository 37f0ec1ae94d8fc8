package org.conclave.admission.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
import org.conclave.policy.entity.PolicySettings;
import org.conclave.policy.entity.ScreenSharing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Join tokens in Jitsi Meet's JWT format (token authentication of Prosody), signed HS256 with the platform's app
 * secret (nimbus-jose-jwt). Lifetime from the meeting's policy, never more than five minutes; features from the
 * effective policy and the person's role; {@code moderator} for the host.
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

    private MACSigner signer;

    @PostConstruct
    void load() {
        try {
            signer = new MACSigner(
                    configuredSecret.orElseGet(this::developmentSecret).getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("the Jitsi app secret must have at least 32 bytes", e);
        }
    }

    public JoinToken issue(Meeting meeting, Caller person, boolean host, String baseUrl) {
        PolicySettings policy = meeting.policy();
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(Math.min(policy.tokenLifetimeSeconds(), LONGEST.toSeconds()));
        Instant expires = now.plus(lifetime);
        String room = room(meeting);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", person.subject());
        user.put("name", person.username());
        user.put("affiliation", host ? "owner" : "member");
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("recording", false);
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
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(signer);
            String token = jwt.serialize();
            return new JoinToken(token, expires, baseUrl + "/" + room + "?jwt=" + token, room);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a join token", e);
        }
    }

    /** The platform room of a meeting: the hex of its 128-bit id (room names are case-insensitive). */
    public static String room(Meeting meeting) {
        return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(meeting.id()));
    }

    private String developmentSecret() {
        Path file = dataDirectory.resolve("jitsi/app-secret");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.writeString(file, HexFormat.of().formatHex(secret));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                LOG.warning(() -> "generated a DEVELOPMENT Jitsi app secret at " + file
                        + ": configure conclave.jitsi.app-secret in production");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
