package org.conclave.platform.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.platform.control.JsonText;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * Reads request bodies field by field, collecting every problem, so that a client hears about all of them at once
 * (400 invalid-input with a {@code problems} list).
 */
public final class JsonBodies {

    private final JsonObject body;
    private final List<String> problems = new ArrayList<>();

    private JsonBodies(JsonObject body) {
        this.body = body;
    }

    /** The body as a JSON object, or 400 malformed-request for anything else (nothing, null, an array, a number…). */
    public static JsonBodies of(JsonValue body) {
        if (body instanceof JsonObject object) {
            return new JsonBodies(object);
        }
        throw new Refusal(Rule.MALFORMED_REQUEST, "send a JSON object");
    }

    /** An optional boolean member (false when absent). */
    public boolean flag(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        problems.add("'" + name + "' must be true or false");
        return false;
    }

    public String text(String name, boolean required) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                problems.add("'" + name + "' is required");
            }
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        problems.add("'" + name + "' must be a string");
        return null;
    }

    public Integer integer(String name, boolean required) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                problems.add("'" + name + "' is required");
            }
            return null;
        }
        if (value instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException tooBig) {
                problems.add("'" + name + "' is out of range");
                return null;
            }
        }
        problems.add("'" + name + "' must be an integer");
        return null;
    }

    public List<String> texts(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
        problems.add("'" + name + "' must be a list of strings");
        return List.of();
    }

    public Map<String, Object> object(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (value instanceof JsonObject object) {
            return JsonText.object(object);
        }
        problems.add("'" + name + "' must be an object");
        return Map.of();
    }

    public Optional<JsonValue> raw(String name) {
        return Optional.ofNullable(body.get(name));
    }

    public void problem(String problem) {
        problems.add(problem);
    }

    /** Throws 400 invalid-input listing every problem found so far. */
    public void orRefuse() {
        if (!problems.isEmpty()) {
            throw new Refusal(
                    Rule.INVALID_INPUT, String.join("; ", problems), Map.of("problems", List.copyOf(problems)));
        }
    }
}
