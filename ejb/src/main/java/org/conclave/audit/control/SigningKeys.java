package org.conclave.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.conclave.platform.control.DataDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Ed25519 key that signs checkpoints. It lives in a file outside the database (PKCS#8 PEM, path in
 * {@code conclave.audit.signing-key}); when none is configured a development key is generated into the data
 * directory on first start. Its public half is published so anyone can verify checkpoints.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    @ConfigProperty(name = "conclave.audit.signing-key")
    Optional<String> configuredPath;

    @Inject
    DataDirectory dataDirectory;

    private PrivateKey privateKey;
    private PublicKey publicKey;
    private String keyId;

    @PostConstruct
    void load() {
        Path path = configuredPath.map(Path::of).orElseGet(() -> dataDirectory.resolve("audit/signing-key.pem"));
        try {
            if (!Files.exists(path)) {
                if (configuredPath.isPresent()) {
                    throw new IllegalStateException("the audit signing key " + path + " does not exist");
                }
                generateDevelopmentKey(path);
            }
            privateKey = readPrivateKey(Files.readString(path));
            publicKey = publicKeyOf(path);
            keyId = CheckpointSignatures.keyId(publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** Every key whose checkpoints this portal accepts, by key id. */
    public Map<String, PublicKey> publicKeys() {
        return Map.of(keyId, publicKey);
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private PublicKey publicKeyOf(Path privatePath) throws IOException {
        Path publicPath = privatePath.resolveSibling(privatePath.getFileName() + ".pub");
        if (!Files.exists(publicPath)) {
            throw new IllegalStateException("the audit signing key needs its public half beside it: " + publicPath);
        }
        return CheckpointSignatures.publicKey(der(Files.readString(publicPath)));
    }

    private static void generateDevelopmentKey(Path path) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(path.getParent());
            String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(path, privatePem);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(path.resolveSibling(path.getFileName() + ".pub"), pem(pair.getPublic()));
            LOG.warning(() -> "generated a DEVELOPMENT audit signing key at " + path
                    + ": configure conclave.audit.signing-key in production");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey readPrivateKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key is not an Ed25519 PKCS#8 key", e);
        }
    }

    static byte[] der(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
