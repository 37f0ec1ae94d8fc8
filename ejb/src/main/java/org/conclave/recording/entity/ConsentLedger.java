package org.conclave.recording.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consent answers of one meeting, read in the order they were given, judged against the current notice. Only
 * answers to that exact notice count: after any change to the notice everyone is unanswered again. The latest
 * answer wins, so a withdrawal (a later "no") undoes a consent.
 */
public final class ConsentLedger {

    private final String noticeHash;
    private final Map<String, ConsentAnswer> latest = new LinkedHashMap<>();

    public ConsentLedger(String noticeHash, Collection<ConsentAnswer> answers) {
        this.noticeHash = noticeHash;
        answers.stream()
                .filter(a -> a.noticeHash().equals(noticeHash))
                .sorted(Comparator.comparing(ConsentAnswer::answeredAt))
                .forEach(a -> latest.put(a.subject(), a));
    }

    public String noticeHash() {
        return noticeHash;
    }

    public ConsentState stateOf(String subject) {
        ConsentAnswer answer = latest.get(subject);
        if (answer == null) {
            return ConsentState.UNANSWERED;
        }
        return answer.consent() ? ConsentState.CONSENTED : ConsentState.REFUSED;
    }

    /** Everyone who answered the current notice, with their latest answer. */
    public Map<String, ConsentAnswer> answers() {
        return Map.copyOf(latest);
    }

    /**
     * Who stands in the way of recording: everyone present who has not consented (unanswered or refused), and
     * anyone who refused, present or not. The requester's own request counts as their consent.
     *
     * @param present subjects the platform reports in the room right now
     * @param requester subject of the host asking to record
     */
    public List<Objection> objections(Set<String> present, String requester) {
        Set<String> people = new LinkedHashSet<>(present);
        latest.values().stream()
                .filter(a -> !a.consent())
                .map(ConsentAnswer::subject)
                .forEach(people::add);
        List<Objection> objections = new ArrayList<>();
        for (String subject : people) {
            ConsentState state = stateOf(subject);
            if (!subject.equals(requester) && state != ConsentState.CONSENTED) {
                objections.add(new Objection(subject, state));
            }
        }
        return objections;
    }

    /** Someone whose answer keeps the recording from being authorised. */
    public record Objection(String subject, ConsentState state) {}
}
