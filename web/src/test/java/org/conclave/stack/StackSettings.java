package org.conclave.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local stack keeps its files and which loopback ports it uses. The run command keeps its data in
 * {@code .conclave/} (reused on the next start) on fixed ports; the tests start from an empty {@code target/it-stack/} on free ports.
 * Both start their own PostgreSQL unless {@code CONCLAVE_DB_HOST} names an external one ({@link ExternalPostgres}).
 */
record StackSettings(
        Path home,
        Path dataDir,
        Path distributions,
        Path war,
        String keycloakVersion,
        int postgresPort,
        int keycloakPort,
        int keycloakManagementPort,
        int portalPort,
        int mailPort,
        int mailViewerPort,
        boolean durable,
        Optional<ExternalPostgres.Address> externalDatabase) {

    static StackSettings forRunCommand() {
        Path home = Path.of(required("conclave.home")).toAbsolutePath().normalize();
        Path data = Optional.ofNullable(System.getenv("CONCLAVE_STACK_DATA"))
                .map(Path::of)
                .orElse(home.resolve(".conclave"));
        return new StackSettings(
                home,
                data.toAbsolutePath(),
                Path.of(required("conclave.stack.dir")),
                Path.of(required("conclave.war")),
                required("conclave.keycloak.version"),
                port("CONCLAVE_DB_PORT", 15432),
                port("CONCLAVE_KEYCLOAK_PORT", 8180),
                port("CONCLAVE_KEYCLOAK_MANAGEMENT_PORT", 9180),
                port("CONCLAVE_PORT", 8080),
                port("CONCLAVE_MAIL_PORT", 2525),
                port("CONCLAVE_MAIL_VIEWER_PORT", 8025),
                true,
                ExternalPostgres.Address.fromEnvironment());
    }

    static StackSettings forTests() {
        Path home = Path.of(required("conclave.home")).toAbsolutePath().normalize();
        Path target = Path.of(required("conclave.war")).getParent();
        Path dataDir = target.resolve("it-stack");
        delete(dataDir);
        return new StackSettings(
                home,
                dataDir,
                Path.of(required("conclave.stack.dir")),
                Path.of(required("conclave.war")),
                required("conclave.keycloak.version"),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                false,
                ExternalPostgres.Address.fromEnvironment());
    }

    /** The same stack, but a second portal with its own data directory and port. */
    StackSettings forSecondPortal(Path portalData, int port) {
        return new StackSettings(
                home,
                portalData,
                distributions,
                war,
                keycloakVersion,
                postgresPort,
                keycloakPort,
                keycloakManagementPort,
                port,
                mailPort,
                mailViewerPort,
                durable,
                externalDatabase);
    }

    String mailViewerUrl() {
        return "http://127.0.0.1:" + mailViewerPort;
    }

    String portalUrl() {
        return "http://127.0.0.1:" + portalPort;
    }

    String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    Path logs() {
        return dir(dataDir.resolve("logs"));
    }

    /** Unpacked and pre-built server distributions, shared by the run command and the tests. */
    Path keycloakHome() {
        return home.resolve(".conclave").resolve("dist").resolve("keycloak-" + keycloakVersion);
    }

    static Path dir(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory tree if it exists. */
    static void delete(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (var paths = Files.walk(tree)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        return Optional.ofNullable(System.getProperty(property))
                .orElseThrow(() -> new IllegalStateException(
                        "system property " + property + " is not set: start the stack through Maven (see README)"));
    }

    private static int port(String env, int fallback) {
        return Optional.ofNullable(System.getenv(env)).map(Integer::parseInt).orElse(fallback);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port from 10,000 to 14,999, not in {@code taken} (handed out but not bound yet), whose companion
     * {@code offset} above it is free as well (JGroups' failure detection listens 50,000 above its transport).
     */
    static int freePortWithCompanion(int offset, java.util.Set<Integer> taken) {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 10_000 + random.nextInt(5_000);
            if (!taken.contains(port) && free(port) && free(port + offset)) {
                taken.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free pair of ports " + offset + " apart");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
