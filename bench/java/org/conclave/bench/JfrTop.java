package org.conclave.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes in a JFR recording of the portal (bench/run with PROFILE=1 keeps one per profiled phase):
 * CPU samples by method (self and total), the Conclave methods on the sampled stacks, and the threads' waits
 * (monitor, park, socket read, file force) by the frame that waited.
 *
 * <p>Usage: {@code JfrTop <file.jfr>... [rows]}.
 */
public final class JfrTop {

    public static void main(String[] args) throws Exception {
        int rows = 25;
        List<Path> files = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.matches("[0-9]+")) {
                rows = Integer.parseInt(arg);
            } else {
                files.add(Path.of(arg));
            }
        }
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> conclave = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Double> waits = new HashMap<>();
        long samples = 0;
        for (RecordedEvent e : all(files)) {
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                threads.merge(e.getThread("sampledThread").getJavaName().replaceAll("[0-9]+", "#"), 1L, Long::sum);
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                Set<String> seenConclave = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        total.merge(n, 1L, Long::sum);
                    }
                    if (n.startsWith("org.conclave") && seenConclave.add(n)) {
                        conclave.merge(n, 1L, Long::sum);
                    }
                }
            } else if (stack != null
                    && (type.equals("jdk.JavaMonitorEnter")
                            || type.equals("jdk.ThreadPark")
                            || type.equals("jdk.SocketRead")
                            || type.equals("jdk.FileForce")
                            || type.equals("jdk.FileWrite"))) {
                String where = type.substring(4) + " in " + firstInteresting(stack);
                waits.merge(where, e.getDuration().toNanos() / 1e6, Double::sum);
            }
        }
        System.out.println(samples + " CPU samples");
        print("threads sampled", threads, samples, 8);
        print("self (top of stack)", self, samples, rows);
        print("total (on the stack)", total, samples, rows);
        print("Conclave methods on the stack", conclave, samples, rows);
        System.out.println("\nwaits (ms summed over threads)");
        waits.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(rows)
                .forEach(w -> System.out.printf("  %10.0f  %s%n", w.getValue(), w.getKey()));
    }

    private static List<RecordedEvent> all(List<Path> files) throws java.io.IOException {
        List<RecordedEvent> events = new java.util.ArrayList<>();
        for (Path file : files) {
            events.addAll(RecordingFile.readAllEvents(file));
        }
        return events;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The first frame outside the JDK's and the servers' plumbing, with the frame below it. */
    private static String firstInteresting(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = 0; i < frames.size(); i++) {
            String n = name(frames.get(i));
            if (n.startsWith("org.conclave") || n.startsWith("org.postgresql") || n.startsWith("com.sun.gjc")
                    || n.startsWith("org.eclipse.persistence") || n.startsWith("com.nimbusds")) {
                return n + (i + 1 < frames.size() ? " < " + name(frames.get(i + 1)) : "");
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0));
    }

    private static void print(String title, Map<String, Long> counts, long samples, int rows) {
        System.out.println("\n" + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(rows)
                .forEach(c -> System.out.printf("  %5.1f%%  %s%n", 100.0 * c.getValue() / samples, c.getKey()));
    }
}
