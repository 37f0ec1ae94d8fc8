package org.conclave.compliance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return org.conclave.platform.control.Sha256.hex(file);
    }
}
