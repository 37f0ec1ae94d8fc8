package org.conclave.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * The whole portal on 127.0.0.1: PostgreSQL, Keycloak with the realm and demo users, a development SMTP server
 * with its viewer, Payara Micro with the WAR.
 * {@code main} is the run command ({@code ./conclave run}); {@link #start} is also used once per test run.
 */
public final class ConclaveStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConclaveStack.class.getName());

    private final StackSettings settings;
    private final StackSecrets secrets;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private PostgresServer postgres;
    private LocalKeycloak keycloak;
    private LocalPayara payara;
    private LocalMail mail;

    private ConclaveStack(StackSettings settings) {
        this.settings = settings;
        this.secrets = StackSecrets.in(settings.dataDir());
    }

    static ConclaveStack start(StackSettings settings) throws Exception {
        return start(settings, true);
    }

    /** The databases, Keycloak and mail; with {@code portal}, the single Payara Micro instance as well. */
    static ConclaveStack start(StackSettings settings, boolean portal) throws Exception {
        ConclaveStack stack = new ConclaveStack(settings);
        try {
            stack.startAll(portal);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(boolean portal) throws Exception {
        postgres = settings.externalDatabase()
                .<PostgresServer>map(address -> new ExternalPostgres(address, secrets, !settings.durable()))
                .orElseGet(() -> new LocalPostgres(settings, secrets));
        started.push(postgres);
        postgres.start();
        keycloak = new LocalKeycloak(settings, secrets);
        started.push(keycloak);
        KeycloakStart keycloakStart = new KeycloakStart(Thread.currentThread());
        keycloakStart.begin();
        try {
            mail = new LocalMail(settings);
            started.push(mail);
            mail.start();
            if (portal) {
                // Payara Micro starts while Keycloak does; the portal is ready (health) only once Keycloak is
                payara = new LocalPayara(settings, secrets);
                started.push(payara);
                payara.start(postgres.jdbcUrl("conclave"));
            }
        } catch (Exception e) {
            java.util.Optional<Exception> keycloakFailed = keycloakStart.failure();
            if (keycloakFailed.isPresent()) {
                Thread.interrupted(); // the interruption came from that failure
                keycloakFailed.get().addSuppressed(e);
                throw keycloakFailed.get();
            }
            throw e;
        }
        keycloakStart.await();
    }

    /**
     * Keycloak starting beside the rest: a failure interrupts the thread waiting for the portal, so that it does
     * not wait for a readiness that cannot come.
     */
    private final class KeycloakStart {
        private final Thread waiting;
        private final java.util.concurrent.CompletableFuture<Void> done =
                new java.util.concurrent.CompletableFuture<>();

        KeycloakStart(Thread waiting) {
            this.waiting = waiting;
        }

        void begin() {
            Thread starting = new Thread(
                    () -> {
                        try {
                            keycloak.start(postgres.jdbcUrl("keycloak"));
                            done.complete(null);
                        } catch (Exception | Error e) {
                            done.completeExceptionally(e);
                            waiting.interrupt();
                        }
                    },
                    "keycloak-start");
            starting.setDaemon(true);
            starting.start();
        }

        java.util.Optional<Exception> failure() {
            if (!done.isCompletedExceptionally()) {
                return java.util.Optional.empty();
            }
            try {
                done.join();
                return java.util.Optional.empty();
            } catch (java.util.concurrent.CompletionException e) {
                return java.util.Optional.of(cause(e));
            }
        }

        void await() throws Exception {
            try {
                done.join();
            } catch (java.util.concurrent.CompletionException e) {
                Thread.interrupted(); // the interruption came from that failure
                throw cause(e);
            }
        }

        private static Exception cause(java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Starts instances of the portal (on {@code instancePorts}) in one Hazelcast cluster bound to the loopback
     * interface, on this stack's PostgreSQL and data directory, behind an nginx proxy terminating TLS on
     * {@code proxyPort}; Keycloak learns the proxy's address. The first instance starts alone, the others then join
     * it.
     */
    Cluster startCluster(int proxyPort, List<Integer> instancePorts, List<Integer> gridPorts, int replicaPort)
            throws Exception {
        Cluster cluster = new Cluster(
                new LocalProxy(settings.dataDir().resolve("proxy"), proxyPort, instancePorts), replicaPort, postgres);
        try {
            Path replicaData = settings.dataDir().resolve("replica");
            StackSettings.delete(replicaData);
            cluster.replica = PostgresBaseBackup.streamingReplica(settings, postgres, replicaData, replicaPort);
            keycloak.allowRedirectsTo(cluster.proxy.url());
            for (int i = 0; i < instancePorts.size(); i++) {
                LocalPayara instance = new LocalPayara(
                        settings.forSecondPortal(settings.dataDir(), instancePorts.get(i)),
                        secrets,
                        new LocalPayara.ClusterMember(
                                "instance-" + (i + 1),
                                "conclave-" + settings.postgresPort(),
                                gridPorts.get(i),
                                gridPorts.get(0),
                                cluster.proxy.url()));
                cluster.instances.add(instance);
                instance.start(postgres.jdbcUrl("conclave"));
            }
            cluster.proxy.start();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Instances of the portal in one cluster behind the TLS proxy, and a streaming replica of the database; closing
     * it stops them, the proxy and the replica.
     */
    public static final class Cluster implements AutoCloseable {
        private final LocalProxy proxy;
        private final int replicaPort;
        private final PostgresServer primary;
        private final List<LocalPayara> instances = new java.util.ArrayList<>();
        private AutoCloseable replica;

        private Cluster(LocalProxy proxy, int replicaPort, PostgresServer primary) {
            this.proxy = proxy;
            this.replicaPort = replicaPort;
            this.primary = primary;
        }

        /** A superuser connection to the streaming replica's conclave database (read-only: a hot standby). */
        public java.sql.Connection replica() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(
                    replicaUrl(), primary.superuserName(), primary.superuserPassword());
        }

        String replicaUrl() {
            return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + primary.databaseName("conclave");
        }

        /** The public (proxy) address, https. */
        public java.net.URI url() {
            return java.net.URI.create(proxy.url());
        }

        /** The proxy's self-signed certificate (PEM), for clients to trust. */
        public Path certificate() {
            return proxy.certificate();
        }

        /** Stops one instance (counted from 0) in an orderly way; the proxy sends everything to the others. */
        public void stopInstance(int index) {
            instances.get(index).close();
        }

        @Override
        public void close() {
            proxy.close();
            instances.forEach(LocalPayara::close);
            if (replica != null) {
                try {
                    replica.close();
                } catch (Exception e) {
                    LOG.warning(() -> "could not stop the replica: " + e);
                }
            }
        }
    }

    /**
     * Keycloak in its own cluster mode, as production runs it: {@code nodes} nodes built with {@code --cache=ispn},
     * each with its cluster transport on 127.0.0.1, all issuing tokens under the first node's address (where
     * production has a load balancer's), on one new database (the realm imported by the first node),
     * finding each other through that database ({@code jdbc-ping}). The stack's own Keycloak is not part of it.
     */
    KeycloakCluster startKeycloakCluster(int nodes) throws Exception {
        String database = postgres.databaseName("keycloak") + "_cluster";
        try (java.sql.Connection c = postgres.superuser("postgres");
                java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " OWNER keycloak");
        }
        KeycloakCluster cluster = new KeycloakCluster(secrets.get("keycloak.bootstrap-admin.password"));
        try {
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            int firstPort = StackSettings.freePort();
            for (int i = 1; i <= nodes; i++) {
                LocalKeycloak node = new LocalKeycloak(
                        settings,
                        secrets,
                        i == 1 ? firstPort : StackSettings.freePort(),
                        StackSettings.freePort(),
                        new LocalKeycloak.ClusterNode(
                                "node-" + i,
                                StackSettings.freePortWithCompanion(50_000, taken),
                                "http://127.0.0.1:" + firstPort));
                cluster.nodes.add(node);
                node.start("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database);
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The nodes of a Keycloak cluster; closing it stops them. */
    public static final class KeycloakCluster implements AutoCloseable {
        private final List<LocalKeycloak> nodes = new java.util.ArrayList<>();
        private final String adminPassword;

        private KeycloakCluster(String adminPassword) {
            this.adminPassword = adminPassword;
        }

        /** The base URL of a node, counted from 0. */
        public java.net.URI url(int node) {
            return java.net.URI.create(nodes.get(node).url());
        }

        /** The log of a node, counted from 0. */
        public Path log(int node) {
            return nodes.get(node).log();
        }

        /** The bootstrap administrator's password (DEV ONLY, generated), user {@code admin} of realm master. */
        public String adminPassword() {
            return adminPassword;
        }

        @Override
        public void close() {
            nodes.forEach(LocalKeycloak::close);
        }
    }

    StackSettings settings() {
        return settings;
    }

    PostgresServer postgres() {
        return postgres;
    }

    LocalMail mail() {
        return mail;
    }

    LocalPayara payara() {
        return payara;
    }

    /** Stops and starts Payara Micro alone, as after a crash or an upgrade; the databases keep running. */
    void restartPortal() throws IOException, InterruptedException {
        payara.restart(postgres.jdbcUrl("conclave"));
    }

    /** Kills Payara Micro with SIGKILL, as a crash would. */
    void killPortal() throws InterruptedException {
        payara.kill();
    }

    /** Starts Payara Micro again after {@link #killPortal}. */
    void startPortal() throws IOException, InterruptedException {
        payara.start(postgres.jdbcUrl("conclave"));
    }

    /**
     * Backs the database up (a base backup), restores it into a second PostgreSQL, and starts a second portal on the
     * restored database with {@code dataDir} as its data directory. Returns the second portal's URL; closing the
     * handle stops both.
     */
    Restored backupAndRestore(Path dataDir) throws Exception {
        Path copy = settings.dataDir().resolve("backup-" + System.nanoTime());
        postgres.takeBaseBackup(copy);
        return new Restored(copy, dataDir);
    }

    /** A restored copy of the database, started on demand with a portal of its own. */
    public final class Restored implements AutoCloseable {
        private final Path copy;
        private final Path dataDir;
        private AutoCloseable database;
        private LocalPayara portal;
        private StackSettings portalSettings;

        Restored(Path copy, Path dataDir) {
            this.copy = copy;
            this.dataDir = dataDir;
        }

        public java.net.URI start() throws Exception {
            int dbPort = StackSettings.freePort();
            database = PostgresBaseBackup.restore(settings, postgres, copy, dbPort);
            portalSettings = settings.forSecondPortal(dataDir, StackSettings.freePort());
            portal = new LocalPayara(portalSettings, secrets);
            portal.start("jdbc:postgresql://127.0.0.1:" + dbPort + "/" + postgres.databaseName("conclave"));
            return java.net.URI.create(portalSettings.portalUrl());
        }

        @Override
        public void close() throws Exception {
            if (portal != null) {
                portal.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    StackSecrets secrets() {
        return secrets;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                LOG.warning(() -> "could not stop " + server.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    /**
     * {@code ./conclave run}: the whole portal with one instance. {@code ./conclave cluster} (argument
     * {@code cluster}): two instances in a Hazelcast cluster behind nginx terminating TLS, for trying a cluster on
     * one machine.
     */
    public static void main(String[] args) throws Exception {
        boolean clustered = args.length > 0 && args[0].equals("cluster");
        StackSettings settings = StackSettings.forRunCommand();
        ConclaveStack stack = start(settings, !clustered);
        Cluster cluster = null;
        if (clustered) {
            try {
                int first = settings.portalPort();
                int grid = Integer.parseInt(System.getenv().getOrDefault("CONCLAVE_GRID_PORT", "6900"));
                cluster = stack.startCluster(
                        Integer.parseInt(System.getenv().getOrDefault("CONCLAVE_PROXY_PORT", "8443")),
                        List.of(first, first + 1),
                        List.of(grid, grid + 1),
                        Integer.parseInt(System.getenv()
                                .getOrDefault("CONCLAVE_REPLICA_PORT", Integer.toString(settings.postgresPort() + 1))));
            } catch (Exception | Error e) {
                stack.close();
                throw e;
            }
        }
        Cluster running = cluster;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Conclave (Payara Micro, Keycloak, PostgreSQL)...");
                            if (running != null) {
                                running.close();
                            }
                            stack.close();
                            System.out.println("Stopped. Your data stays in " + settings.dataDir());
                        },
                        "conclave-stop"));
        System.out.println(banner(settings, stack.postgres, running));
        Thread.currentThread().join();
    }

    private static String banner(StackSettings s, PostgresServer postgres, Cluster cluster) {
        String portal = cluster == null
                ? s.portalUrl()
                : cluster.url() + "  (2 instances on 127.0.0.1:" + s.portalPort() + " and :" + (s.portalPort() + 1)
                        + ";\n                    self-signed DEV ONLY certificate " + cluster.certificate()
                        + ";\n                    streaming replica of PostgreSQL on " + cluster.replicaUrl() + ")";
        return """

                ==========================================================================
                 Conclave is ready.
                   Portal           %s
                   API (example)    %s/api/me
                   Health           %s/health/ready
                   Keycloak         %s/realms/conclave/account
                   Mail (DEV SMTP)  %s  (SMTP on 127.0.0.1:%s)
                   PostgreSQL       %s
                   Data and logs    %s
                 Demo users (DEV ONLY, password = <name>-dev-password, TOTP secrets in README):
                   alice, hugo (hosts)  bob, carol (participants)  erin (participant, partner org)
                   dora (auditor)  adam (admin)
                 Press Ctrl-C to stop everything.
                ==========================================================================
                """
                .formatted(
                        portal,
                        s.portalUrl(),
                        s.portalUrl(),
                        s.keycloakUrl(),
                        s.mailViewerUrl(),
                        s.mailPort(),
                        postgres.host() + ":" + postgres.port() + " (databases " + postgres.databaseName("conclave")
                                + ", " + postgres.databaseName("keycloak") + ")",
                        s.dataDir());
    }
}
