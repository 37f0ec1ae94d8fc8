package org.conclave.recording.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.conclave.platform.control.DataDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The on-premise directory the video platform's recorder writes finished files to
 * ({@code conclave.recordings.directory}, by default {@code recordings/} in the data directory). Paths reported by
 * the platform are resolved inside it only: absolute paths, {@code ..} and symbolic links leading out are not files
 * of the store.
 */
@ApplicationScoped
public class RecordingStore {

    @Inject
    DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = "conclave.recordings.directory")
    Optional<String> configuredDirectory;

    @Inject
    @ConfigProperty(
            name = "conclave.recordings.location",
            defaultValue = "the organisation's on-premise recordings store")
    String location;

    private Path root;

    @PostConstruct
    void open() {
        Path directory = configuredDirectory
                .map(Path::of)
                .orElseGet(() -> dataDirectory.resolve("recordings/x"))
                .toAbsolutePath();
        if (configuredDirectory.isEmpty()) {
            directory = directory.getParent();
        }
        try {
            Files.createDirectories(directory);
            root = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("the recordings store " + directory + " is not usable", e);
        }
    }

    /** Where recordings are kept, as the notice tells participants. */
    public String location() {
        return location;
    }

    /** The regular file at {@code relative} inside the store, if there is one. */
    public Optional<Path> file(String relative) {
        try {
            if (relative.indexOf('\0') >= 0 || Path.of(relative).isAbsolute()) {
                return Optional.empty();
            }
            Path path = root.resolve(relative).normalize();
            if (!path.startsWith(root) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Path real = path.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    /** SHA-256 (hex) of the file. */
    public String sha256(Path file) {
        return org.conclave.platform.control.Sha256.hex(file);
    }

    public long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read recording " + file, e);
        }
    }

    /** Deletes the file and checks it is gone; true when it was there to delete. */
    public boolean delete(String relative) {
        Optional<Path> file = file(relative);
        if (file.isEmpty()) {
            return false;
        }
        try {
            Files.delete(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete recording " + file.get(), e);
        }
        if (Files.exists(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("recording " + file.get() + " is still there after deletion");
        }
        return true;
    }
}
