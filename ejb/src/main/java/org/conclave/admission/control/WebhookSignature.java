package org.conclave.admission.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's webhook signature: {@code X-Conclave-Signature: sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + eventId + "." + body)>}, with {@code X-Conclave-Timestamp} (Unix seconds) no further than the
 * allowed skew from now. Compared in constant time.
 */
public final class WebhookSignature {

    public static final Duration SKEW = Duration.ofMinutes(5);

    private WebhookSignature() {}

    public static String sign(byte[] secret, String timestamp, String eventId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "." + eventId + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the request is not authentic, or empty when it is. */
    public static Optional<String> problem(
            byte[] secret, String timestamp, String eventId, byte[] body, String signature, Instant now) {
        if (timestamp == null || eventId == null || signature == null) {
            return Optional.of("X-Conclave-Timestamp, X-Conclave-Event-Id and X-Conclave-Signature are required");
        }
        if (!eventId.matches("[A-Za-z0-9._:-]{8,100}")) {
            return Optional.of("the event id must be 8 to 100 letters, digits or ._:-");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("the timestamp must be Unix seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(SKEW) > 0) {
            return Optional.of("the timestamp is more than five minutes away from now");
        }
        byte[] expected = sign(secret, timestamp, eventId, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("the signature does not match");
        }
        return Optional.empty();
    }
}
