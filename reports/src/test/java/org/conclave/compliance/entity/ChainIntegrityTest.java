package org.conclave.compliance.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.conclave.audit.entity.Verification;
import org.junit.jupiter.api.Test;

class ChainIntegrityTest {

    @Test
    void takesAnIntactVerification() {
        ChainIntegrity integrity =
                ChainIntegrity.of(new Verification(true, 500, 480, 500, 4, Optional.empty(), "the chain is intact"), 1);
        assertTrue(integrity.verified());
        assertEquals(1, integrity.firstSequence());
        assertEquals(500, integrity.lastSequence());
        assertEquals(500, integrity.eventsChecked());
        assertEquals(4, integrity.checkpointsVerified());
    }

    @Test
    void takesABrokenVerificationWithItsFirstBadSequence() {
        ChainIntegrity integrity =
                ChainIntegrity.of(new Verification(false, 41, 40, 41, 4, Optional.of(42L), "event 42 was altered"), 1);
        assertFalse(integrity.verified());
        assertEquals(42, integrity.failure().orElseThrow().firstBadSequence());
        assertEquals("event 42 was altered", integrity.failure().orElseThrow().reason());
        assertEquals(0, integrity.checkpointsVerified());
    }
}
