package org.conclave.compliance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.conclave.platform.control.DataDirectory;

/** Where issued reports are kept: {@code reports/} in the data directory, one file per report id. */
@ApplicationScoped
public class ReportStore {

    @Inject
    DataDirectory dataDirectory;

    public Path file(String reportId, String extension) {
        return dataDirectory.resolve("reports/" + reportId + "." + extension);
    }

    public Path workFolder() {
        Path folder = dataDirectory.resolve("reports/work/x").getParent();
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[65536];
            for (int n; (n = in.read(block)) > 0; ) {
                digest.update(block, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
