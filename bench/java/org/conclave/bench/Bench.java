package org.conclave.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.conclave.testing.Totp;

/**
 * What the benchmark programs share: where the stack under test is (loopback only), its DEV secrets, a small HTTP
 * client, tokens from Keycloak, a latency histogram, a fixed-size load runner and the results file.
 */
final class Bench {

    private Bench() {}

    // ---------------------------------------------------------------- the stack under test

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int envInt(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }

    static URI portal() {
        return loopback(env("CONCLAVE_BENCH_URL", "http://127.0.0.1:" + env("CONCLAVE_PORT", "18080")));
    }

    static URI keycloak() {
        return loopback(env(
                "CONCLAVE_BENCH_KEYCLOAK_URL", "http://127.0.0.1:" + env("CONCLAVE_KEYCLOAK_PORT", "18180")));
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + env("CONCLAVE_DB_PORT", "25432") + "/conclave";
    }

    static Path dataDir() {
        return Path.of(env("CONCLAVE_STACK_DATA", ".conclave-bench")).toAbsolutePath();
    }

    /** Load is generated on loopback only: anything else is refused. */
    private static URI loopback(String url) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("benchmarks run on loopback only, not against " + url);
        }
        return uri;
    }

    static String secret(String name) {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir().resolve("dev-secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = secrets.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not in " + dataDir().resolve("dev-secrets.properties"));
        }
        return value;
    }

    // ---------------------------------------------------------------- HTTP

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "http-client");
                t.setDaemon(true);
                return t;
            }))
            .build();

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> postJson(URI base, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    static HttpResponse<String> get(URI base, String path, String bearer) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer));
    }

    static HttpResponse<String> postForm(URI base, String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A top-level string member of a small JSON document (ids, tokens, passcodes, states: no escapes in them). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no '" + name + "' in " + abbreviate(json));
        }
        return m.group(1);
    }

    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?[0-9]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no '" + name + "' in " + abbreviate(json));
        }
        return Long.parseLong(m.group(1));
    }

    static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        return response;
    }

    // ---------------------------------------------------------------- Keycloak tokens

    /** The demo and benchmark users' DEV passwords: {@code <name>-dev-password}. */
    static String password(String username) {
        return username + "-dev-password";
    }

    static Map<String, String> passwordGrant(String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "conclave-cli");
        form.put("username", username);
        form.put("password", password(username));
        form.put("scope", "openid");
        return form;
    }

    static String passwordToken(String username) {
        return field(
                expect(200, postForm(keycloak(), "/realms/conclave/protocol/openid-connect/token", passwordGrant(username)),
                                "token for " + username)
                        .body(),
                "access_token");
    }

    /** Password and TOTP (hosts, auditors); a code is accepted once, so a refusal is retried with the next one. */
    static String otpToken(String username) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, String> form = passwordGrant(username);
            form.put("scope", "openid acr");
            form.put("totp", totp(username, Instant.now().plusSeconds(30L * attempt)));
            HttpResponse<String> response =
                    postForm(keycloak(), "/realms/conclave/protocol/openid-connect/token", form);
            if (response.statusCode() == 200) {
                return field(response.body(), "access_token");
            }
            sleep(1000);
        }
        throw new IllegalStateException("Keycloak refused an OTP sign-in for " + username);
    }

    /**
     * The current code of a demo user's authenticator (the integration tests' {@link Totp}: bench/java links to
     * web/src/test/java/org/conclave/testing/Totp.java): RFC 6238 over the UTF-8 bytes of
     * {@code <name>-dev-totp-secret-1234}.
     */
    static String totp(String username, Instant at) {
        return Totp.code((username + "-dev-totp-secret-1234").getBytes(StandardCharsets.UTF_8), at);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- latency histogram

    /**
     * Log-linear histogram of latencies in microseconds (128 sub-buckets per power of two: under 1 % error), up to
     * about 4,000 s. Not thread-safe: one per load thread, merged at the end.
     */
    static final class Histogram {
        private static final int SUB_BITS = 7;
        private static final int SUB = 1 << SUB_BITS;
        private final long[] counts = new long[SUB * 40];
        private long total;
        private long max;

        void record(long micros) {
            long v = Math.max(0, micros);
            counts[index(v)]++;
            total++;
            max = Math.max(max, v);
        }

        private static int index(long v) {
            if (v < SUB) {
                return (int) v;
            }
            int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
            return (shift + 1) * SUB + (int) (v >>> shift) - SUB;
        }

        /** The upper bound of bucket {@code i}. */
        private static long value(int i) {
            if (i < SUB) {
                return i;
            }
            int shift = i / SUB - 1;
            long sub = i % SUB + SUB;
            return ((sub + 1) << shift) - 1;
        }

        void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            total += other.total;
            max = Math.max(max, other.max);
        }

        long count() {
            return total;
        }

        /** The latency (µs) at quantile q, e.g. 0.99. */
        long quantile(double q) {
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Math.min(value(i), max);
                }
            }
            return max;
        }

        long max() {
            return max;
        }
    }

    // ---------------------------------------------------------------- the load runner

    /** One request of a load phase, by thread and iteration; true when the answer was the expected one. */
    interface Request {
        boolean run(int thread, int iteration) throws Exception;
    }

    /** One measured window of a load phase. */
    record Window(Histogram latencies, long errors, double seconds, boolean exhausted) {}

    record Measured(
            String name,
            int clients,
            double seconds,
            long requests,
            long errors,
            double perSecond,
            long p50Micros,
            long p99Micros,
            long maxMicros,
            boolean exhausted) {

        /** The windows of one phase taken together (interleaved with other phases' windows). */
        static Measured of(String name, int clients, List<Window> windows) {
            Histogram all = new Histogram();
            long errors = 0;
            double seconds = 0;
            boolean exhausted = false;
            for (Window w : windows) {
                all.add(w.latencies());
                errors += w.errors();
                seconds += w.seconds();
                exhausted |= w.exhausted();
            }
            return new Measured(
                    name,
                    clients,
                    seconds,
                    all.count(),
                    errors,
                    seconds > 0 ? all.count() / seconds : 0,
                    all.quantile(0.50),
                    all.quantile(0.99),
                    all.max(),
                    exhausted);
        }

        void print() {
            System.out.printf(
                    "%-28s %3d clients %6.1f s: %8d requests (%d errors), %10.1f/s, p50 %8.2f ms, p99 %8.2f ms,"
                            + " max %8.2f ms%s%n",
                    name,
                    clients,
                    seconds,
                    requests,
                    errors,
                    perSecond,
                    p50Micros / 1000.0,
                    p99Micros / 1000.0,
                    maxMicros / 1000.0,
                    exhausted ? " (ran out of work before the end)" : "");
        }

        void store(Results results) {
            results.put(name + ".clients", clients);
            results.put(name + ".seconds", String.format("%.1f", seconds));
            results.put(name + ".requests", requests);
            results.put(name + ".errors", errors);
            results.put(name + ".per_second", String.format("%.1f", perSecond));
            results.put(name + ".p50_ms", String.format("%.2f", p50Micros / 1000.0));
            results.put(name + ".p99_ms", String.format("%.2f", p99Micros / 1000.0));
            results.put(name + ".max_ms", String.format("%.2f", maxMicros / 1000.0));
            results.put(name + ".exhausted", exhausted);
        }
    }

    /**
     * Runs {@code request} on a fixed pool of {@code clients} platform threads (each thread's iterations are
     * sequential, closed loop): {@code warmup} seconds not counted, then {@code measure} seconds counted (requests
     * that complete inside the window, with their latency), never more than {@code maxRequests} per thread. A
     * request that returns false or throws counts as an error; a thread whose work ran out stops (the window says
     * so and ends there).
     */
    static Window load(
            String name, int clients, Duration warmup, Duration measure, int maxRequestsPerThread, Request request)
            throws Exception {
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong exhaustedAt = new AtomicLong(Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Histogram histogram = new Histogram();
            histograms.add(histogram);
            int thread = t;
            running.add(pool.submit(() -> {
                for (int i = 0; i < maxRequestsPerThread; i++) {
                    long t0 = System.nanoTime();
                    if (t0 >= windowEnd) {
                        return null;
                    }
                    boolean ok;
                    try {
                        ok = request.run(thread, i);
                    } catch (NoMoreWork done) {
                        exhaustedAt.accumulateAndGet(t0, Math::min);
                        return null;
                    } catch (Exception e) {
                        ok = false;
                        if (errors.get() < 5) {
                            System.err.println(name + ": " + e);
                        }
                    }
                    long t1 = System.nanoTime();
                    if (t1 >= windowStart && t1 <= windowEnd) {
                        if (ok) {
                            histogram.record((t1 - t0) / 1000);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                exhaustedAt.accumulateAndGet(System.nanoTime(), Math::min);
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        Histogram all = new Histogram();
        histograms.forEach(all::add);
        boolean exhausted = exhaustedAt.get() < windowEnd;
        long end = Math.min(windowEnd, Math.max(windowStart, exhaustedAt.get()));
        return new Window(all, errors.get(), (end - windowStart) / 1e9, exhausted);
    }

    /**
     * Warms {@code request} up until it runs at a steady rate: windows of {@code window} (requests in the first
     * half-second of each not counted, so that one window's stragglers do not weigh on the next) until the last three
     * windows' throughputs lie within {@code tolerance} (0.05: 5 %) of the highest of them, or {@code limit} has
     * passed, or the work ran out; {@code beforeEachWindow} runs between windows (fresh access tokens: a warm-up can
     * outlast them). The JIT compilers of a Jakarta EE server keep compiling its request path for
     * minutes of load, in steps: a fixed short warm-up measures how far they have got rather than the server. Returns
     * how long it took and whether it settled.
     */
    static WarmUp warmUp(
            String name,
            int clients,
            Duration window,
            double tolerance,
            Duration limit,
            int maxRequestsPerThread,
            Request request,
            Runnable beforeEachWindow)
            throws Exception {
        long start = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        while (true) {
            beforeEachWindow.run();
            Window w = load("warm-up " + name, clients, Duration.ofMillis(500), window, maxRequestsPerThread, request);
            double rate = w.seconds() > 0 ? w.latencies().count() / w.seconds() : 0;
            rates.add(rate);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "warm-up %-24s window %2d: %10.1f/s (%.0f s so far)%n", name, rates.size(), rate, seconds);
            boolean steady = steady(rates, tolerance);
            if (steady || w.exhausted() || seconds >= limit.toSeconds()) {
                return new WarmUp(seconds, steady);
            }
        }
    }

    /** The last three rates lie within {@code tolerance} of the highest of them. */
    static boolean steady(List<Double> rates, double tolerance) {
        if (rates.size() < 3) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 3, rates.size());
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return max > 0 && max - min <= tolerance * max;
    }

    /** How a warm-up ended: after how many seconds, and whether its last three windows agreed. */
    record WarmUp(double seconds, boolean steady) {

        void store(Results results, String name) {
            results.put(name + ".warmup_seconds", String.format("%.0f", seconds));
            results.put(name + ".warmup_steady", steady);
        }
    }

    /** Thrown by a request when its thread has nothing left to do. */
    static final class NoMoreWork extends RuntimeException {
        NoMoreWork() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- results

    /** Appends {@code key=value} lines to the run's results file (read by bench/run). */
    static final class Results {
        private final Path file;

        Results(Path file) {
            this.file = file;
        }

        static Results fromEnv() {
            return new Results(Path.of(env("BENCH_RESULTS", dataDir().resolve("bench-results.properties").toString())));
        }

        void put(String key, Object value) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(
                        file,
                        key + "=" + value + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
