package org.conclave.recording.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingNoticeTest {

    private static RecordingNotice notice(String purpose, List<String> access, int days) {
        return new RecordingNotice("m1", purpose, RecordingNotice.WHAT_IS_RECORDED, "store", access, days);
    }

    @Test
    void theHashIsStableAndIgnoresTheOrderOfTheAccessList() {
        assertEquals(
                notice("minutes", List.of("dora", "bob"), 30).hash(),
                notice("minutes", List.of("bob", "dora", "bob"), 30).hash());
        assertTrue(notice("minutes", List.of(), 30).hash().matches("[0-9a-f]{64}"));
    }

    @Test
    void anyChangeIsANewNotice() {
        String hash = notice("minutes", List.of("bob"), 30).hash();
        assertNotEquals(hash, notice("minutes.", List.of("bob"), 30).hash());
        assertNotEquals(hash, notice("minutes", List.of("bob", "carol"), 30).hash());
        assertNotEquals(hash, notice("minutes", List.of("bob"), 31).hash());
        assertNotEquals(
                hash,
                new RecordingNotice("m2", "minutes", RecordingNotice.WHAT_IS_RECORDED, "store", List.of("bob"), 30)
                        .hash());
    }

    @Test
    void theTextIsCanonicalJson() {
        assertEquals(
                "{\"accessList\":[\"bob\"],\"location\":\"store\",\"meetingId\":\"m1\",\"purpose\":\"a \\\"b\\\"\","
                        + "\"recorded\":\"" + RecordingNotice.WHAT_IS_RECORDED + "\",\"retentionDays\":30}",
                notice("a \"b\"", List.of("bob"), 30).text());
    }
}
