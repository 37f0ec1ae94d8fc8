package org.conclave.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An existing PostgreSQL server (13 or newer) the stack is pointed at instead of starting its own: set
 * {@code CONCLAVE_DB_HOST} (and {@code CONCLAVE_DB_PORT}, {@code CONCLAVE_DB_ADMIN_USER},
 * {@code CONCLAVE_DB_ADMIN_PASSWORD}). The administrator account creates the roles and databases the first time, as a
 * DBA would with {@code db/setup/roles.sql}; the portal itself then connects only as {@code conclave_owner}
 * (migrations) and {@code conclave_app}.
 *
 * <p>The run command uses the databases {@code conclave} and {@code keycloak} and keeps them. A test run uses
 * {@code conclave_it} and {@code keycloak_it} and drops them first, so it starts from empty databases and never
 * touches the run command's. Backups and the streaming replica use {@code pg_basebackup} and {@code pg_ctl} from
 * {@code CONCLAVE_DB_BIN} (default: Debian's {@code /usr/lib/postgresql/<major>/bin} of the server's version), over
 * the replication protocol, so the server's data directory is never read directly.
 */
final class ExternalPostgres implements PostgresServer {

    private static final Logger LOG = Logger.getLogger(ExternalPostgres.class.getName());

    /** Where the external server is and how to administer it. */
    record Address(String host, int port, String adminUser, String adminPassword, Optional<Path> binaries) {

        /** The external server named by the environment, if any ({@code CONCLAVE_DB_HOST} set). */
        static Optional<Address> fromEnvironment() {
            return Optional.ofNullable(System.getenv("CONCLAVE_DB_HOST"))
                    .filter(h -> !h.isBlank())
                    .map(host -> new Address(
                            host,
                            Integer.parseInt(Optional.ofNullable(System.getenv("CONCLAVE_DB_PORT"))
                                    .orElse("5432")),
                            Optional.ofNullable(System.getenv("CONCLAVE_DB_ADMIN_USER"))
                                    .orElse("postgres"),
                            Optional.ofNullable(System.getenv("CONCLAVE_DB_ADMIN_PASSWORD"))
                                    .orElseThrow(() -> new IllegalStateException(
                                            "CONCLAVE_DB_HOST is set: set CONCLAVE_DB_ADMIN_PASSWORD as well")),
                            Optional.ofNullable(System.getenv("CONCLAVE_DB_BIN"))
                                    .map(Path::of)));
        }

        @Override
        public String toString() {
            return adminUser + "@" + host + ":" + port; // never the password
        }
    }

    private final Address address;
    private final StackSecrets secrets;
    private final boolean forTests;

    ExternalPostgres(Address address, StackSecrets secrets, boolean forTests) {
        this.address = address;
        this.secrets = secrets;
        this.forTests = forTests;
    }

    @Override
    public void start() throws IOException, SQLException {
        try (Connection c = superuser("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new IllegalStateException(address.adminUser() + " on " + address
                        + " is not a superuser: the stack needs one to create its roles and databases"
                        + " (and the tests to play the attacker with full rights)");
            }
        }
        if (forTests) {
            StackDatabases.drop(this);
        }
        StackDatabases.prepare(this, secrets);
        LOG.info(() -> "using the external PostgreSQL " + address + ", databases " + databaseName("conclave") + " and "
                + databaseName("keycloak"));
    }

    @Override
    public String databaseName(String database) {
        return forTests && !"postgres".equals(database) ? database + "_it" : database;
    }

    @Override
    public String host() {
        return address.host();
    }

    @Override
    public int port() {
        return address.port();
    }

    @Override
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), address.adminUser(), address.adminPassword());
    }

    @Override
    public String superuserName() {
        return address.adminUser();
    }

    @Override
    public String superuserPassword() {
        return address.adminPassword();
    }

    /** {@code pg_basebackup} over the replication protocol, with the WAL streamed alongside, checkpoint at once. */
    @Override
    public void takeBaseBackup(Path target) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                binaries().resolve("pg_basebackup").toString(),
                "-h",
                host(),
                "-p",
                Integer.toString(port()),
                "-U",
                superuserName(),
                "-D",
                target.toString(),
                "-X",
                "stream",
                "-c",
                "fast",
                "-w"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", superuserPassword());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("pg_basebackup from " + address + " failed (the server must accept replication"
                    + " connections from this host for " + superuserName() + "): " + output);
        }
    }

    @Override
    public Path binaries() throws IOException {
        if (address.binaries().isPresent()) {
            return address.binaries().get();
        }
        int major;
        try (Connection c = superuser("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            major = Integer.parseInt(rs.getString(1)) / 10_000;
        } catch (SQLException e) {
            throw new IOException("could not ask " + address + " for its version", e);
        }
        Path debian = Path.of("/usr/lib/postgresql", Integer.toString(major), "bin");
        if (!Files.isExecutable(debian.resolve("pg_ctl")) || !Files.isExecutable(debian.resolve("pg_basebackup"))) {
            throw new IOException("no PostgreSQL " + major + " tools in " + debian
                    + ": install the server package of that version or set CONCLAVE_DB_BIN to its bin directory");
        }
        return debian;
    }

    @Override
    public void close() {
        // someone else's server: it keeps running
    }
}
