package org.conclave.audit.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The verifier's writer must produce, byte for byte, what the sealer hashed: {@code CanonicalJson.write} over the map
 * {@code AuditRows.canonical} builds, in UTF-8. Tricky inputs first, then many random ones.
 */
class CanonicalEventWriterTest {

    private final CanonicalEventWriter writer = new CanonicalEventWriter();

    @Test
    void writesTheMembersInTheirCanonicalOrder() {
        Row row = Row.plain();
        assertEquals(
                "{\"action\":\"meeting.schedule\",\"actor\":{\"amr\":[\"pwd\",\"otp\"],\"organisation\":\"home\","
                        + "\"roles\":[\"host\",\"participant\"],\"subject\":\"3f2c\"},\"details\":{\"a\":1,\"b\":\"x\"},"
                        + "\"id\":42,\"occurredAt\":\"2025-03-01T10:15:30.123456Z\",\"outcome\":\"allowed\","
                        + "\"reason\":null,\"requestId\":\"req-1\",\"seq\":7,\"source\":\"conclave\","
                        + "\"target\":{\"id\":\"m1\",\"type\":\"meeting\"}}",
                new String(written(row), StandardCharsets.UTF_8));
        assertSame(row);
    }

    @Test
    void detailsWithUnicodeEscapesAndNesting() {
        for (String details : List.of(
                "{}",
                "[]",
                "{\"b\": 1, \"a\": 2}",
                "{\"kind\": \"compliance-pack\", \"to\": \"2025-12-31\", \"from\": \"2025-01-01\", \"format\": \"pdf\"}",
                "{\"é\": \"café\", \"e\": \"日本語\", \"z\": \"😀\", \"\\ud83d\\ude00\": 1, \"\\uffff\": 2, \"\uff61\": 3}",
                "{\"lone\": \"\\ud800\", \"low\": \"\\udc00x\", \"pair\": \"\\ud83d\\ude00\", \"high-end\": \"a\\ud83d\"}",
                "{\"esc\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0001 \\u001f \\u007f \\u0041 \\u00e9 \\u2028\"}",
                "{\"raw\": \"\u007f\u0080\u07ff\u0800\uffff\"}",
                "{\"n\": [0, -0, 1, -1, 9223372036854775807, -9223372036854775808, 123456789012345678,"
                        + " 1234567890123456789, -123456789012345678, 007, -007]}",
                "{\"nested\": {\"z\": {\"y\": [true, false, null, {\"b\": [], \"a\": {}}]}, \"a\": [[[]]]}}",
                "  {  \"ws\" :\t[ 1 ,\n 2 ] ,\r\n \"x\" : { } }  ",
                "{\"a\": {\"c\": 1, \"b\": 2}, \"A\": {\"d\": [1, {\"f\": 1, \"e\": 2}]}, \"\": \"empty name\"}",
                "\"a string\"",
                "12",
                "null",
                "[{\"b\": 1, \"a\": 2}, {\"d\": 3, \"c\": 4}]",
                "{\"digits\": \u0661\u0662}")) {
            assertSame(Row.plain().details(details));
        }
    }

    @Test
    void otherFieldsWithEscapesUnicodeAndNulls() {
        assertSame(Row.plain()
                .strings("act\"ion\\", "re\u0000ason\n\u001f", "é日😀\ud800")
                .lists(List.of(), List.of("\"q\"", "é", "\t")));
        assertSame(Row.plain().nulls());
    }

    @Test
    void instants() {
        for (Instant at : List.of(
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-06-30T12:00:00.000001Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("0999-12-31T23:59:59.5Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-15T08:30:00.25Z"))) {
            assertSame(Row.plain().at(at));
        }
    }

    @Test
    void refusesWhatTheParserRefuses() {
        for (String details : List.of(
                "{\"f\": 1.5}",
                "{\"f\": 1e3}",
                "{\"f\": 1E3}",
                "{\"n\": 99999999999999999999}",
                "{\"n\": -}",
                "{\"a\": 1, \"a\": 2}",
                "{\"a\" 1}",
                "{\"a\": tru}",
                "{\"a\": \"x\u0001\"}",
                "{\"a\": \"\\x\"}",
                "{\"a\": \"\\u12\"}",
                "{\"a\": \"unterminated}",
                "{} {}",
                "",
                "{a: 1}")) {
            Row row = Row.plain().details(details);
            assertThrows(IllegalArgumentException.class, () -> reference(row), details);
            assertThrows(IllegalArgumentException.class, () -> written(row), details);
        }
    }

