package org.conclave.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark P4: one compliance pack (PDF) for a period, asked for through the REST API as the auditor (with OTP),
 * polled until done. Reports the generation time (the job's started/finished stamps), the end-to-end time, the time
 * to each progress step, and the portal's heap sampled with {@code jstat -gc} every 200 ms while the pack runs.
 *
 * <p>Usage: {@code PackBench <label> <from> <to> <payara pid>}.
 */
public final class PackBench {

    public static void main(String[] args) throws Exception {
        String label = args[0];
        String from = args[1];
        String to = args[2];
        long pid = Long.parseLong(args[3]);
        Bench.Results results = Bench.Results.fromEnv();
        URI portal = Bench.portal();
        String dora = Bench.otpToken("dora");

        HeapSampler heap = new HeapSampler(pid);
        heap.start();
        Bench.sleep(1000);
        double idleMb = heap.usedNowMb();
        long t0 = System.nanoTime();
        HttpResponse<String> asked = Bench.expect(
                202,
                Bench.postJson(
                        portal,
                        "/api/reports",
                        dora,
                        "{\"kind\":\"compliance-pack\",\"format\":\"pdf\",\"from\":\"%s\",\"to\":\"%s\"}"
                                .formatted(from, to)),
                "asking for the compliance pack");
        String id = Bench.field(asked.body(), "id");
        Map<Long, Double> progressAt = new LinkedHashMap<>();
        String state;
        long deadline = t0 + 900_000_000_000L;
        while (true) {
            HttpResponse<String> status = Bench.get(portal, "/api/reports/" + id + "/status", dora);
            if (status.statusCode() == 401) {
                dora = Bench.otpToken("dora");
                continue;
            }
            Bench.expect(200, status, "report status");
            state = Bench.field(status.body(), "state");
            long progress = Bench.number(status.body(), "progress");
            progressAt.putIfAbsent(progress, (System.nanoTime() - t0) / 1e9);
            if (state.equals("done") || state.equals("failed") || System.nanoTime() > deadline) {
                break;
            }
            Bench.sleep(200);
        }
        double endToEnd = (System.nanoTime() - t0) / 1e9;
        Bench.sleep(400);
        heap.stop();
        if (!state.equals("done")) {
            throw new IllegalStateException("the compliance pack " + id + " ended " + state);
        }
        double generation;
        long size;
        String error;
        try (Connection c = DriverManager.getConnection(
                        Bench.jdbcUrl(), "postgres", Bench.secret("postgres.superuser.password"));
                PreparedStatement q = c.prepareStatement("SELECT extract(epoch FROM finished_at - started_at),"
                        + " size_bytes, coalesce(error, '') FROM report_job WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                generation = rs.getDouble(1);
                size = rs.getLong(2);
                error = rs.getString(3);
            }
        }
        String steps = progressAt.entrySet().stream()
                .map(e -> e.getKey() + "%@" + String.format("%.1fs", e.getValue()))
                .reduce((a, b) -> a + " " + b)
                .orElse("");
        System.out.printf(
                "compliance pack %s (%s to %s): %s in %.1f s (end to end %.1f s), %,d bytes; heap idle %.0f MB,"
                        + " peak %.0f MB used (old gen peak %.0f MB), %d young + %d full GCs; progress %s%s%n",
                label, from, to, state, generation, endToEnd, size, idleMb, heap.peakUsedMb, heap.peakOldMb,
                heap.youngGcs(), heap.fullGcs(), steps, error.isEmpty() ? "" : " error " + error);
        String k = "pack." + label;
        results.put(k + ".from", from);
        results.put(k + ".to", to);
        results.put(k + ".seconds", String.format("%.1f", generation));
        results.put(k + ".end_to_end_seconds", String.format("%.1f", endToEnd));
        results.put(k + ".size_bytes", size);
        results.put(k + ".heap_idle_mb", String.format("%.0f", idleMb));
        results.put(k + ".heap_peak_mb", String.format("%.0f", heap.peakUsedMb));
        results.put(k + ".old_peak_mb", String.format("%.0f", heap.peakOldMb));
        results.put(k + ".heap_max_mb", String.format("%.0f", heap.capacityMb));
        results.put(k + ".young_gcs", heap.youngGcs());
        results.put(k + ".full_gcs", heap.fullGcs());
        results.put(k + ".progress", steps);
    }

    /** {@code jstat -gc <pid> 200}: heap used (survivors + eden + old) and old generation, sampled. */
    static final class HeapSampler {
        private final long pid;
        private Process jstat;
        private Thread reader;
        volatile double peakUsedMb;
        volatile double peakOldMb;
        volatile double lastUsedMb;
        volatile double capacityMb;
        private final List<long[]> gcCounts = new ArrayList<>();

        HeapSampler(long pid) {
            this.pid = pid;
        }

        void start() throws Exception {
            jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "200")
                    .redirectErrorStream(true)
                    .start();
            reader = new Thread(this::read, "jstat");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                for (String line; (line = in.readLine()) != null; ) {
                    String[] cells = line.trim().split("\\s+");
                    if (cells.length > 0 && cells[0].equals("S0C")) {
                        header = Arrays.asList(cells);
                        continue;
                    }
                    if (header == null || cells.length != header.size()) {
                        continue;
                    }
                    double used = value(header, cells, "S0U")
                            + value(header, cells, "S1U")
                            + value(header, cells, "EU")
                            + value(header, cells, "OU");
                    double old = value(header, cells, "OU");
                    lastUsedMb = used / 1024;
                    peakUsedMb = Math.max(peakUsedMb, used / 1024);
                    peakOldMb = Math.max(peakOldMb, old / 1024);
                    capacityMb = Math.max(
                            capacityMb,
                            (value(header, cells, "S0C")
                                            + value(header, cells, "S1C")
                                            + value(header, cells, "EC")
                                            + value(header, cells, "OC"))
                                    / 1024);
                    synchronized (gcCounts) {
                        gcCounts.add(new long[] {
                            (long) value(header, cells, "YGC"), (long) value(header, cells, "FGC")
                        });
                    }
                }
            } catch (Exception e) {
                // jstat ended
            }
        }

        private static double value(List<String> header, String[] cells, String column) {
            int i = header.indexOf(column);
            return i < 0 || cells[i].equals("-") ? 0 : Double.parseDouble(cells[i]);
        }

        double usedNowMb() {
            double now = lastUsedMb;
            peakUsedMb = now;
            peakOldMb = 0;
            synchronized (gcCounts) {
                if (gcCounts.size() > 1) {
                    gcCounts.subList(0, gcCounts.size() - 1).clear();
                }
            }
            return now;
        }

        long youngGcs() {
            synchronized (gcCounts) {
                return gcCounts.isEmpty() ? 0 : gcCounts.get(gcCounts.size() - 1)[0] - gcCounts.get(0)[0];
            }
        }

        long fullGcs() {
            synchronized (gcCounts) {
                return gcCounts.isEmpty() ? 0 : gcCounts.get(gcCounts.size() - 1)[1] - gcCounts.get(0)[1];
            }
        }

        void stop() throws InterruptedException {
            jstat.destroy();
            jstat.waitFor();
            reader.join(2000);
        }
    }
}
