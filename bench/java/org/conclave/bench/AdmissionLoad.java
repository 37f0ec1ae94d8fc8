package org.conclave.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmarks P1a and P1b against the running stack, with their reference measured in the same run:
 *
 * <ul>
 *   <li>reference: Keycloak resource-owner password grants (conclave-cli) per second, CLIENTS concurrent clients,
 *       with the realm's password hashing as deployed (Keycloak 26: Argon2id), and the same logins in a realm whose
 *       policy is PBKDF2-SHA512 with 210,000 iterations, the hash the issue compares with (like for like);
 *   <li>P1a: first admissions per second, CLIENTS clients, each request a distinct (person, meeting) pair: PUBLIC
 *       meetings tightened to require a passcode, so every admission checks the passcode against its
 *       PBKDF2-HMAC-SHA512 (210,000 iterations) hash, appends its audit event and signs a join token;
 *   <li>P1b: re-admissions (join token renewal of an admitted participant) per second, CLIENTS clients.
 * </ul>
 *
 * Closed loop, a fixed pool of platform threads; a warm-up of each until it runs at a steady rate (windows of WARMUP
 * seconds until the last three agree within WARMUP_TOLERANCE_PERCENT, 5 %, for at most WARMUP_LIMIT seconds,
 * 420), then the phases interleaved in
 * P1_ROUNDS rounds of P1_SECONDS/P1_ROUNDS measured seconds each (after P1_SETTLE seconds not counted), so that a
 * change in the machine's load weighs on a figure and its reference alike; bounded in requests and time. With
 * PROFILE_PID set, each measured slice is recorded with JFR in the portal (see {@link Profile}). P1_PHASES (a comma-separated
 * subset of keycloak_login, keycloak_login_pbkdf2, first_admission, renewal; all by default) measures only those, for
 * diagnosis (the first admissions' warm-up still runs: renewals need admissions).
 * Participants are bench-user-01..N (created once through Keycloak's admin REST API with the participant role).
 */
public final class AdmissionLoad {

    record Meeting(String id, String passcode) {}

    record Admitted(String meetingId, String admissionId) {}

    public static void main(String[] args) throws Exception {
        int clients = Bench.envInt("CLIENTS", 32);
        Duration warmup = Duration.ofSeconds(Bench.envInt("WARMUP", 10));
        int tolerancePercent = Bench.envInt("WARMUP_TOLERANCE_PERCENT", 5);
        Duration warmupLimit = Duration.ofSeconds(Bench.envInt("WARMUP_LIMIT", 420));
        int rounds = Bench.envInt("P1_ROUNDS", 2);
        Duration slice = Duration.ofMillis(Bench.envInt("P1_SECONDS", 16) * 1000L / rounds);
        Duration settle = Duration.ofSeconds(Bench.envInt("P1_SETTLE", 3));
        int meetingCount = Bench.envInt("MEETINGS", 64);
        int maxRequests = Bench.envInt("MAX_REQUESTS_PER_CLIENT", 20_000);
        Bench.Results results = Bench.Results.fromEnv();
        URI portal = Bench.portal();

        List<String> users = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            users.add(String.format("bench-user-%02d", i));
        }
        BenchUsers.ensure(users);
        BenchUsers.ensurePbkdf2Realm(users);

        List<Meeting> meetings = schedule(portal, meetingCount);
        System.out.println("scheduled " + meetings.size() + " PUBLIC meetings with passcode required; "
                + users.size() + " participants: " + users.size() * meetings.size() + " distinct pairs");

        // Reference: Keycloak password-grant logins, same clients, same machine, same run.
        Bench.Request keycloak = (t, i) -> {
            HttpResponse<String> r = Bench.postForm(
                    Bench.keycloak(),
                    "/realms/conclave/protocol/openid-connect/token",
                    Bench.passwordGrant(users.get(t)));
            return r.statusCode() == 200 && r.body().contains("\"access_token\"");
        };

        // Like-for-like reference: the same logins where Keycloak hashes with PBKDF2-SHA512, 210,000 iterations.
        Bench.Request keycloakPbkdf2 = (t, i) -> {
            Map<String, String> form = Bench.passwordGrant(users.get(t));
            form.put("client_id", "bench-cli");
            HttpResponse<String> r = Bench.postForm(
                    Bench.keycloak(), "/realms/" + BenchUsers.PBKDF2_REALM + "/protocol/openid-connect/token", form);
            return r.statusCode() == 200 && r.body().contains("\"access_token\"");
        };

        // P1a: first admissions. Thread t is users[t]; its n-th request enters meeting (t + n) mod M: distinct pairs.
        int[] nextPair = new int[clients];
        List<List<Admitted>> admitted = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            admitted.add(Collections.synchronizedList(new ArrayList<>()));
        }
        // Participants' access tokens (they live five minutes): signed in again before a slice when older than 3.
        AtomicReference<List<String>> tokens = new AtomicReference<>(tokens(users));
        long[] tokensAt = {System.nanoTime()};
        Runnable freshTokens = () -> {
            if (System.nanoTime() - tokensAt[0] > 180_000_000_000L) {
                try {
                    tokens.set(tokens(users));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                tokensAt[0] = System.nanoTime();
            }
        };
        Bench.Request first = (t, i) -> {
            int n = nextPair[t]++;
            if (n >= meetings.size()) {
                throw new Bench.NoMoreWork();
            }
            Meeting m = meetings.get((t + n) % meetings.size());
            HttpResponse<String> r = Bench.postJson(
                    portal,
                    "/api/meetings/" + m.id() + "/admissions",
                    tokens.get().get(t),
                    "{\"passcode\": \"" + m.passcode() + "\"}");
            if (r.statusCode() != 200 || !r.body().contains("\"token\"")) {
                System.err.println("admission: " + r.statusCode() + " " + Bench.abbreviate(r.body()));
                return false;
            }
            admitted.get(t).add(new Admitted(m.id(), Bench.field(r.body(), "admissionId")));
            return true;
        };

        // P1b: re-admissions (token renewal) of the admissions made so far, round robin per participant.
        int[] nextRenewal = new int[clients];
        Bench.Request renewal = (t, i) -> {
            List<Admitted> mine = admitted.get(t);
            if (mine.isEmpty()) {
                throw new Bench.NoMoreWork();
            }
            Admitted a = mine.get(nextRenewal[t]++ % mine.size());
            HttpResponse<String> r = Bench.postJson(
                    portal,
                    "/api/meetings/" + a.meetingId() + "/admissions/" + a.admissionId() + "/token",
                    tokens.get().get(t),
                    "");
            return r.statusCode() == 200 && r.body().contains("\"token\"");
        };

        // Warm-up of each, then the phases interleaved in rounds, so that a change in the machine's load (other
        // builds) during the run weighs on the figure and its reference alike.
        Map<String, List<Bench.Window>> windows = new LinkedHashMap<>();
        Map<String, Bench.Request> phases = new LinkedHashMap<>();
        phases.put("keycloak_login", keycloak);
        phases.put("keycloak_login_pbkdf2", keycloakPbkdf2);
        phases.put("first_admission", first);
        phases.put("renewal", renewal);
        List<String> only = List.of(Bench.env("P1_PHASES", String.join(",", phases.keySet())).split(","));
        Map<String, Bench.Request> all = new LinkedHashMap<>(phases);
        phases.keySet().retainAll(only);
        results.put("warmup.window_seconds", warmup.toSeconds());
        results.put("warmup.tolerance_percent", tolerancePercent);
        // Each phase warmed up until steady (the first admissions' always: renewals need admissions).
        for (Map.Entry<String, Bench.Request> phase : all.entrySet()) {
            if (phases.containsKey(phase.getKey()) || phase.getKey().equals("first_admission")) {
                Bench.warmUp(
                                phase.getKey(),
                                clients,
                                warmup,
                                tolerancePercent / 100.0,
                                // each first admission uses up a (person, meeting) pair: theirs settles in
                                // seconds (the passcode hash dominates), so it gets no more than 90 s
                                phase.getKey().equals("first_admission")
                                        ? Duration.ofSeconds(Math.min(90, warmupLimit.toSeconds()))
                                        : warmupLimit,
                                maxRequests,
                                phase.getValue(),
                                freshTokens)
                        .store(results, phase.getKey());
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Bench.Request> phase : phases.entrySet()) {
                freshTokens.run();
                System.out.println("measuring " + phase.getKey() + " (round " + round + ") from " + java.time.Instant.now());
                Profile.start(phase.getKey() + "-" + round);
                windows.computeIfAbsent(phase.getKey(), k -> new ArrayList<>())
                        .add(Bench.load(phase.getKey(), clients, settle, slice, maxRequests, phase.getValue()));
                Profile.stop(phase.getKey() + "-" + round);
            }
        }
        for (Map.Entry<String, List<Bench.Window>> phase : windows.entrySet()) {
            Bench.Measured measured = Bench.Measured.of(phase.getKey(), clients, phase.getValue());
            measured.print();
            measured.store(results);
        }
        results.put("first_admission.pairs", users.size() * meetings.size());
        results.put("p1.rounds", rounds);
    }

    /** PUBLIC meetings starting in three minutes (inside the join window), tightened to require a passcode. */
    static List<Meeting> schedule(URI portal, int count) throws Exception {
        String alice = Bench.otpToken("alice");
        String start = LocalDateTime.now(ZoneOffset.UTC)
                .plusMinutes(3)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Meeting>> scheduled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            scheduled.add(pool.submit(() -> {
                HttpResponse<String> r = Bench.expect(
                        201,
                        Bench.postJson(
                                portal,
                                "/api/meetings",
                                alice,
                                """
                                {"title": "Benchmark town hall %d", "classification": "PUBLIC", "sharingLabel": "CLEAR",
                                 "start": "%s", "timeZone": "UTC", "durationMinutes": 240, "invitees": [],
                                 "settings": {"passcode-required": true}}"""
                                        .formatted(n, start)),
                        "scheduling a meeting");
                return new Meeting(Bench.field(r.body(), "id"), Bench.field(r.body(), "passcode"));
            }));
        }
        List<Meeting> meetings = new ArrayList<>();
        for (Future<Meeting> f : scheduled) {
            meetings.add(f.get());
        }
        pool.shutdown();
        return meetings;
    }

    static List<String> tokens(List<String> users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> pending = new ArrayList<>();
        for (String user : users) {
            pending.add(pool.submit(() -> Bench.passwordToken(user)));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : pending) {
            tokens.add(f.get());
        }
        pool.shutdown();
        return tokens;
    }
}
