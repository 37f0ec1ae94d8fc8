package org.conclave.meeting.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import org.conclave.platform.control.JsonText;
import org.conclave.policy.entity.SharingLabel;

/** Column mappings for meeting values stored by their wire names. */
public final class TagConverters {

    private TagConverters() {}

    @Converter
    public static class SharingLabelColumn implements AttributeConverter<SharingLabel, String> {
        @Override
        public String convertToDatabaseColumn(SharingLabel label) {
            return label == null ? null : label.wireName();
        }

        @Override
        public SharingLabel convertToEntityAttribute(String wire) {
            return wire == null ? null : SharingLabel.parse(wire).orElseThrow();
        }
    }

    @Converter
    public static class JsonObjectColumn implements AttributeConverter<Map<String, Object>, Object> {
        @Override
        public Object convertToDatabaseColumn(Map<String, Object> value) {
            return JsonText.jsonb(value == null ? Map.of() : value);
        }

        @Override
        public Map<String, Object> convertToEntityAttribute(Object json) {
            return json == null ? Map.of() : JsonText.read(json.toString());
        }
    }
}
