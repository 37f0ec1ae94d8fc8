package org.conclave.meeting.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.conclave.policy.boundary.SettingTexts;
import org.conclave.policy.entity.BanScope;
import org.conclave.policy.entity.PolicySetting;
import org.conclave.policy.entity.ScreenSharing;

/**
 * One setting on the schedule form: what the baseline fixes, and which values a host may pick instead. A host may
 * only tighten, so the choices are the values {@link PolicySetting#isStricterOrEqual} accepts against the baseline;
 * where that leaves only the baseline's value the setting is locked, shown with its rule and ISO controls.
 */
public class SettingChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A value to pick: as JSON carries it, and in words. */
    public record Option(String value, String label) implements Serializable {}

    private final String key;
    private final String label;
    private final String rule;
    private final String controls;
    private final String kind;
    private final String baseline;
    private final List<Option> options;
    private final int minimum;
    private final int maximum;
    private String value;

    private SettingChoice(
            PolicySetting setting, String kind, Object baselineWire, List<Option> options, int minimum, int maximum) {
        this.key = setting.wireKey();
        this.label = SettingTexts.label(setting);
        this.rule = SettingTexts.rule(setting);
        this.controls = SettingTexts.controls(setting);
        this.kind = kind;
        this.baseline = String.valueOf(baselineWire);
        this.options = options;
        this.minimum = minimum;
        this.maximum = maximum;
        this.value = baseline;
    }

    public static SettingChoice of(PolicySetting setting, Object baselineValue) {
        Object wire = setting.toWire(baselineValue);
        if (setting.valueType() == Integer.class) {
            int low = Integer.MAX_VALUE;
            int high = Integer.MIN_VALUE;
            for (int v = setting.minimum().orElseThrow(); v <= setting.maximum().orElseThrow(); v++) {
                if (setting.isStricterOrEqual(v, baselineValue)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            return new SettingChoice(setting, "number", wire, List.of(), low, high);
        }
        List<Object> candidates = new ArrayList<>();
        if (setting.valueType() == Boolean.class) {
            candidates.addAll(List.of(Boolean.TRUE, Boolean.FALSE));
        } else if (setting.valueType() == ScreenSharing.class) {
            candidates.addAll(List.of(ScreenSharing.values()));
        } else if (setting.valueType() == BanScope.class) {
            candidates.addAll(List.of(BanScope.values()));
        }
        List<Option> options = candidates.stream()
                .filter(c -> setting.isStricterOrEqual(c, baselineValue))
                .map(c -> new Option(String.valueOf(setting.toWire(c)), SettingTexts.value(setting.toWire(c))))
                .toList();
        return new SettingChoice(setting, "choice", wire, options, 0, 0);
    }

    public boolean isLocked() {
        return "number".equals(kind) ? minimum == maximum : options.size() <= 1;
    }

    /** The value the host picked, typed as JSON carries it, if it differs from the baseline. */
    public Optional<Object> tightening() {
        if (isLocked() || value == null || value.equals(baseline)) {
            return Optional.empty();
        }
        if ("number".equals(kind)) {
            try {
                return Optional.of(Integer.valueOf(value.strip()));
            } catch (NumberFormatException e) {
                return Optional.of(value);
            }
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Optional.of(Boolean.valueOf(value));
        }
        return Optional.of(value);
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public String getRule() {
        return rule;
    }

    public String getControls() {
        return controls;
    }

    public boolean isNumber() {
        return "number".equals(kind);
    }

    public String getBaselineLabel() {
        return SettingTexts.value(baseline);
    }

    public List<Option> getOptions() {
        return options;
    }

    public int getMinimum() {
        return minimum;
    }

    public int getMaximum() {
        return maximum;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
