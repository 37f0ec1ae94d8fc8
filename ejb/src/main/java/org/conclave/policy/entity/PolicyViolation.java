package org.conclave.policy.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of a meeting that breaks its classification's policy: the value the baseline requires (for a weakening,
 * the baseline's own value), the value asked for, the rule broken and the ISO/IEC 27002:2022 controls it serves.
 */
public record PolicyViolation(
        PolicySetting setting, Object required, Object requested, String rule, List<String> controls) {

    public PolicyViolation {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(rule, "rule");
        controls = List.copyOf(controls);
    }

    /** A value weaker than the baseline's, citing the setting's own rule and controls. */
    public static PolicyViolation weakening(PolicySetting setting, Object required, Object requested) {
        return new PolicyViolation(setting, required, requested, setting.rule(), setting.controls());
    }

    /**
     * {@code {"setting": "screen-sharing", "required": "host-only", "requested": "all", "rule": "...",
     * "controls": ["ISO/IEC 27002:2022 5.14", ...]}}, values as JSON carries them.
     */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("setting", setting.wireKey());
        wire.put("required", setting.toWire(required));
        wire.put("requested", setting.toWire(requested));
        wire.put("rule", rule);
        wire.put("controls", controls);
        return Collections.unmodifiableMap(wire);
    }
}
