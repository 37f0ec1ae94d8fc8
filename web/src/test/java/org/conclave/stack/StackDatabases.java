package org.conclave.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the stack needs on its PostgreSQL server, whoever runs it: the {@code keycloak} role and database, the
 * {@code conclave} database, and Conclave's roles from {@code db/setup/roles.sql} with the stack's passwords. Safe to
 * repeat: what exists is kept, the passwords are set again.
 */
final class StackDatabases {

    private StackDatabases() {}

    static void prepare(PostgresServer server, StackSecrets secrets) throws IOException, SQLException {
        try (Connection c = server.superuser("postgres");
                Statement s = c.createStatement()) {
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = 'keycloak'")) {
                s.execute("CREATE ROLE keycloak LOGIN");
            }
            s.execute("ALTER ROLE keycloak PASSWORD " + literal(secrets.get("postgres.keycloak.password")));
            for (String database : List.of("keycloak", "conclave")) {
                String name = server.databaseName(database);
                if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = " + literal(name))) {
                    s.execute("CREATE DATABASE " + identifier(name)
                            + ("keycloak".equals(database) ? " OWNER keycloak" : ""));
                }
            }
        }
        try (Connection c = server.superuser("conclave");
                Statement s = c.createStatement()) {
            s.execute(rolesScript()
                    .replace("{{owner_password}}", literal(secrets.get("postgres.conclave_owner.password")))
                    .replace("{{app_password}}", literal(secrets.get("postgres.conclave_app.password"))));
        }
    }

    /** Drops the stack's two databases (a test run on an external server starts from empty ones). */
    static void drop(PostgresServer server) throws SQLException {
        try (Connection c = server.superuser("postgres");
                Statement s = c.createStatement()) {
            for (String database : List.of("keycloak", "conclave")) {
                s.execute("DROP DATABASE IF EXISTS " + identifier(server.databaseName(database)) + " WITH (FORCE)");
            }
        }
    }

    private static String rolesScript() throws IOException {
        try (InputStream in = StackDatabases.class.getResourceAsStream("/db/setup/roles.sql")) {
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

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }
}
