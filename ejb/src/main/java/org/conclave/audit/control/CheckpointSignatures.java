package org.conclave.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.Hex;

/** Ed25519 signatures over a checkpoint's canonical fields (the JDK's own provider). */
public final class CheckpointSignatures {

    private CheckpointSignatures() {}

    public static byte[] sign(PrivateKey key, Map<String, Object> signedFields) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(CanonicalJson.write(signedFields).getBytes(StandardCharsets.UTF_8));
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    public static boolean verify(PublicKey key, Checkpoint checkpoint) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(CanonicalJson.write(checkpoint.signedFields()).getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(checkpoint.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A key's id: the first 16 hex digits of SHA-256 over its X.509 (SubjectPublicKeyInfo) encoding. */
    public static String keyId(PublicKey key) {
        try {
            return Hex.of(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
