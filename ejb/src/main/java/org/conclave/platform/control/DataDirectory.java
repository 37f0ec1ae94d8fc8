package org.conclave.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the portal keeps files that must not live in the database (checkpoint file, dev keys, recordings). */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "conclave.data-dir", defaultValue = ".conclave")
    String dataDir;

    /**
     * A DEVELOPMENT secret kept in the data directory: 32 random bytes as hex, generated on first use (mode 600).
     * Production configures its secrets instead.
     */
    public String developmentSecret(String relative) {
        Path file = resolve(relative);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new java.security.SecureRandom().nextBytes(bytes);
                Files.writeString(file, java.util.HexFormat.of().formatHex(bytes));
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                java.util.logging.Logger.getLogger(DataDirectory.class.getName())
                        .warning(() -> "generated a DEVELOPMENT secret at " + file + ": configure it in production");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path resolve(String relative) {
        Path path = Path.of(dataDir).toAbsolutePath().resolve(relative);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }
}
