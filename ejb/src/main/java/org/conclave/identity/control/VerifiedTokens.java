package org.conclave.identity.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.conclave.identity.entity.Caller;
import org.conclave.platform.control.Sha256;

/**
 * Bearer tokens whose signature and claims were already checked, remembered until they expire so that a client
 * sending the same token again costs a SHA-256 instead of an RSA verification. Keyed by the SHA-256 of the token
 * (the token itself is never kept), bounded: expired entries go first, then arbitrary ones. A token is only ever
 * remembered after a full verification, and only until its own {@code exp}; after that it is verified again from
 * scratch (and refused).
 */
final class VerifiedTokens {

    /** The SHA-256 of a token, as four longs (equality and hash code of the value). */
    record Fingerprint(long a, long b, long c, long d) {

        static Fingerprint of(MessageDigest prototype, String token) {
            MessageDigest sha256;
            try {
                sha256 = (MessageDigest) prototype.clone();
            } catch (CloneNotSupportedException e) {
                sha256 = Sha256.digest();
            }
            ByteBuffer digest = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
            return new Fingerprint(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
        }
    }

    /** A token verified before: who it names and the realm key that signed it. */
    record Remembered(Caller caller, String keyId) {}

    private record Entry(Remembered token, Instant expires) {}

    private final int capacity;
    private final Map<Fingerprint, Entry> entries = new ConcurrentHashMap<>();
    private final MessageDigest prototype = Sha256.digest();

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    Fingerprint fingerprint(String token) {
        return Fingerprint.of(prototype, token);
    }

    /** A token verified before, while {@code now} is before the token's expiry. */
    Optional<Remembered> get(Fingerprint token, Instant now) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expires())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /** Remembers a token that has just been verified, until its expiry. */
    void put(Fingerprint token, Remembered verified, Instant expires, Instant now) {
        if (!now.isBefore(expires)) {
            return;
        }
        if (entries.size() >= capacity) {
            makeRoom(now);
        }
        entries.put(token, new Entry(verified, expires));
    }

    void forget(Fingerprint token) {
        entries.remove(token);
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
        Iterator<Fingerprint> arbitrary = entries.keySet().iterator();
        for (int over = entries.size() - capacity * 9 / 10; over > 0 && arbitrary.hasNext(); over--) {
            arbitrary.next();
            arbitrary.remove();
        }
    }
}
