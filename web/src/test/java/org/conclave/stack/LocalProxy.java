package org.conclave.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Debian's nginx terminating TLS on 127.0.0.1 in front of the portal's instances (round robin), as
 * docs/operations.md configures it in production: HSTS, forwarded headers, 1 MiB bodies, /metrics not published.
 * The certificate is a self-signed one for 127.0.0.1, made with openssl on first start (DEV ONLY).
 */
final class LocalProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalProxy.class.getName());
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final int port;
    private final List<Integer> instancePorts;
    private ServerProcess process;

    LocalProxy(Path dir, int port, List<Integer> instancePorts) {
        this.dir = dir;
        this.port = port;
        this.instancePorts = List.copyOf(instancePorts);
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    /** The proxy's certificate (PEM), for clients to trust. */
    Path certificate() {
        return dir.resolve("certificate.pem");
    }

    void start() throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("the reverse proxy needs Debian's nginx (/usr/sbin/nginx):"
                    + " ./conclave test and ./conclave cluster install it with apt-get, or run"
                    + " 'sudo apt-get install nginx'");
        }
        StackSettings.dir(dir.resolve("logs"));
        StackSettings.dir(dir.resolve("temp"));
        if (!Files.exists(certificate())) {
            selfSignedCertificate();
        }
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, configuration());
        process = ServerProcess.start(
                "nginx",
                List.of(
                        NGINX.toString(),
                        "-p",
                        dir.toString(),
                        "-e",
                        dir.resolve("logs/error.log").toString(),
                        "-c",
                        config.toString(),
                        "-g",
                        "daemon off;"),
                Map.of(),
                dir,
                dir.resolve("logs/nginx.out"));
        awaitListening(Duration.ofSeconds(30));
        LOG.info(() -> "TLS proxy ready on " + url() + " for the instances on " + instancePorts);
    }

    private String configuration() {
        String upstreams = instancePorts.stream()
                .map(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=2s;")
                .collect(Collectors.joining("\n"));
        return """
                # DEV ONLY: written by the Conclave stack (web/src/test/java/org/conclave/stack/LocalProxy.java)
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 512; }
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    server_tokens off;
                    upstream conclave {
                %2$s
                    }
                    server {
                        listen 127.0.0.1:%3$d ssl;
                        ssl_certificate     %1$s/certificate.pem;
                        ssl_certificate_key %1$s/key.pem;
                        ssl_protocols TLSv1.2 TLSv1.3;
                        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
                        # which instance answered (DEV ONLY: lets the cluster test see both at work)
                        add_header X-Conclave-Instance $upstream_addr always;
                        client_max_body_size 1m;
                        client_body_buffer_size 1m;
                        location /metrics { return 404; }
                        location / {
                            proxy_pass http://conclave;
                            proxy_next_upstream error timeout http_502 http_503;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-Proto https;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_max_temp_file_size 0;
                        }
                    }
                }
                """
                .formatted(dir, upstreams, port);
    }

    private void selfSignedCertificate() throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-days",
                        "30",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-keyout",
                        dir.resolve("key.pem").toString(),
                        "-out",
                        certificate().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("logs/openssl.log").toFile()))
                .start();
        if (openssl.waitFor() != 0) {
            throw new IllegalStateException(
                    "openssl could not make the proxy's certificate, see " + dir.resolve("logs/openssl.log"));
        }
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ":\n" + process.tail());
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
