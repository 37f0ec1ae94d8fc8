package org.conclave.audit.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;

/**
 * Writes an event's canonical form (docs/audit-chain.md, section 2) straight into UTF-8 bytes, from the row's
 * values, without building the map that {@link AuditRows#canonical} builds for {@link CanonicalJson}: the verifier's
 * hot path. The members are written in their RFC 8785 order (sorted by UTF-16 code units); {@code details} is
 * re-canonicalised from the JSON text the database returns with the same rules as {@link CanonicalJson#parse}
 * followed by {@link CanonicalJson#write}. The output is byte for byte that of {@code
 * CanonicalJson.write(AuditRows.canonical(...)).getBytes(UTF_8)} (CanonicalEventWriterTest), and whatever that
 * refuses (fractions, malformed JSON) this refuses too. One instance per walk: it reuses its buffer.
 */
public final class CanonicalEventWriter {

    private static final DateTimeFormatter INSTANT = AuditRows.INSTANT;

    private byte[] out = new byte[1024];
    private int size;
    private byte[] scratch = new byte[256];
    private int scratchSize;

    // the JSON text of details being parsed
    private String text;
    private int pos;

    /** The bytes written by the last {@link #event} call: {@code bytes()[0 .. length())}. */
    public byte[] bytes() {
        return out;
    }

    public int length() {
        return size;
    }

    /** The last event's canonical bytes, copied. */
    public byte[] toByteArray() {
        return Arrays.copyOf(out, size);
    }

    /**
     * Writes the canonical event with sequence number {@code seq}; the values are the row's columns as
     * {@link AuditRows#COLUMNS} selects them ({@code details} as JSON text).
     *
     * @throws IllegalArgumentException if {@code details} is not JSON the audit log can hold
     */
    public CanonicalEventWriter event(
            long seq,
            long id,
            Instant occurredAt,
            String source,
            String actorSubject,
            Collection<String> actorRoles,
            String actorOrganisation,
            Collection<String> actorAmr,
            String action,
            String targetType,
            String targetId,
            String outcome,
            String reason,
            String details,
            String requestId) {
        size = 0;
        ascii("{\"action\":");
        string(action);
        ascii(",\"actor\":{\"amr\":");
        strings(actorAmr);
        ascii(",\"organisation\":");
        string(actorOrganisation);
        ascii(",\"roles\":");
        strings(actorRoles);
        ascii(",\"subject\":");
        string(actorSubject);
        ascii("},\"details\":");
        details(details);
        ascii(",\"id\":");
        number(id);
        ascii(",\"occurredAt\":\"");
        instant(occurredAt);
        ascii("\",\"outcome\":");
        string(outcome);
        ascii(",\"reason\":");
        string(reason);
        ascii(",\"requestId\":");
        string(requestId);
        ascii(",\"seq\":");
        number(seq);
        ascii(",\"source\":");
        string(source);
        ascii(",\"target\":{\"id\":");
        string(targetId);
        ascii(",\"type\":");
        string(targetType);
        ascii("}}");
        return this;
    }