    @Test
    void randomEventsAreByteIdentical() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 20_000; i++) {
            Row row = Row.plain()
                    .details(json(random, 0))
                    .strings(text(random), random.nextInt(4) == 0 ? null : text(random), text(random))
                    .lists(list(random), list(random))
                    .at(Instant.ofEpochSecond(
                            random.nextLong(-62_000_000_000L, 253_402_300_799L), random.nextInt(1_000_000_000)));
            assertSame(row);
        }
    }

    /** The writer reuses its buffer: a long event then a short one. */
    @Test
    void reusesItsBuffer() {
        StringBuilder big = new StringBuilder("{\"big\": \"");
        big.append("x".repeat(100_000)).append("\"}");
        assertSame(Row.plain().details(big.toString()));
        assertSame(Row.plain());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void assertSame(Row row) {
        byte[] expected = reference(row);
        byte[] actual = written(row);
        assertArrayEquals(
                expected,
                actual,
                () -> "expected " + new String(expected, StandardCharsets.UTF_8) + "\n but got "
                        + new String(actual, StandardCharsets.UTF_8));
    }

    /** The current implementation: the map the sealer hashes, through CanonicalJson, in UTF-8. */
    private static byte[] reference(Row r) {
        return CanonicalJson.write(AuditRows.canonical(
                        r.seq,
                        r.id,
                        r.at,
                        r.source,
                        r.subject,
                        r.roles,
                        r.organisation,
                        r.amr,
                        r.action,
                        r.targetType,
                        r.targetId,
                        r.outcome,
                        r.reason,
                        r.details,
                        r.requestId))
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] written(Row r) {
        return writer.event(
                        r.seq,
                        r.id,
                        r.at,
                        r.source,
                        r.subject,
                        r.roles,
                        r.organisation,
                        r.amr,
                        r.action,
                        r.targetType,
                        r.targetId,
                        r.outcome,
                        r.reason,
                        r.details,
                        r.requestId)
                .toByteArray();
    }

    private static final String[] ALPHABET = {
        "a", "b", "Z", " ", "\"", "\\", "/", "\b", "\t", "\n", "\f", "\r", "\u0000", "\u0007", "\u001f", "\u007f", "é",
        "ß", "\u0800", "日", "\uffff", "\ufeff", "😀", "\ud800", "\udfff", "\u2028"
    };

    private static String text(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    private static List<String> list(SplittableRandom random) {
        List<String> list = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            list.add(text(random));
        }
        return list;
    }

    /** A random JSON text within the audit log's types, with random escapes and white space. */
    private static String json(SplittableRandom random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(depth > 3 ? 4 : 6);
        return switch (kind) {
            case 0 -> {
                StringBuilder s = new StringBuilder("{");
                int n = random.nextInt(depth == 0 ? 6 : 4);
                for (int i = 0; i < n; i++) {
                    s.append(i > 0 ? "," + space(random) : "")
                            .append(literal(random, text(random) + i))
                            .append(':')
                            .append(space(random))
                            .append(json(random, depth + 1));
                }
                yield s.append('}').toString();
            }
            case 1 -> {
                StringBuilder s = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i > 0 ? ", " : "").append(json(random, depth + 1));
                }
                yield s.append(space(random)).append(']').toString();
            }
            case 2 -> literal(random, text(random));
            case 3 -> Long.toString(random.nextBoolean() ? random.nextLong() : random.nextLong(-1000, 1000));
            case 4 -> random.nextBoolean() ? "true" : "false";
            default -> "null";
        };
    }

    private static String space(SplittableRandom random) {
        return random.nextInt(3) == 0 ? " \n\t\r".substring(random.nextInt(4)) : "";
    }

    /** A JSON string literal for {@code s}, escaping at random where JSON allows or requires it. */
    private static String literal(SplittableRandom random, String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '/' && random.nextBoolean()) {
                out.append("\\/");
            } else if (c < 0x20 || random.nextInt(10) == 0) {
                out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** One row's column values. */
    private static final class Row {
        long seq = 7;
        long id = 42;
        Instant at = Instant.parse("2025-03-01T10:15:30.123456789Z");
        String source = "conclave";
        String subject = "3f2c";
        List<String> roles = List.of("host", "participant");
        String organisation = "home";
        List<String> amr = List.of("pwd", "otp");
        String action = "meeting.schedule";
        String targetType = "meeting";
        String targetId = "m1";
        String outcome = "allowed";
        String reason;
        String details = "{\"b\": \"x\", \"a\": 1}";
        String requestId = "req-1";

        static Row plain() {
            return new Row();
        }

        Row details(String json) {
            details = json;
            return this;
        }

        Row at(Instant instant) {
            at = instant;
            return this;
        }

        Row strings(String action, String reason, String subject) {
            this.action = action;
            this.reason = reason;
            this.subject = subject;
            this.targetId = action + reason;
            this.requestId = subject;
            return this;
        }

        Row lists(List<String> roles, List<String> amr) {
            this.roles = roles;
            this.amr = amr;
            return this;
        }

        Row nulls() {
            subject = null;
            organisation = null;
            targetType = null;
            targetId = null;
            reason = null;
            requestId = null;
            seq = 123_456_789_012L;
            id = -5;
            return this;
        }
    }
}
