package org.conclave.stack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The official Keycloak server distribution (keycloak-quarkus-dist from Maven Central), unpacked and built for
 * PostgreSQL once, then started in production mode over HTTP on 127.0.0.1 with the {@code conclave} realm imported
 * (an existing realm is kept as it is). Its data lives in the {@code keycloak} database of the local PostgreSQL.
 */
final class LocalKeycloak implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalKeycloak.class.getName());
    private static final String BUILD_OPTIONS = "--db=postgres --health-enabled=true --cache=local";
    private static final String CLUSTER_BUILD_OPTIONS = "--db=postgres --health-enabled=true --cache=ispn";

    /**
     * A node of a Keycloak cluster: its name, the port of its cluster transport (JGroups) on 127.0.0.1, and the
     * address all nodes share (a load balancer's in production), which names the issuer of every token.
     */
    record ClusterNode(String name, int transportPort, String publicUrl) {}

    private final StackSettings settings;
    private final StackSecrets secrets;
    private final int httpPort;
    private final int managementPort;
    private final java.util.Optional<ClusterNode> node;
    private ServerProcess process;

    /** The stack's single Keycloak, with a local cache. */
    LocalKeycloak(StackSettings settings, StackSecrets secrets) {
        this(settings, secrets, settings.keycloakPort(), settings.keycloakManagementPort(), java.util.Optional.empty());
    }

    /**
     * A node of a Keycloak cluster ({@code --cache=ispn}): its caches are kept coherent with the other nodes on the
     * same database through embedded Infinispan, which finds them through that database ({@code jdbc-ping}).
     */
    LocalKeycloak(StackSettings settings, StackSecrets secrets, int httpPort, int managementPort, ClusterNode node) {
        this(settings, secrets, httpPort, managementPort, java.util.Optional.of(node));
    }

    private LocalKeycloak(
            StackSettings settings,
            StackSecrets secrets,
            int httpPort,
            int managementPort,
            java.util.Optional<ClusterNode> node) {
        this.settings = settings;
        this.secrets = secrets;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.node = node;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path log() {
        return settings.logs()
                .resolve(node.map(n -> "keycloak-" + n.name() + ".log").orElse("keycloak.log"));
    }

    void start(String postgresUrl) throws IOException, InterruptedException {
        Path home = installed();
        Path importDir = Files.createDirectories(home.resolve("data").resolve("import"));
        try (InputStream realm = LocalKeycloak.class.getResourceAsStream("/keycloak/conclave-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("keycloak/conclave-realm.json is not on the class path");
            }
            Files.copy(realm, importDir.resolve("conclave-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = new java.util.HashMap<>(realmPlaceholders());
        env.putAll(Map.of(
                "KC_DB_URL",
                postgresUrl,
                "KC_DB_USERNAME",
                "keycloak",
                "KC_DB_PASSWORD",
                secrets.get("postgres.keycloak.password"),
                "KC_HTTP_ENABLED",
                "true",
                "KC_HTTP_HOST",
                "127.0.0.1",
                "KC_HTTP_PORT",
                Integer.toString(httpPort),
                "KC_HTTP_MANAGEMENT_PORT",
                Integer.toString(managementPort),
                "KC_HOSTNAME",
                node.map(ClusterNode::publicUrl).orElse(url()),
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                secrets.get("keycloak.bootstrap-admin.password")));
        if (node.isPresent()) {
            env.put("KC_CACHE", "ispn");
            env.put("KC_CACHE_STACK", "jdbc-ping");
            env.put("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS", "127.0.0.1");
            env.put(
                    "KC_CACHE_EMBEDDED_NETWORK_BIND_PORT",
                    Integer.toString(node.get().transportPort()));
            env.put("KC_SPI_CACHE_EMBEDDED_DEFAULT_NODE_NAME", node.get().name());
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        } else {
            env.put("KC_CACHE", "local");
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        process = ServerProcess.start(
                "Keycloak",
                List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized", "--import-realm"),
                env,
                home,
                log());
        process.awaitReady(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), Duration.ofMinutes(4));
        LOG.info(() -> node.map(n -> "Keycloak " + n.name()).orElse("Keycloak") + " ready on " + url());
    }

    /**
     * Lets the portal's browser sign-in come back to another public URL as well (the TLS proxy in front of a
     * cluster), through Keycloak's admin API as an operator would.
     */
    void allowRedirectsTo(String publicUrl) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(secrets.get("keycloak.bootstrap-admin.password"), StandardCharsets.UTF_8);
        String token = json(http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .asJsonObject()
                .getString("access_token");
        URI clients = URI.create(url() + "/admin/realms/conclave/clients");
        JsonObject client = json(http.send(
                        HttpRequest.newBuilder(URI.create(clients + "?clientId=conclave-portal"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .asJsonArray()
                .getJsonObject(0);
        if (client.getJsonArray("redirectUris")
                .getValuesAs(JsonString::getString)
                .contains(publicUrl + "/*")) {
            return;
        }
        JsonObject updated = Json.createObjectBuilder(client)
                .add(
                        "redirectUris",
                        Json.createArrayBuilder(client.getJsonArray("redirectUris"))
                                .add(publicUrl + "/*"))
                .add(
                        "webOrigins",
                        Json.createArrayBuilder(client.getJsonArray("webOrigins"))
                                .add(publicUrl))
                .build();
        int status = http.send(
                        HttpRequest.newBuilder(URI.create(clients + "/" + client.getString("id")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(updated.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 204) {
            throw new IllegalStateException("Keycloak refused the proxy's redirect URI: " + status);
        }
    }

    private static JsonValue json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin API answered " + response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }

    /** The values the realm file takes from the environment: DEV ONLY secrets and the portal's address. */
    Map<String, String> realmPlaceholders() {
        return Map.of(
                "CONCLAVE_PUBLIC_URL", settings.portalUrl(),
                "CONCLAVE_PORTAL_CLIENT_SECRET", secrets.get("keycloak.conclave-portal.secret"),
                "CONCLAVE_ADMIN_CLIENT_SECRET", secrets.get("keycloak.conclave-admin.secret"));
    }

    private Path installed() throws IOException, InterruptedException {
        String options = node.isPresent() ? CLUSTER_BUILD_OPTIONS : BUILD_OPTIONS;
        Path home = node.isPresent()
                ? settings.keycloakHome().resolveSibling(settings.keycloakHome().getFileName() + "-cluster")
                : settings.keycloakHome();
        Path marker = home.resolve(".conclave-build");
        if (Files.exists(marker) && options.equals(Files.readString(marker))) {
            return home;
        }
        Path zip = settings.distributions().resolve("keycloak-" + settings.keycloakVersion() + ".zip");
        LOG.info(() -> "Unpacking " + zip + " into " + home + " (once)");
        unzip(zip, home);
        LOG.info("Building Keycloak for PostgreSQL (once, about half a minute)");
        List<String> command =
                new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(List.of(options.split(" ")));
        ProcessBuilder build = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        settings.logs().resolve("keycloak-build.log").toFile()));
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int exit = build.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + exit + "), see "
                    + settings.logs().resolve("keycloak-build.log"));
        }
        Files.writeString(marker, options);
        return home;
    }

    /** Unpacks the distribution, dropping its top folder and keeping the scripts executable. */
    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
