package org.conclave.notification.entity;

import java.time.Duration;

/** How long to wait before the next delivery attempt: doubling from the first wait, never longer than the cap. */
public record Backoff(Duration first, Duration cap) {

    public Duration after(int attempts) {
        long seconds = first.toSeconds() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofSeconds(Math.min(seconds, cap.toSeconds()));
    }
}
