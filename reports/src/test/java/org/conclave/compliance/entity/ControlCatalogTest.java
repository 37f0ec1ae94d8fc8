package org.conclave.compliance.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ControlCatalogTest {

    private final ControlCatalog catalog = ControlCatalog.bundled();

    @Test
    void listsAll93ControlsOfTheFourThemes() {
        assertEquals(93, catalog.controls().size());
        assertEquals(
                Set.of("Organizational", "People", "Physical", "Technological"),
                catalog.controls().stream().map(CatalogControl::theme).collect(Collectors.toSet()));
        assertEquals("5.1", catalog.controls().get(0).id());
        assertEquals("8.34", catalog.controls().get(92).id());
        assertEquals(
                37,
                catalog.controls().stream()
                        .filter(c -> c.theme().equals("Organizational"))
                        .count());
    }

    @Test
    void keepsEveryEquivalent2013Control() {
        assertEquals(
                List.of("A.18.2.2", "A.18.2.3"),
                catalog.control("5.36").orElseThrow().iso2013Ids());
        assertEquals(
                List.of("A.12.6.1", "A.18.2.3"),
                catalog.control("8.8").orElseThrow().iso2013Ids());
        assertEquals(
                List.of("5.36", "8.8"),
                catalog.controls().stream()
                        .filter(c -> c.iso2013Ids().contains("A.18.2.3"))
                        .map(CatalogControl::id)
                        .toList());
        assertEquals(List.of("new"), catalog.control("5.7").orElseThrow().iso2013Ids());
    }

    @Test
    void readsScopesTitlesWithCommasAndEvidence() {
        CatalogControl logging = catalog.control("8.15").orElseThrow();
        assertEquals(Scope.AUTOMATED, logging.scope());
        assertTrue(logging.evidence().startsWith("Audit events per type in the period"));
        assertEquals(
                "Monitoring, review and change management of supplier services",
                catalog.control("5.22").orElseThrow().title());
        assertEquals(Scope.OUT_OF_SCOPE, catalog.control("5.22").orElseThrow().scope());
        assertEquals("", catalog.control("5.22").orElseThrow().evidence());
    }

    @Test
    void listsTheSharingClauses() {
        assertEquals(23, catalog.clauses().size());
        SharingClause markings = catalog.clause("8.4.1").orElseThrow();
        assertEquals(Scope.AUTOMATED, markings.scope());
        assertTrue(markings.topic().contains("TLP"));
    }

    @Test
    void versionIsTheHashOfBothFilesBytes() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(resource("iso27002-controls.csv"));
        sha.update(resource("iso27010-clauses.csv"));
        String expected = HexFormat.of().formatHex(sha.digest());
        assertEquals(expected, catalog.sha256());
        assertEquals("iso27002-2022+iso27010-2015 sha256:" + expected, catalog.version());
        assertEquals(catalog.version(), ControlCatalog.bundled().version());
    }

    @Test
    void versionChangesWithOneByte() throws Exception {
        byte[] controls = resource("iso27002-controls.csv");
        byte[] clauses = resource("iso27010-clauses.csv");
        String text = new String(controls, StandardCharsets.UTF_8).replace("Screening", "Screenings");
        ControlCatalog changed = ControlCatalog.parse(text.getBytes(StandardCharsets.UTF_8), clauses);
        assertTrue(!changed.version().equals(catalog.version()));
    }

    @Test
    void refusesAMalformedCatalog() throws Exception {
        byte[] clauses = resource("iso27010-clauses.csv");
        String header = "control_id,title,theme,iso27002_2013,conclave_scope,evidence\r\n";
        assertThrows(
                IllegalArgumentException.class,
                () -> ControlCatalog.parse(
                        bytes(header + "5.1,Policies,Organizational,A.5.1.1,sometimes,x\r\n"), clauses));
        assertThrows(
                IllegalArgumentException.class,
                () -> ControlCatalog.parse(
                        bytes(
                                header
                                        + "5.1,A,Organizational,A.5.1.1,partial,x\r\n5.1,B,Organizational,A.5.1.1,partial,y\r\n"),
                        clauses));
        assertThrows(
                IllegalArgumentException.class,
                () -> ControlCatalog.parse(
                        bytes(header + "5.1,Policies,Organizational,A.5.1.1,partial,\r\n"), clauses));
        assertThrows(
                IllegalArgumentException.class,
                () -> ControlCatalog.parse(bytes("id,title\r\n5.1,Policies\r\n"), clauses));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = ControlCatalog.class.getResourceAsStream("/org/conclave/compliance/catalog/" + file)) {
            return in.readAllBytes();
        }
    }
}
