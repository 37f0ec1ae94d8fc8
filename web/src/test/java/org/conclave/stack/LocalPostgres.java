package org.conclave.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server (binaries from Maven Central via zonky), on 127.0.0.1 only, with password
 * (SCRAM) authentication. For the run command it is durable (fsync, synchronous commit); the tests keep zonky's
 * fast settings. It holds two databases: {@code conclave} and {@code keycloak}.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class.getName());

    private final StackSettings settings;
    private final StackSecrets secrets;
    private EmbeddedPostgres server;

    LocalPostgres(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    void start() throws IOException, SQLException {
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
        createDatabases();
        LOG.info(() -> "PostgreSQL ready on " + jdbcUrl("conclave"));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database;
    }

    /** A superuser connection, for set-up and for tests that play the attacker with full rights. */
    Connection superuser(String database) throws SQLException {
        return server.getDatabase("postgres", database).getConnection();
    }

    private void secureAuthentication(Path data) throws IOException, SQLException {
        try (Connection c = superuser("postgres");
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD " + literal(secrets.get("postgres.superuser.password")));
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

    private void createDatabases() throws IOException, SQLException {
        try (Connection c = superuser("postgres");
                Statement s = c.createStatement()) {
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = 'keycloak'")) {
                s.execute("CREATE ROLE keycloak LOGIN");
            }
            s.execute("ALTER ROLE keycloak PASSWORD " + literal(secrets.get("postgres.keycloak.password")));
            for (String database : List.of("keycloak", "conclave")) {
                if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    s.execute("CREATE DATABASE " + database + ("keycloak".equals(database) ? " OWNER keycloak" : ""));
                }
            }
        }
        try (Connection c = superuser("conclave");
                Statement s = c.createStatement()) {
            s.execute(rolesScript()
                    .replace("{{owner_password}}", literal(secrets.get("postgres.conclave_owner.password")))
                    .replace("{{app_password}}", literal(secrets.get("postgres.conclave_app.password"))));
        }
    }

    private static String rolesScript() throws IOException {
        try (InputStream in = LocalPostgres.class.getResourceAsStream("/db/setup/roles.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/setup/roles.sql is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (var rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
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
