package org.conclave.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SharingLabelTest {

    @ParameterizedTest
    @EnumSource(SharingLabel.class)
    void everyLabelParsesFromItsWireNameAndDisplayName(SharingLabel label) {
        assertEquals(Optional.of(label), SharingLabel.parse(label.wireName()));
        assertEquals(Optional.of(label), SharingLabel.parse(label.displayName()));
        assertEquals("TLP:" + label.wireName(), label.displayName());
    }

    @Test
    void wireNamesFollowTlp2() {
        assertEquals("AMBER+STRICT", SharingLabel.AMBER_STRICT.wireName());
        assertEquals(Optional.of(SharingLabel.AMBER_STRICT), SharingLabel.parse(" tlp:amber+strict "));
        assertEquals(Optional.of(SharingLabel.CLEAR), SharingLabel.parse("clear"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AMBER_STRICT", "AMBER STRICT", "WHITE", "TLP:", "TLP:TLP:RED"})
    void unknownLabelsDoNotParse(String text) {
        assertEquals(Optional.empty(), SharingLabel.parse(text));
    }

    @Test
    void nothingParsesToNothing() {
        assertEquals(Optional.empty(), SharingLabel.parse(null));
    }

    @Test
    void onlyClearGreenAndAmberAdmitOtherOrganisations() {
        assertTrue(SharingLabel.CLEAR.allowsOtherOrganisations());
        assertTrue(SharingLabel.GREEN.allowsOtherOrganisations());
        assertTrue(SharingLabel.AMBER.allowsOtherOrganisations());
        assertFalse(SharingLabel.AMBER_STRICT.allowsOtherOrganisations());
        assertFalse(SharingLabel.RED.allowsOtherOrganisations());
    }
}
