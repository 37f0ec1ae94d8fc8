package org.conclave.recording.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {

    private static final String NOTICE = "a".repeat(64);
    private static final String OLD_NOTICE = "b".repeat(64);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ConsentAnswer answer(String who, String notice, boolean consent, int minute) {
        return new ConsentAnswer(who, who + "-name", notice, consent, T0.plusSeconds(60L * minute));
    }

    @Test
    void everyonePresentConsentedMeansNoObjection() {
        ConsentLedger ledger =
                new ConsentLedger(NOTICE, List.of(answer("bob", NOTICE, true, 1), answer("carol", NOTICE, true, 2)));
        assertTrue(ledger.objections(Set.of("alice", "bob", "carol"), "alice").isEmpty());
    }

    @Test
    void presentWithoutAnswerObjectsAndTheRequesterDoesNot() {
        ConsentLedger ledger = new ConsentLedger(NOTICE, List.of(answer("bob", NOTICE, true, 1)));
        assertEquals(
                List.of(new ConsentLedger.Objection("carol", ConsentState.UNANSWERED)),
                ledger.objections(Set.of("alice", "bob", "carol"), "alice"));
    }

    @Test
    void aRefusalBlocksEvenWhenTheRefuserIsAbsent() {
        ConsentLedger ledger = new ConsentLedger(NOTICE, List.of(answer("dave", NOTICE, false, 1)));
        assertEquals(
                List.of(new ConsentLedger.Objection("dave", ConsentState.REFUSED)),
                ledger.objections(Set.of("alice"), "alice"));
    }

    @Test
    void aLateJoinerWithoutConsentIsUnanswered() {
        ConsentLedger ledger = new ConsentLedger(NOTICE, List.of(answer("bob", NOTICE, true, 1)));
        assertEquals(ConsentState.UNANSWERED, ledger.stateOf("erin"));
        assertEquals(1, ledger.objections(Set.of("bob", "erin"), "alice").size());
    }

    @Test
    void aWithdrawalUndoesTheConsentAndALaterConsentRestoresIt() {
        ConsentLedger withdrawn =
                new ConsentLedger(NOTICE, List.of(answer("bob", NOTICE, true, 1), answer("bob", NOTICE, false, 5)));
        assertEquals(ConsentState.REFUSED, withdrawn.stateOf("bob"));
        ConsentLedger again = new ConsentLedger(
                NOTICE,
                List.of(
                        answer("bob", NOTICE, false, 5),
                        answer("bob", NOTICE, true, 1),
                        answer("bob", NOTICE, true, 9)));
        assertEquals(ConsentState.CONSENTED, again.stateOf("bob"));
    }

    @Test
    void consentToAnEarlierNoticeDoesNotCount() {
        ConsentLedger ledger = new ConsentLedger(NOTICE, List.of(answer("bob", OLD_NOTICE, true, 1)));
        assertEquals(ConsentState.UNANSWERED, ledger.stateOf("bob"));
        assertEquals(1, ledger.objections(Set.of("bob"), "alice").size());
    }

    @Test
    void aRefusalOfAnEarlierNoticeDoesNotBlockTheNewOne() {
        ConsentLedger ledger = new ConsentLedger(
                NOTICE, List.of(answer("bob", OLD_NOTICE, false, 1), answer("carol", NOTICE, true, 2)));
        assertTrue(ledger.objections(Set.of("carol"), "alice").isEmpty());
    }
}
