package org.conclave.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conclave.policy.control.PolicyEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultBaselinesTest {

    private static final Path MIGRATION = Path.of(System.getProperty("user.dir"))
            .resolveSibling("db")
            .resolve("src/main/resources/db/migration/V2__policy_baselines.sql");
    private static final Pattern SEED = Pattern.compile(
            "\\('(PUBLIC|INTERNAL|CONFIDENTIAL|SECRET)',\\s*1,\\s*'(\\{[^']*\\})'::jsonb", Pattern.DOTALL);

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @Test
    void theMigrationSeedsExactlyTheDefaultBaselines() throws IOException {
        String sql = Files.readString(MIGRATION, StandardCharsets.UTF_8);
        Map<Classification, Map<String, Object>> seeded = new EnumMap<>(Classification.class);

        Matcher seed = SEED.matcher(sql);
        while (seed.find()) {
            Map<String, Object> previous = seeded.put(Classification.valueOf(seed.group(1)), parse(seed.group(2)));
            assertEquals(null, previous, "seeded twice: " + seed.group(1));
        }

        assertEquals(Classification.values().length, seeded.size());
        for (Classification classification : Classification.values()) {
            Map<String, Object> wire = DefaultBaselines.forClass(classification).toWire();
            assertEquals(wire, seeded.get(classification), classification.name());
            assertEquals(
                    List.copyOf(wire.keySet()),
                    List.copyOf(seeded.get(classification).keySet()));
        }
        assertTrue(sql.contains("INSERT INTO policy_baseline_version"));
    }

    private static Map<String, Object> parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, Object> wire = new LinkedHashMap<>();
            object.forEach((key, value) -> wire.put(key, plain(value)));
            return wire;
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            case NUMBER -> ((JsonNumber) value).intValueExact();
            case STRING -> ((JsonString) value).getString();
            default -> throw new AssertionError("not a policy value: " + value);
        };
    }

    @Test
    void eachClassificationIsAtLeastAsStrictAsTheOneBelow() {
        Classification[] classes = Classification.values();
        for (int i = 1; i < classes.length; i++) {
            assertEquals(
                    List.of(),
                    evaluator.weakenings(
                            DefaultBaselines.forClass(classes[i - 1]),
                            DefaultBaselines.forClass(classes[i]),
                            List.of(),
                            Instant.EPOCH),
                    classes[i] + " against " + classes[i - 1]);
        }
    }

    @ParameterizedTest
    @EnumSource(Classification.class)
    void everyBaselineIsConsistentAndRecordsOnlyWithConsent(Classification classification) {
        PolicySettings baseline = DefaultBaselines.forClass(classification);

        assertEquals(List.of(), evaluator.inconsistencies(baseline));
        assertTrue(baseline.recordingConsentRequired());
    }

    @Test
    void secretIsTheStrictest() {
        PolicySettings secret = DefaultBaselines.forClass(Classification.SECRET);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("passcode-required", true);
        expected.put("passcode-min-length", 12);
        expected.put("registration-required", true);
        expected.put("host-approval-required", true);
        expected.put("waiting-room", true);
        expected.put("join-before-host", false);
        expected.put("auto-lock-minutes", 10);
        expected.put("guests-allowed", false);
        expected.put("other-organisations-allowed", false);
        expected.put("participant-2fa-required", true);
        expected.put("screen-sharing", "host-only");
        expected.put("file-transfer-allowed", false);
        expected.put("remote-control-allowed", false);
        expected.put("recording-allowed", false);
        expected.put("recording-consent-required", true);
        expected.put("recording-retention-min-days", 1);
        expected.put("recording-retention-max-days", 30);
        expected.put("max-participants", 25);
        expected.put("ban-scope", "organisation");
        expected.put("require-e2ee", true);
        expected.put("require-on-premise-turn", true);
        expected.put("require-on-premise-recording-store", true);
        expected.put("passcode-by-mail-allowed", false);
        expected.put("token-lifetime-seconds", 120);

        assertEquals(expected, secret.toWire());
    }

    @Test
    void confidentialLetsTheSharingLabelDecideAboutOtherOrganisations() {
        PolicySettings confidential = DefaultBaselines.forClass(Classification.CONFIDENTIAL);

        assertTrue(confidential.otherOrganisationsAllowed());
        assertTrue(confidential.participant2faRequired());
        assertEquals(7, confidential.recordingRetentionMinDays());
        assertEquals(90, confidential.recordingRetentionMaxDays());
        assertEquals(BanScope.SERIES, confidential.banScope());
        assertEquals(300, confidential.tokenLifetimeSeconds());
    }
}
