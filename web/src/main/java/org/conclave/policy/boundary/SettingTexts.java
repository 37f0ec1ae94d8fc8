package org.conclave.policy.boundary;

import org.conclave.platform.boundary.PageMessages;
import org.conclave.policy.entity.PolicySetting;

/**
 * How the pages name a policy setting, its rule and its values in the page's language. The English rule is the
 * domain's own ({@link PolicySetting#rule()}); the bundle only adds translations.
 */
public final class SettingTexts {

    private SettingTexts() {}

    public static String label(PolicySetting setting) {
        return PageMessages.optionalText("setting." + setting.wireKey()).orElse(setting.wireKey());
    }

    public static String rule(PolicySetting setting) {
        return PageMessages.optionalText("setting." + setting.wireKey() + ".rule")
                .orElse(setting.rule());
    }

    public static String controls(PolicySetting setting) {
        return String.join(", ", setting.controls());
    }

    /** A value as JSON carries it ({@code true}, {@code 30}, {@code host-only}), in words. */
    public static String value(Object wire) {
        if (wire == null) {
            return "";
        }
        return PageMessages.optionalText("value." + wire).orElse(wire.toString());
    }
}
