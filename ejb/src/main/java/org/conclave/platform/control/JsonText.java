package org.conclave.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text to and from plain Java values (Map, List, String, Boolean, Long or BigDecimal), for jsonb columns. */
public final class JsonText {

    private JsonText() {}

    public static String write(Map<String, ?> value) {
        return Json.createObjectBuilder(toJsonFriendly(value)).build().toString();
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
        try (var reader = Json.createReader(new StringReader(json))) {
            return object(reader.readObject());
        }
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
