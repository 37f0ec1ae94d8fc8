package org.conclave.bench;

import java.nio.file.Path;

/**
 * Optional JFR recordings of the portal during measured slices (bench/run with PROFILE=1 sets PROFILE_PID to the
 * Payara Micro process and PROFILE_DIR to the run folder); {@link JfrTop} summarises them.
 */
final class Profile {

    private Profile() {}

    static void start(String name) {
        jcmd("JFR.start", "name=" + name, "settings=profile", "filename=" + dir().resolve(name + ".jfr"));
    }

    static void stop(String name) {
        jcmd("JFR.stop", "name=" + name);
    }

    private static Path dir() {
        return Path.of(Bench.env("PROFILE_DIR", "."));
    }

    private static void jcmd(String... command) {
        String pid = System.getenv("PROFILE_PID");
        if (pid == null || pid.isBlank()) {
            return;
        }
        try {
            String[] full = new String[command.length + 2];
            full[0] = "jcmd";
            full[1] = pid;
            System.arraycopy(command, 0, full, 2, command.length);
            new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (Exception e) {
            System.err.println("could not run jcmd " + String.join(" ", command) + ": " + e);
        }
    }
}
