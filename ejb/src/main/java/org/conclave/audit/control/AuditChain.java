package org.conclave.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** The chain's one formula: {@code hash = SHA-256(previous hash ‖ UTF-8(RFC 8785 canonical event))}. */
public final class AuditChain {

    /** The predecessor of the first event: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {}

    public static byte[] link(byte[] previousHash, Map<String, Object> canonicalEvent) {
        return link(previousHash, CanonicalJson.write(canonicalEvent).getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] link(byte[] previousHash, byte[] canonicalEvent) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        return sha256.digest(canonicalEvent);
    }

    /** A new SHA-256 digest, to be reused by one thread for many links. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
