package org.conclave.compliance.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvidenceMapTest {

    private static final AuditTally TALLY = new AuditTally(List.of(
            new AuditTally.Row("conclave", "admission.request", "allowed", null, 7),
            new AuditTally.Row("conclave", "admission.request", "refused", "passcode-wrong", 2),
            new AuditTally.Row("conclave", "admission.request", "refused", "meeting-locked", 1),
            new AuditTally.Row("conclave", "admission.decide", "allowed", null, 3),
            new AuditTally.Row("conclave", "registration.decide", "allowed", null, 4),
            new AuditTally.Row("conclave", "meeting.read", "refused", "not-found", 5),
            new AuditTally.Row("conclave", "recording.deletion-certificate", "allowed", null, 1),
            new AuditTally.Row("keycloak", "keycloak.login", "allowed", null, 20),
            new AuditTally.Row("keycloak", "keycloak.login-error", "refused", "invalid_user_credentials", 3),
            new AuditTally.Row("platform", "alert.consent-breach", "refused", "consent-breach", 1)));

    private static final PortalFacts FACTS = new PortalFacts(
            Map.of("CONFIDENTIAL", 3L, "PUBLIC", 1L),
            Map.of("AMBER", 4L),
            2,
            1,
            2,
            1,
            6,
            4,
            Map.of("host", 1L, "auditor", 1L, "admin", 1L),
            Map.of("host", 1L, "auditor", 1L, "admin", 0L),
            List.of(),
            Map.of("passcodes", "PBKDF2WithHmacSHA512"),
            9);

    private static Map<String, Evidence> controls() {
        return new EvidenceMap(TALLY, FACTS)
                .controls().stream().collect(Collectors.toMap(Evidence::ref, Function.identity()));
    }

    @Test
    void accessControlCountsAdmissionsDecisionsAndObjectRefusals() {
        Evidence access = controls().get("5.15");
        assertEquals(7 + 3 + 3 + 4 + 5, access.count());
        assertTrue(access.figures().contains(Figure.count("Admissions refused: passcode-wrong", 2)));
        assertTrue(access.figures().contains(Figure.count("Admissions refused: meeting-locked", 1)));
    }

    @Test
    void loggingCountsEveryEventBySource() {
        Evidence logging = controls().get("8.15");
        assertEquals(TALLY.total(), logging.count());
        assertTrue(logging.figures().contains(Figure.count("Events from keycloak", 23)));
    }

    @Test
    void secureAuthenticationStatesTheShareOfPrivilegedUsersWithTotp() {
        assertTrue(controls()
                .get("8.5")
                .figures()
                .contains(new Figure("Hosts, auditors and admins with TOTP configured", "2 of 3 (66 %)")));
    }

    @Test
    void evidenceNotCollectedIsSaidSo() {
        for (String ref : EvidenceMap.NOT_COLLECTED) {
            assertEquals(EvidenceCollection.NOT_COLLECTED, controls().get(ref).collection());
        }
    }

    @Test
    void everyInScopeRowIsCoveredAndEveryRefIsInTheCatalog() {
        ControlCatalog catalog = ControlCatalog.bundled();
        Set<String> inScope = catalog.controls().stream()
                .filter(c -> c.scope() != Scope.OUT_OF_SCOPE)
                .map(CatalogControl::id)
                .collect(Collectors.toSet());
        assertEquals(inScope, controls().keySet());
        Set<String> clauses = catalog.clauses().stream()
                .filter(c -> c.scope() != Scope.OUT_OF_SCOPE)
                .map(SharingClause::clause)
                .collect(Collectors.toSet());
        assertEquals(
                clauses,
                new EvidenceMap(TALLY, FACTS)
                        .sharingClauses().stream().map(Evidence::ref).collect(Collectors.toSet()));
    }
}
