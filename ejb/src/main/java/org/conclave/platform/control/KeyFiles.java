package org.conclave.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Signing keys kept in files outside the database: the private key as PKCS#8 PEM (mode 600) and its public half
 * beside it as {@code <file>.pub} (X.509 SubjectPublicKeyInfo PEM).
 */
public final class KeyFiles {

    private KeyFiles() {}

    public static Path publicFile(Path privateFile) {
        return privateFile.resolveSibling(privateFile.getFileName() + ".pub");
    }

    public static void write(Path privateFile, KeyPair pair) {
        try {
            Files.createDirectories(privateFile.getParent());
            Files.writeString(
                    privateFile, Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(
                    publicFile(privateFile),
                    Pem.encode(Pem.PUBLIC_KEY, pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads both halves; {@code algorithm} is the JDK key algorithm ("Ed25519", "EC"). */
    public static KeyPair read(Path privateFile, String algorithm) {
        Path publicFile = publicFile(privateFile);
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            throw new IllegalStateException(
                    "the key " + privateFile + " and its public half " + publicFile + " must exist");
        }
        try {
            KeyFactory keys = KeyFactory.getInstance(algorithm);
            return new KeyPair(
                    keys.generatePublic(new X509EncodedKeySpec(Pem.decode(Files.readString(publicFile)))),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(Files.readString(privateFile)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key " + privateFile + " is not a " + algorithm + " key", e);
        }
    }
}
