package org.conclave.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL server the stack runs on: one it starts itself ({@link LocalPostgres}) or an existing one it is
 * pointed at ({@link ExternalPostgres}). Either way it holds the stack's two databases, named here by what they are
 * for ({@code conclave}, {@code keycloak}); an external server may give them other names.
 */
interface PostgresServer extends AutoCloseable {

    /** Starts the server or reaches it, and prepares the roles and the two databases. */
    void start() throws IOException, SQLException;

    /** The actual name of one of the stack's databases ({@code conclave}, {@code keycloak}, or {@code postgres}). */
    String databaseName(String database);

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + databaseName(database);
    }

    String host();

    int port();

    /** A superuser connection, for set-up and for tests that play the attacker with full rights. */
    Connection superuser(String database) throws SQLException;

    String superuserName();

    String superuserPassword();

    /** A consistent base backup of the running server into {@code target} (which must not exist). */
    void takeBaseBackup(Path target) throws IOException, SQLException, InterruptedException;

    /** The directory holding {@code pg_ctl} of this server's major version, to start a restored copy or a replica. */
    Path binaries() throws IOException;

    @Override
    void close();
}
