package org.conclave.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
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
    private LocalPostgres postgres;
    private LocalKeycloak keycloak;
    private LocalPayara payara;
    private LocalMail mail;

    private ConclaveStack(StackSettings settings) {
        this.settings = settings;
        this.secrets = StackSecrets.in(settings.dataDir());
    }

    static ConclaveStack start(StackSettings settings) throws Exception {
        ConclaveStack stack = new ConclaveStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        postgres = new LocalPostgres(settings, secrets);
        started.push(postgres);
        postgres.start();
        keycloak = new LocalKeycloak(settings, secrets);
        started.push(keycloak);
        keycloak.start(postgres.jdbcUrl("keycloak"));
        mail = new LocalMail(settings);
        started.push(mail);
        mail.start();
        payara = new LocalPayara(settings, secrets);
        started.push(payara);
        payara.start(postgres.jdbcUrl("conclave"));
    }

    StackSettings settings() {
        return settings;
    }

    LocalPostgres postgres() {
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
        PostgresBaseBackup.take(postgres, settings.dataDir().resolve("postgres"), copy);
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
            database = PostgresBaseBackup.restore(settings, copy, dbPort);
            portalSettings = settings.forSecondPortal(dataDir, StackSettings.freePort());
            portal = new LocalPayara(portalSettings, secrets);
            portal.start("jdbc:postgresql://127.0.0.1:" + dbPort + "/conclave");
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

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.forRunCommand();
        ConclaveStack stack = start(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Conclave (Payara Micro, Keycloak, PostgreSQL)...");
                            stack.close();
                            System.out.println("Stopped. Your data stays in " + settings.dataDir());
                        },
                        "conclave-stop"));
        System.out.println(banner(settings));
        Thread.currentThread().join();
    }

    private static String banner(StackSettings s) {
        return """

                ==========================================================================
                 Conclave is ready.
                   Portal           %s
                   API (example)    %s/api/me
                   Health           %s/health/ready
                   Keycloak         %s/realms/conclave/account
                   Mail (DEV SMTP)  %s  (SMTP on 127.0.0.1:%s)
                   PostgreSQL       %s (databases conclave, keycloak)
                   Data and logs    %s
                 Demo users (DEV ONLY, password = <name>-dev-password, TOTP secrets in README):
                   alice, hugo (hosts)  bob, carol (participants)  erin (participant, partner org)
                   dora (auditor)  adam (admin)
                 Press Ctrl-C to stop everything.
                ==========================================================================
                """
                .formatted(
                        s.portalUrl(),
                        s.portalUrl(),
                        s.portalUrl(),
                        s.keycloakUrl(),
                        s.mailViewerUrl(),
                        s.mailPort(),
                        "127.0.0.1:" + s.postgresPort(),
                        s.dataDir());
    }
}
