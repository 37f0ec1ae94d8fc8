package org.conclave.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (binaries from Maven Central via zonky), on 127.0.0.1 only, with password
 * (SCRAM) authentication. For the run command it is durable (fsync, synchronous commit); the tests keep zonky's
 * fast settings. It holds two databases: {@code conclave} and {@code keycloak}.
 */
final class LocalPostgres implements PostgresServer {

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class.getName());
    private static final List<String> NOT_COPIED = List.of("postmaster.pid", "postmaster.opts", "pg_wal");

    private final StackSettings settings;
    private final StackSecrets secrets;
    private EmbeddedPostgres server;

    LocalPostgres(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public void start() throws IOException, SQLException {
        Path data = settings.dataDir().resolve("postgres");
        stopOrphan(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(
                        StackSettings.dir(settings.dataDir().resolve("postgres-bin"))
                                .toFile())
                .setPort(settings.postgresPort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", secrets.get("postgres.superuser.password"));
        if (settings.durable()) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        server = builder.start();
        secureAuthentication(data);
        StackDatabases.prepare(this, secrets);
        LOG.info(() -> "PostgreSQL ready on " + jdbcUrl("conclave"));
    }

    @Override
    public String databaseName(String database) {
        return database;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return settings.postgresPort();
    }

    @Override
    public Connection superuser(String database) throws SQLException {
        return server.getDatabase("postgres", database).getConnection();
    }

    @Override
    public String superuserName() {
        return "postgres";
    }

    @Override
    public String superuserPassword() {
        return secrets.get("postgres.superuser.password");
    }

    /**
     * A base backup with the server's own low-level API ({@code pg_backup_start}, copy the data directory,
     * {@code pg_backup_stop}, keep the backup label and the WAL written meanwhile). The embedded PostgreSQL 17
     * binaries come without {@code pg_basebackup}, and Debian's client tools are older than the server, so this is
     * the documented file-level method that tool uses underneath.
     */
    @Override
    public void takeBaseBackup(Path target) throws IOException, SQLException {
        Path data = settings.dataDir().resolve("postgres");
        try (Connection c = superuser("postgres");
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

    @Override
    public Path binaries() throws IOException {
        try (Stream<Path> installs = Files.list(settings.dataDir().resolve("postgres-bin"))) {
            return installs.map(install -> install.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no PostgreSQL binaries in " + settings.dataDir()));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 0
                        && NOT_COPIED.contains(relative.getName(0).toString())) {
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
                }
            }
        }
    }

    private void secureAuthentication(Path data) throws IOException, SQLException {
        try (Connection c = superuser("postgres");
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD "
                    + StackDatabases.literal(secrets.get("postgres.superuser.password")));
        }
        String hba = "# Conclave local stack: loopback only, passwords checked (SCRAM).\n"
                + "local all all scram-sha-256\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n"
                + "host replication postgres 127.0.0.1/32 scram-sha-256\n";
        Path file = data.resolve("pg_hba.conf");
        if (!hba.equals(Files.readString(file))) {
            Files.writeString(file, hba);
            try (Connection c = superuser("postgres");
                    Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
            }
        }
    }

    /** A server left running by a killed launcher still holds the port and data directory: stop it first. */
    private static void stopOrphan(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
                LOG.warning(() -> "stopping PostgreSQL left running by an earlier start (pid " + pid + ")");
                p.destroy();
                p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "could not check " + pidFile + ": " + e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }
}
