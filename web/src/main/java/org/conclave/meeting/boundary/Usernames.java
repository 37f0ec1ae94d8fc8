package org.conclave.meeting.boundary;

import java.util.Arrays;
import java.util.List;

/** Usernames typed into a form field, separated by commas, semicolons or blanks. */
public final class Usernames {

    private Usernames() {}

    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[\\s,;]+"))
                .filter(s -> !s.isBlank())
                .distinct()
                .toList();
    }
}
