package org.conclave.policy.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.PageMessages;
import org.conclave.policy.control.Baselines;
import org.conclave.policy.entity.BanScope;
import org.conclave.policy.entity.Baseline;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.PolicySetting;
import org.conclave.policy.entity.ScreenSharing;

/**
 * An admin changing the baseline of one classification: edit, review the difference (each change marked as
 * tightening or loosening, with the setting's rule and ISO controls), then save; the baselines service validates,
 * versions and audits the change with before and after.
 */
@Named
@ViewScoped
public class EditBaselines implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One setting: its current value and the value being edited. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String label;
        private final String rule;
        private final String controls;
        private final List<String> choices;
        private final String current;
        private String value;

        Row(PolicySetting setting, String current, List<String> choices) {
            this.key = setting.wireKey();
            this.label = SettingTexts.label(setting);
            this.rule = SettingTexts.rule(setting);
            this.controls = SettingTexts.controls(setting);
            this.choices = choices;
            this.current = current;
            this.value = current;
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

        public List<String> getChoices() {
            return choices;
        }

        public boolean isNumber() {
            return choices.isEmpty();
        }

        public String getCurrent() {
            return current;
        }

        public String getCurrentLabel() {
            return SettingTexts.value(current);
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    /** One changed setting in the review. */
    public record Change(String label, String before, String after, boolean tightens, String rule, String controls)
            implements Serializable {}

    @Inject
    Access access;

    @Inject
    Baselines baselines;

    private String classification = Classification.CONFIDENTIAL.name();
    private int version;
    private String changedBy;
    private Instant changedAt;
    private List<Row> rows = List.of();
    private List<Change> changes = List.of();
    private boolean reviewing;

    public void load() {
        access.require("policy.read", Role.ADMIN);
        Classification chosen = Classification.parse(classification).orElse(Classification.CONFIDENTIAL);
        classification = chosen.name();
        Baseline baseline = baselines.of(chosen);
        version = baseline.version();
        changedBy = baseline.changedBy();
        changedAt = baseline.changedAt();
        rows = Arrays.stream(PolicySetting.values())
                .map(s -> new Row(s, String.valueOf(s.toWire(baseline.settings().value(s))), choices(s)))
                .toList();
        changes = List.of();
        reviewing = false;
    }

    private static List<String> choices(PolicySetting setting) {
        if (setting.valueType() == Boolean.class) {
            return List.of("true", "false");
        }
        if (setting.valueType() == ScreenSharing.class) {
            return Arrays.stream(ScreenSharing.values())
                    .map(ScreenSharing::wireName)
                    .toList();
        }
        if (setting.valueType() == BanScope.class) {
            return Arrays.stream(BanScope.values()).map(BanScope::wireName).toList();
        }
        return List.of();
    }

    /** Shows what would change, before anything is saved. */
    public void review() {
        access.require("policy.read", Role.ADMIN);
        List<Change> found = new ArrayList<>();
        for (Row row : rows) {
            if (row.getValue() == null || row.getValue().strip().equals(row.getCurrent())) {
                continue;
            }
            PolicySetting setting = PolicySetting.forWireKey(row.getKey()).orElseThrow();
            Optional<Object> before = setting.fromWire(wire(setting, row.getCurrent()));
            Optional<Object> after =
                    setting.fromWire(wire(setting, row.getValue().strip()));
            if (after.isEmpty()) {
                PageMessages.warn("baseline.problem.value", row.getLabel(), setting.expectation());
                return;
            }
            found.add(new Change(
                    row.getLabel(),
                    SettingTexts.value(row.getCurrent()),
                    SettingTexts.value(row.getValue().strip()),
                    setting.isStricterOrEqual(after.get(), before.orElseThrow()),
                    row.getRule(),
                    row.getControls()));
        }
        if (found.isEmpty()) {
            PageMessages.info("baseline.noChanges");
            return;
        }
        changes = found;
        reviewing = true;
    }

    public void edit() {
        reviewing = false;
    }

    public void save() {
        Caller admin = access.requireWithSecondFactor("policy.baseline-change", Role.ADMIN);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Row row : rows) {
            PolicySetting setting = PolicySetting.forWireKey(row.getKey()).orElseThrow();
            settings.put(
                    row.getKey(),
                    wire(setting, row.getValue() == null ? "" : row.getValue().strip()));
        }
        Classification chosen = Classification.parse(classification).orElseThrow();
        PageMessages.attempt(() -> baselines.change(admin, chosen, settings)).ifPresent(b -> {
            load();
            PageMessages.info("baseline.saved", chosen.name(), b.version());
        });
    }

    /** The typed JSON value of a form field: a boolean, an integer, or the enum's wire name. */
    private static Object wire(PolicySetting setting, String text) {
        if (setting.valueType() == Boolean.class) {
            return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : text;
        }
        if (setting.valueType() == Integer.class) {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    public List<String> getClassifications() {
        return Arrays.stream(Classification.values()).map(Enum::name).toList();
    }

    public String getClassification() {
        return classification;
    }

    public void setClassification(String classification) {
        this.classification = classification;
    }

    public int getVersion() {
        return version;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Change> getChanges() {
        return changes;
    }

    public boolean isReviewing() {
        return reviewing;
    }
}
