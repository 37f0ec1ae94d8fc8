package org.conclave.policy.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.conclave.platform.control.JsonText;

/**
 * Stores a complete set of policy settings as a jsonb object keyed by the settings' wire names (the driver reads
 * jsonb as its own object type, whose text is the JSON).
 */
@Converter
public class PolicySettingsConverter implements AttributeConverter<PolicySettings, Object> {

    @Override
    public Object convertToDatabaseColumn(PolicySettings settings) {
        return settings == null ? null : JsonText.jsonb(settings.toWire());
    }

    @Override
    public PolicySettings convertToEntityAttribute(Object json) {
        return json == null ? null : PolicySettings.fromWire(JsonText.read(json.toString()));
    }
}
