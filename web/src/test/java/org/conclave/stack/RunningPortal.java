package org.conclave.stack;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension for integration tests: starts the real stack once per test run (the first test class that
 * needs it), hands a {@link RunningPortal.Portal} to tests, and stops everything when the run ends.
 */
public final class RunningPortal implements BeforeAllCallback, ParameterResolver {

    /** What a test may use of the running stack. */
    public interface Portal {
        URI url();

        URI keycloakUrl();

        /** A PostgreSQL superuser connection to the conclave database: the attacker with full rights. */
        Connection superuser() throws SQLException;

        /** A connection as the application's own restricted role. */
        Connection applicationRole() throws SQLException;

        /** Stops and restarts the application server (the databases and Keycloak keep running). */
        void restartPortal() throws Exception;

        /** The data directory of the running portal (checkpoint file, signing key). */
        java.nio.file.Path dataDirectory();

        /** The development SMTP server the portal sends its mail to. */
        LocalMail mail();

        /** Kills the application server with SIGKILL, as a crash would; {@link #startPortal} brings it back. */
        void killPortal() throws Exception;

        void startPortal() throws Exception;

        /** A DEV ONLY secret of the stack (dev-secrets.properties), e.g. the Keycloak admin client's. */
        String secret(String name);

        /**
         * Takes a base backup of the database now; {@code start()} on the result restores it into a second
         * PostgreSQL and starts a second portal on it, with {@code dataDir} as that portal's data directory.
         */
        ConclaveStack.Restored backupAndRestore(java.nio.file.Path dataDir) throws Exception;

        /**
         * Starts two more instances of the portal on this stack's database, in one Hazelcast cluster on loopback,
         * behind an nginx proxy terminating TLS, and a streaming replica of the database; closing the result stops
         * them.
         */
        ConclaveStack.Cluster cluster() throws Exception;

        /** Keycloak in its own cluster mode: {@code nodes} nodes on a database of their own, this realm imported. */
        ConclaveStack.KeycloakCluster keycloakCluster(int nodes) throws Exception;
    }

    private static final class StackResource implements ExtensionContext.Store.CloseableResource, Portal {
        private final ConclaveStack stack;

        StackResource(ConclaveStack stack) {
            this.stack = stack;
        }

        @Override
        public URI url() {
            return URI.create(stack.settings().portalUrl());
        }

        @Override
        public URI keycloakUrl() {
            return URI.create(stack.settings().keycloakUrl());
        }

        @Override
        public Connection superuser() throws SQLException {
            return stack.postgres().superuser("conclave");
        }

        @Override
        public Connection applicationRole() throws SQLException {
            return java.sql.DriverManager.getConnection(
                    stack.postgres().jdbcUrl("conclave"),
                    "conclave_app",
                    stack.secrets().get("postgres.conclave_app.password"));
        }

        @Override
        public void restartPortal() throws Exception {
            stack.restartPortal();
        }

        @Override
        public java.nio.file.Path dataDirectory() {
            return stack.settings().dataDir();
        }

        @Override
        public void killPortal() throws Exception {
            stack.killPortal();
        }

        @Override
        public void startPortal() throws Exception {
            stack.startPortal();
        }

        @Override
        public ConclaveStack.Restored backupAndRestore(java.nio.file.Path dataDir) throws Exception {
            return stack.backupAndRestore(dataDir);
        }

        @Override
        public ConclaveStack.Cluster cluster() throws Exception {
            return stack.startCluster(
                    StackSettings.freePort(),
                    java.util.List.of(StackSettings.freePort(), StackSettings.freePort()),
                    java.util.List.of(StackSettings.freePort(), StackSettings.freePort()),
                    StackSettings.freePort());
        }

        @Override
        public ConclaveStack.KeycloakCluster keycloakCluster(int nodes) throws Exception {
            return stack.startKeycloakCluster(nodes);
        }

        @Override
        public String secret(String name) {
            return stack.secrets().get(name);
        }

        @Override
        public LocalMail mail() {
            return stack.mail();
        }

        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        portal(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Portal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return portal(context);
    }

    private static Portal portal(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        StackResource.class,
                        key -> {
                            try {
                                return new StackResource(ConclaveStack.start(StackSettings.forTests()));
                            } catch (Exception e) {
                                throw new IllegalStateException(
                                        "the Conclave stack did not start: " + e.getMessage(), e);
                            }
                        },
                        StackResource.class);
    }
}
