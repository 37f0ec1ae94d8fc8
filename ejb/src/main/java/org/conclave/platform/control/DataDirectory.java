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
