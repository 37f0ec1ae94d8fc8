package org.conclave.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Backups and replicas of the stack's PostgreSQL: a base backup (by the server's own means, see
 * {@link PostgresServer#takeBaseBackup}), a restore (a second server started on the copy, which replays the WAL up to
 * the end of the backup), and a streaming replica (a copy started as a hot standby that follows the primary).
 */
public final class PostgresBaseBackup {

    private PostgresBaseBackup() {}

    /**
     * Starts PostgreSQL on a restored copy, on its own port, with the server's binaries; as the {@code postgres}
     * system user when running as root (the server refuses root). Closing the handle stops it.
     */
    static AutoCloseable restore(StackSettings settings, PostgresServer server, Path copy, int port)
            throws IOException, InterruptedException {
        return startOn(settings, server.binaries(), copy, port, "restored-postgres.log");
    }

    /**
     * A streaming replica of the running server: a base backup started as a hot standby that connects back to the
     * primary for its WAL (read-only queries on {@code port}). Closing the handle stops it.
     */
    static AutoCloseable streamingReplica(StackSettings settings, PostgresServer primary, Path copy, int port)
            throws SQLException, IOException, InterruptedException {
        primary.takeBaseBackup(copy);
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
        standby.append("primary_conninfo = '")
                .append(conninfo("host", primary.host()))
                .append(conninfo(" port", Integer.toString(primary.port())))
                .append(conninfo(" user", primary.superuserName()))
                .append(conninfo(" password", primary.superuserPassword()))
                .append(" application_name=replica'\n");
        Files.writeString(
                copy.resolve("postgresql.auto.conf"),
                standby.toString(),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return startOn(settings, primary.binaries(), copy, port, "replica-postgres.log");
    }

    /** One {@code key=value} of a libpq connection string, quoted, inside a single-quoted setting. */
    private static String conninfo(String key, String value) {
        String libpq = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return key + "=" + libpq.replace("\\", "\\\\").replace("'", "''");
    }

    private static AutoCloseable startOn(StackSettings settings, Path binaries, Path copy, int port, String logName)
            throws IOException, InterruptedException {
        Path pgCtl = binaries.resolve("pg_ctl");
        configureIfMissing(copy);
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

    /**
     * Distributions that keep the configuration outside the data directory (Debian's {@code /etc/postgresql}) leave
     * a copy without it: give it the stack's own (loopback only, passwords checked).
     */
    private static void configureIfMissing(Path copy) throws IOException {
        if (!Files.exists(copy.resolve("postgresql.conf"))) {
            Files.writeString(
                    copy.resolve("postgresql.conf"), "# a restored copy or replica started by Conclave's stack\n");
        }
        if (!Files.exists(copy.resolve("pg_hba.conf"))) {
            Files.writeString(
                    copy.resolve("pg_hba.conf"),
                    "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n");
        }
        if (!Files.exists(copy.resolve("pg_ident.conf"))) {
            Files.writeString(copy.resolve("pg_ident.conf"), "");
        }
    }
}