    // ------------------------------------------------------------------------------------------------ output

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }

    private void put(int b) {
        if (size == out.length) {
            ensure(1);
        }
        out[size++] = (byte) b;
    }

    /** Text known to be ASCII without anything to escape. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    private void number(long value) {
        if (value >= 0 && value < 10) {
            put('0' + (int) value);
        } else {
            ascii(Long.toString(value));
        }
    }

    private void strings(Collection<String> values) {
        put('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                put(',');
            }
            first = false;
            string(value);
        }
        put(']');
    }

    private void string(String s) {
        if (s == null) {
            ascii("null");
            return;
        }
        put('"');
        chars(s, 0, s.length());
        put('"');
    }

    /**
     * Characters {@code from .. to} of {@code s}, escaped as RFC 8785 requires and encoded in UTF-8 the way
     * {@link String#getBytes} does (a lone surrogate becomes {@code ?}).
     */
    private void chars(CharSequence s, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (size == out.length) {
                    ensure(to - i);
                }
                out[size++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else if (c < 0x800) {
                ensure(2);
                out[size++] = (byte) (0xc0 | (c >> 6));
                out[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    ensure(4);
                    out[size++] = (byte) (0xf0 | (cp >> 18));
                    out[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    out[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    out[size++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    put('?');
                }
            } else {
                ensure(3);
                out[size++] = (byte) (0xe0 | (c >> 12));
                out[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }
    }

    private void escape(char c) {
        ascii(CanonicalJson.escape(c));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} in UTC, as {@link AuditRows#INSTANT} formats it. */
    private void instant(Instant at) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        long seconds = micros.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int second = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            ascii(INSTANT.format(micros));
            return;
        }
        ensure(26);
        digits(year, 4);
        out[size++] = '-';
        digits(date.getMonthValue(), 2);
        out[size++] = '-';
        digits(date.getDayOfMonth(), 2);
        out[size++] = 'T';
        digits(second / 3600, 2);
        out[size++] = ':';
        digits(second / 60 % 60, 2);
        out[size++] = ':';
        digits(second % 60, 2);
        out[size++] = '.';
        digits(micros.getNano() / 1000, 6);
        out[size++] = 'Z';
    }

    private void digits(int value, int width) {
        for (int i = size + width - 1; i >= size; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
    }

    // ------------------------------------------------------------------------------------------------ details

    /** Parses {@code json} as {@link CanonicalJson#parse} does and writes it as {@link CanonicalJson#write} would. */
    private void details(String json) {
        text = json;
        pos = 0;
        try {
            space();
            value();
            space();
            if (pos != json.length()) {
                throw error("unexpected text after the value");
            }
        } finally {
            text = null;
        }
    }

    private void value() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        switch (text.charAt(pos)) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> stringValue();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> numberValue();
        }
    }

    /**
     * Writes the members' values one after the other as they are parsed, then moves them into place behind their
     * names in sorted order (a map keeps no duplicates: the parser refuses them, so do we).
     */
    private void object() {
        pos++;
        space();
        if (peek('}')) {
            pos++;
            ascii("{}");
            return;
        }
        int start = size;
        String[] names = new String[8];
        int[] ends = new int[8];
        int count = 0;
        while (true) {
            space();
            if (!peek('"')) {
                throw error("expected a member name");
            }
            String name = parseString();
            space();
            expect(':');
            space();
            value();
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            names[count] = name;
            ends[count] = size;
            count++;
            if (count > 10_000) {
                throw error("duplicate member " + name);
            }
            space();
            if (peek(',')) {
                pos++;
            } else {
                expect('}');
                break;
            }
        }
        // member names sorted by their UTF-16 code units (String.compareTo), as a TreeMap orders them
        String[] keys = names;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            int member = i;
            int j = i;
            while (j > 0 && keys[order[j - 1]].compareTo(keys[member]) > 0) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = member;
        }
        for (int i = 1; i < count; i++) {
            if (keys[order[i]].equals(keys[order[i - 1]])) {
                throw error("duplicate member " + keys[order[i]]);
            }
        }
        // the values, as written, move to the scratch area; the object is rewritten from there
        int length = size - start;
        if (scratch.length < scratchSize + length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchSize + length));
        }
        int base = scratchSize;
        System.arraycopy(out, start, scratch, base, length);
        scratchSize += length;
        size = start;
        put('{');
        for (int i = 0; i < count; i++) {
            int member = order[i];
            if (i > 0) {
                put(',');
            }
            string(keys[member]);
            put(':');
            int from = member == 0 ? 0 : ends[member - 1] - start;
            int to = ends[member] - start;
            ensure(to - from);
            System.arraycopy(scratch, base + from, out, size, to - from);
            size += to - from;
        }
        put('}');
        scratchSize = base;
    }

    private void array() {
        pos++;
        space();
        put('[');
        if (peek(']')) {
            pos++;
            put(']');
            return;
        }
        boolean first = true;
        while (true) {
            space();
            if (!first) {
                put(',');
            }
            first = false;
            value();
            space();
            if (peek(',')) {
                pos++;
            } else {
                expect(']');
                put(']');
                return;
            }
        }
    }

    /** A string value: written straight from the text when it has no escapes, else decoded first. */
    private void stringValue() {
        int start = pos + 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                put('"');
                chars(text, start, i);
                put('"');
                pos = i + 1;
                return;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
        }
        string(parseString());
    }

    /** As CanonicalJson's parser reads a string (the same escapes, the same refusals). */
    private String parseString() {
        CanonicalJson.ReadString read = CanonicalJson.readString(text, pos);
        pos = read.end();
        return read.value();
    }

    /** An integer, written as {@link Long#toString} writes the value {@link Long#parseLong} reads. */
    private void numberValue() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        boolean ascii = true;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            ascii &= text.charAt(pos) <= '9';
            pos++;
        }
        if (start == pos || (pos < text.length() && ".eE".indexOf(text.charAt(pos)) >= 0)) {
            throw error("only integers are allowed");
        }
        int digits = pos - start - (text.charAt(start) == '-' ? 1 : 0);
        if (ascii && digits > 0 && digits <= 18) {
            long value = 0;
            for (int i = pos - digits; i < pos; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            number(text.charAt(start) == '-' ? -value : value);
            return;
        }
        try {
            number(Long.parseLong(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw error("integer out of range");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
        ascii(word);
    }

    private void space() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return CanonicalJson.invalid(pos, what);
    }
}
