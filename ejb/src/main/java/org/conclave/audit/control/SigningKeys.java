package org.conclave.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.conclave.platform.control.DataDirectory;
import org.conclave.platform.control.KeyFiles;
import org.conclave.platform.control.Pem;
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
        if (!Files.exists(path) && configuredPath.isEmpty()) {
            try {
                KeyFiles.write(path, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            LOG.warning(() -> "generated a DEVELOPMENT audit signing key at " + path
                    + ": configure conclave.audit.signing-key in production");
        }
        KeyPair pair = KeyFiles.read(path, "Ed25519");
        privateKey = pair.getPrivate();
        publicKey = pair.getPublic();
        keyId = CheckpointSignatures.keyId(publicKey);
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
        return Pem.encode(Pem.PUBLIC_KEY, key.getEncoded());
    }
}
