package org.conclave.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from plain Java values (Map, List, String, Boolean, Long or BigDecimal), for jsonb columns and
 * request bodies. The JSON-P provider is looked up once: {@code Json.createReader} would search for it (a service
 * loader walk) on every call.
 */
public final class JsonText {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private JsonText() {}

    public static String write(Map<String, ?> value) {
        return BUILDERS.createObjectBuilder(toJsonFriendly(value)).build().toString();
    }

    /** The JSON object the text holds; a {@link jakarta.json.JsonException} (unchecked) if it holds none. */
    public static JsonObject parseObject(String json) {
        try (var reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The JSON object the bytes hold (UTF-8, -16 or -32, detected); a {@link jakarta.json.JsonException} if none. */
    public static JsonObject parseObject(InputStream json) {
        try (var reader = READERS.createReader(json)) {
            return reader.readObject();
        }
    }

    /** The value to bind to a jsonb column (PostgreSQL's driver would otherwise send text, which jsonb refuses). */
    public static Object jsonb(Map<String, ?> value) {
        try {
            org.postgresql.util.PGobject jsonb = new org.postgresql.util.PGobject();
            jsonb.setType("jsonb");
            jsonb.setValue(write(value));
            return jsonb;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> read(String json) {
        return object(parseObject(json));
    }

    public static Map<String, Object> object(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, java(v)));
        return map;
    }

    public static Object java(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> object((JsonObject) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(java(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValue() : number.bigDecimalValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toJsonFriendly(Map<String, ?> value) {
        Map<String, Object> copy = new LinkedHashMap<>();
        value.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? toJsonFriendly((Map<String, ?>) m) : v));
        return copy;
    }
}
