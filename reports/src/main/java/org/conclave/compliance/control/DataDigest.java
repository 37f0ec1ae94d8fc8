package org.conclave.compliance.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SHA-256 printed on a report's cover: over a canonical serialization of the worded view the report is
 * printed from, i.e. exactly the data rendered, not the hash itself. The serialization is compact JSON: records as
 * objects with their components in declaration order, lists as arrays, maps with sorted keys, numbers and booleans
 * as literals, anything else as a string; rows streamed one by one are added as one JSON value per line.
 */
final class DataDigest {

    private final MessageDigest digest;
    private boolean first = true;

    DataDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hash of one value. */
    static String of(Object value) {
        return new DataDigest().add(value).hex();
    }

    /** Adds a value (the next line). */
    DataDigest add(Object value) {
        StringBuilder json = new StringBuilder();
        if (!first) {
            json.append('\n');
        }
        first = false;
        write(value, json);
        digest.update(json.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The hash of everything added so far, in lower-case hex. Call once. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void write(Object value, StringBuilder json) {
        if (value instanceof Optional<?> optional) {
            write(optional.orElse(null), json);
        } else if (value == null) {
            json.append("null");
        } else if (value instanceof Record record) {
            json.append('{');
            var components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    json.append(',');
                }
                string(components[i].getName(), json);
                json.append(':');
                try {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    write(accessor.invoke(record), json);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + components[i], e);
                }
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                write(list.get(i), json);
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            json.append('{');
            boolean firstEntry = true;
            for (var entry : sorted.entrySet()) {
                if (!firstEntry) {
                    json.append(',');
                }
                firstEntry = false;
                string(entry.getKey(), json);
                json.append(':');
                write(entry.getValue(), json);
            }
            json.append('}');
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            json.append(value);
        } else {
            string(value.toString(), json);
        }
    }

    private static void string(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
