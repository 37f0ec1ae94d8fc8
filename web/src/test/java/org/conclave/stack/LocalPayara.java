package org.conclave.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Payara Micro (from Maven Central) running the Conclave WAR at the root context, HTTP on 127.0.0.1 only,
 * configured through environment variables as in production (see docs/operations.md).
 */
final class LocalPayara implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPayara.class.getName());

    private final StackSettings settings;
    private final StackSecrets secrets;
    private ServerProcess process;

    LocalPayara(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The configuration the portal reads (MicroProfile Config maps CONCLAVE_DB_URL to conclave.db.url). */
    Map<String, String> environment(String jdbcUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("CONCLAVE_DB_URL", jdbcUrl);
        env.put("CONCLAVE_DB_USER", "conclave_app");
        env.put("CONCLAVE_DB_PASSWORD", secrets.get("postgres.conclave_app.password"));
        env.put("CONCLAVE_DB_MIGRATION_USER", "conclave_owner");
        env.put("CONCLAVE_DB_MIGRATION_PASSWORD", secrets.get("postgres.conclave_owner.password"));
        env.put("CONCLAVE_KEYCLOAK_URL", settings.keycloakUrl());
        env.put("CONCLAVE_OIDC_CLIENT_SECRET", secrets.get("keycloak.conclave-portal.secret"));
        env.put("CONCLAVE_KEYCLOAK_ADMIN_CLIENT_SECRET", secrets.get("keycloak.conclave-admin.secret"));
        env.put("CONCLAVE_PUBLIC_URL", settings.portalUrl());
        env.put("CONCLAVE_DATA_DIR", settings.dataDir().toString());
        env.put("CONCLAVE_MAIL_HOST", "127.0.0.1");
        env.put("CONCLAVE_MAIL_PORT", Integer.toString(settings.mailPort()));
        if (!settings.durable()) {
            env.put("CONCLAVE_MAIL_POLL_SECONDS", "1");
            env.put("CONCLAVE_MAIL_FIRST_RETRY_SECONDS", "1");
            env.put("CONCLAVE_MAIL_LONGEST_RETRY_SECONDS", "2");
            env.put("CONCLAVE_KEYCLOAK_EVENTS_POLL_SECONDS", "2");
            // Meetings must start in the future; a two-day join window lets the tests join them right away.
            env.put("CONCLAVE_ADMISSION_JOIN_WINDOW_MINUTES", "2880");
            env.put("CONCLAVE_RECORDINGS_PURGE_INTERVAL_SECONDS", "1");
        }
        return env;
    }

    void start(String jdbcUrl) throws IOException, InterruptedException {
        Path work = StackSettings.dir(settings.dataDir().resolve("payara"));
        // A root directory left by an earlier start would deploy its old copy of the WAR as well.
        StackSettings.delete(work.resolve("root"));
        Path tmp = StackSettings.dir(work.resolve("tmp"));
        Path preboot = work.resolve("preboot.asadmin");
        Files.writeString(preboot, String.join("\n", prebootCommands()) + "\n");
        Map<String, String> env = environment(jdbcUrl);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // CONCLAVE_PORTAL_HEAP: the portal's maximum heap (default 768m; bench/run measures reports at 512m).
                "-Xmx"
                        + java.util.Optional.ofNullable(System.getenv("CONCLAVE_PORTAL_HEAP"))
                                .filter(heap -> heap.matches("[0-9]+[kKmMgG]?"))
                                .orElse("768m"),
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                settings.distributions().resolve("payara-micro.jar").toString(),
                "--nohazelcast",
                "--port",
                Integer.toString(settings.portalPort()),
                "--prebootcommandfile",
                preboot.toString(),
                "--rootdir",
                work.resolve("root").toString(),
                "--contextroot",
                "/",
                "--deploy",
                settings.war().toString());
        process = ServerProcess.start(
                "Payara Micro", command, env, work, settings.logs().resolve("payara.log"));
        process.awaitReady(URI.create(settings.portalUrl() + "/health/ready"), Duration.ofMinutes(3));
        LOG.info(() -> "Conclave ready on " + settings.portalUrl());
    }

    static List<String> prebootCommands() {
        return List.of(
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.max-post-size-bytes=1048576");
    }

    void restart(String jdbcUrl) throws IOException, InterruptedException {
        close();
        start(jdbcUrl);
    }

    /** Kills the application server with SIGKILL (the databases and Keycloak keep running). */
    void kill() throws InterruptedException {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    Path log() {
        return process.log();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
