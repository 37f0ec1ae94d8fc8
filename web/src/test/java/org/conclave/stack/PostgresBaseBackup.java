package org.conclave.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * A base backup of the running PostgreSQL with the server's own low-level API ({@code pg_backup_start}, copy the
 * data directory, {@code pg_backup_stop}, keep the backup label and the WAL written meanwhile), and a restore: a
 * second server started on the copy, which replays the WAL up to the end of the backup. The development stack's
 * PostgreSQL 17 binaries come without {@code pg_basebackup} or {@code pg_dump}, and Debian's client tools are older
 * than the server, so this is the documented file-level method those tools use underneath.
 */
public final class PostgresBaseBackup {

    private static final List<String> SKIPPED = List.of("postmaster.pid", "postmaster.opts", "pg_wal");

    private PostgresBaseBackup() {}

    /** Takes a consistent base backup of the running server into {@code target} (which must not exist). */
    static void take(LocalPostgres postgres, Path data, Path target) throws SQLException, IOException {
        try (Connection c = postgres.superuser("postgres");
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_backup_start('conclave-backup', true)");
            copy(data, target);
            String label;
            try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                rs.next();
                label = rs.getString(1);
            }
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            Path wal = Files.createDirectories(target.resolve("pg_wal"));
            try (Stream<Path> segments = Files.list(data.resolve("pg_wal"))) {
                for (Path segment : segments.filter(Files::isRegularFile).toList()) {
                    Files.copy(segment, wal.resolve(segment.getFileName()));
                }
            }
            Files.createDirectories(wal.resolve("archive_status"));
        }
    }

    /**
     * Starts PostgreSQL on a restored copy, on its own port, with the stack's binaries; as the {@code postgres}
     * system user when running as root (the server refuses root). Closing the handle stops it.
     */
    static AutoCloseable restore(StackSettings settings, Path copy, int port) throws IOException, InterruptedException {
        return startOn(settings, copy, port, "restored-postgres.log");
    }

    /**
     * A streaming replica of the running server: a base backup started as a hot standby that connects back to the
     * primary for its WAL (read-only queries on {@code port}). Closing the handle stops it.
     */
    static AutoCloseable streamingReplica(
            StackSettings settings, LocalPostgres primary, String superuserPassword, Path copy, int port)
            throws SQLException, IOException, InterruptedException {
        take(primary, settings.dataDir().resolve("postgres"), copy);
        Files.writeString(copy.resolve("standby.signal"), "");
        StringBuilder standby = new StringBuilder();
        // a standby needs at least the primary's capacities (the embedded server is started with its own)
        try (Connection c = primary.superuser("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN ('max_connections',"
                        + " 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions',"
                        + " 'max_locks_per_transaction')")) {
            while (rs.next()) {
                standby.append(rs.getString(1))
                        .append(" = ")
                        .append(rs.getString(2))
                        .append('\n');
            }
        }
        standby.append("primary_conninfo = 'host=127.0.0.1 port=")
                .append(settings.postgresPort())
                .append(" user=postgres password=")
                .append(superuserPassword.replace("\\", "\\\\").replace("'", "\\'"))
                .append(" application_name=replica'\n");
        Files.writeString(
                copy.resolve("postgresql.auto.conf"), standby.toString(), java.nio.file.StandardOpenOption.APPEND);
        return startOn(settings, copy, port, "replica-postgres.log");
    }

    private static AutoCloseable startOn(StackSettings settings, Path copy, int port, String logName)
            throws IOException, InterruptedException {
        Path pgCtl;
        try (Stream<Path> installs = Files.list(settings.dataDir().resolve("postgres-bin"))) {
            pgCtl = installs.map(install -> install.resolve("bin/pg_ctl"))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new IOException("no PostgreSQL binaries in " + settings.dataDir()));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> asOwner = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        if (root) {
            run(List.of("chown", "-R", "postgres", copy.toString()));
        }
        run(List.of("chmod", "700", copy.toString()));
        Path log = settings.logs().resolve(logName);
        Files.deleteIfExists(log);
        if (root) {
            Files.createFile(log);
            run(List.of("chown", "postgres", log.toString()));
        }
        List<String> start = new java.util.ArrayList<>(asOwner);
        start.addAll(List.of(
                pgCtl.toString(),
                "-D",
                copy.toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1",
                "-l",
                log.toString(),
                "-w",
                "-t",
                "120",
                "start"));
        run(start);
        return () -> {
            List<String> stop = new java.util.ArrayList<>(asOwner);
            stop.addAll(List.of(pgCtl.toString(), "-D", copy.toString(), "-m", "fast", "-w", "stop"));
            run(stop);
        };
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 0
                        && SKIPPED.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path destination = to.resolve(relative.toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination);
                    }
                } catch (NoSuchFileException vanished) {
                    // a file removed while copying (a temporary file); the WAL replay covers it
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
