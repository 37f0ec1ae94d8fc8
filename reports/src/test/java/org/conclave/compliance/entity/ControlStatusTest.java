package org.conclave.compliance.entity;

import static org.conclave.compliance.entity.EvidenceCollection.COLLECTED;
import static org.conclave.compliance.entity.EvidenceCollection.NOT_COLLECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlStatusTest {

    @ParameterizedTest(name = "{0}, {1} records, {2} -> {3}")
    @CsvSource({
        "OUT_OF_SCOPE, 0, COLLECTED, OUT_OF_SCOPE",
        "OUT_OF_SCOPE, 12, COLLECTED, OUT_OF_SCOPE",
        "OUT_OF_SCOPE, 0, NOT_COLLECTED, OUT_OF_SCOPE",
        "AUTOMATED, 1, COLLECTED, EFFECTIVE",
        "AUTOMATED, 48213, COLLECTED, EFFECTIVE",
        "AUTOMATED, 0, COLLECTED, NOT_EVIDENCED",
        "AUTOMATED, 7, NOT_COLLECTED, NOT_EVIDENCED",
        "PARTIAL, 3, COLLECTED, PARTIALLY_EVIDENCED",
        "PARTIAL, 0, COLLECTED, NOT_EVIDENCED",
        "PARTIAL, 3, NOT_COLLECTED, NOT_EVIDENCED"
    })
    void assessesEveryBranchOfTheRule(Scope scope, long records, EvidenceCollection collection, ControlStatus status) {
        assertEquals(status, ControlStatus.assess(scope, records, collection));
    }

    @Test
    void refusesANegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> ControlStatus.assess(Scope.AUTOMATED, -1, COLLECTED));
        assertThrows(IllegalArgumentException.class, () -> Evidence.of("5.1", -1, List.of(), List.of()));
    }

    @Test
    void labelsAsPrinted() {
        assertEquals(
                List.of("effective", "partially evidenced", "not evidenced", "out of scope"),
                List.of(ControlStatus.values()).stream()
                        .map(ControlStatus::label)
                        .toList());
    }

    @Test
    void evidenceNotCollectedIsTheDowngrade() {
        Evidence evidence = Evidence.notCollected("8.17");
        assertEquals(
                ControlStatus.NOT_EVIDENCED,
                ControlStatus.assess(Scope.PARTIAL, evidence.count(), evidence.collection()));
        assertEquals(NOT_COLLECTED, evidence.collection());
    }
}
