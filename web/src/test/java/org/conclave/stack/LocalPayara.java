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
 * configured through environment variables as in production (see docs/operations.md). Alone it runs without
 * Hazelcast; as a {@link ClusterMember} it joins the other instances' data grid on the loopback interface and sits
 * behind the reverse proxy.
 */
final class LocalPayara implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPayara.class.getName());

    private final StackSettings settings;
    private final StackSecrets secrets;
    private final java.util.Optional<ClusterMember> member;
    private ServerProcess process;

    LocalPayara(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
        this.member = java.util.Optional.empty();
    }

    LocalPayara(StackSettings settings, StackSecrets secrets, ClusterMember member) {
        this.settings = settings;
        this.secrets = secrets;
        this.member = java.util.Optional.of(member);
    }

    /**
     * One instance of a cluster: its name, the cluster's name (so that stacks on one machine never join each
     * other), its data-grid port and the first member's, which every instance lists to find the others; the
     * public URL is the proxy's.
     */
    record ClusterMember(String name, String clusterName, int gridPort, int firstGridPort, String publicUrl) {

        /**
         * The whole session is written to the data grid after every request: the sign-in keeps its tokens in a
         * session-scoped bean and Faces its views in session maps, both changed in place, which the default
         * (changed attributes only) would not see.
         */
        static final List<String> PREBOOT = List.of(
                "set configs.config.server-config.availability-service.web-container-availability.persistence-scope=session");

        List<String> arguments() {
            return List.of(
                    "--name",
                    name,
                    "--clustername",
                    clusterName,
                    "--clustermode",
                    "tcpip:127.0.0.1:" + firstGridPort,
                    "--interfaces",
                    "127.0.0.1",
                    "--startport",
                    Integer.toString(gridPort),
                    // every member has the same address here: keep a session's backup copy on the other one anyway
                    "--nohostaware");
        }
    }

    private String instance() {
        return member.map(m -> "payara-" + m.name()).orElse("payara");
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
        env.put("CONCLAVE_PUBLIC_URL", member.map(ClusterMember::publicUrl).orElse(settings.portalUrl()));
        // behind the proxy (on this machine), the client is the one it forwarded for
        member.ifPresent(m -> env.put("CONCLAVE_TRUSTED_PROXIES", "127.0.0.1"));
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
        Path work = StackSettings.dir(settings.dataDir().resolve(instance()));
        // A root directory left by an earlier start would deploy its old copy of the WAR as well.
        StackSettings.delete(work.resolve("root"));
        Path tmp = StackSettings.dir(work.resolve("tmp"));
        Path prebootFile = work.resolve("preboot.asadmin");
        List<String> preboot = new java.util.ArrayList<>(prebootCommands());
        member.ifPresent(m -> preboot.addAll(ClusterMember.PREBOOT));
        Files.writeString(prebootFile, String.join("\n", preboot) + "\n");
        Map<String, String> env = environment(jdbcUrl);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // CONCLAVE_PORTAL_HEAP: the portal's maximum heap (default 768m; bench/run measures reports at 512m).
                "-Xmx" + setting("CONCLAVE_PORTAL_HEAP", "[0-9]+[kKmMgG]?", "768m"),
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                settings.distributions().resolve("payara-micro.jar").toString()));
        command.addAll(member.map(ClusterMember::arguments).orElse(List.of("--nohazelcast")));
        command.addAll(List.of(
                "--port",
                Integer.toString(settings.portalPort()),
                "--prebootcommandfile",
                prebootFile.toString(),
                "--rootdir",
                work.resolve("root").toString(),
                "--contextroot",
                "/",
                "--deploy",
                settings.war().toString()));
        process = ServerProcess.start(
                "Payara Micro " + instance(),
                command,
                env,
                work,
                settings.logs().resolve(instance() + ".log"));
        process.awaitReady(URI.create(settings.portalUrl() + "/health/ready"), Duration.ofMinutes(3));
        LOG.info(() -> "Conclave (" + instance() + ") ready on " + settings.portalUrl());
    }

    static List<String> prebootCommands() {
        return List.of(
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.max-post-size-bytes=1048576",
                // behind the TLS proxy, the scheme is the one it says (only local processes reach 127.0.0.1)
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.scheme-mapping=X-Forwarded-Proto",
                // CONCLAVE_HTTP_THREADS: requests served at once (default 16; more wait in the listener's queue).
                // Payara's own default let over a hundred request threads contend for a few cores and for the JIT
                // compiler threads: on 2 cores, token renewals ran 1.3-1.5x faster with 8 or 16 (bench/run, P1b).
                "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size="
                        + setting("CONCLAVE_HTTP_THREADS", "[1-9][0-9]{0,3}", "16"));
    }

    /** An environment setting of the run command when it has the expected form, else its default. */
    private static String setting(String name, String form, String otherwise) {
        return java.util.Optional.ofNullable(System.getenv(name))
                .filter(value -> value.matches(form))
                .orElse(otherwise);
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
