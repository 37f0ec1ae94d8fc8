package org.conclave.compliance.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.conclave.compliance.entity.AlertKind;
import org.conclave.compliance.entity.Annex;
import org.conclave.compliance.entity.CatalogControl;
import org.conclave.compliance.entity.ChainIntegrity;
import org.conclave.compliance.entity.CompliancePack;
import org.conclave.compliance.entity.ControlCatalog;
import org.conclave.compliance.entity.Evidence;
import org.conclave.compliance.entity.ExceptionGrant;
import org.conclave.compliance.entity.ExternalHandling;
import org.conclave.compliance.entity.Figure;
import org.conclave.compliance.entity.MeetingDossier;
import org.conclave.compliance.entity.MeetingHeader;
import org.conclave.compliance.entity.OrganisationParticipation;
import org.conclave.compliance.entity.Period;
import org.conclave.compliance.entity.PolicyChange;
import org.conclave.compliance.entity.ReportHeading;
import org.conclave.compliance.entity.Scope;
import org.conclave.compliance.entity.SecurityAlert;
import org.conclave.compliance.entity.SharingReport;
import org.conclave.compliance.entity.TimelineEntry;
import org.conclave.policy.entity.Classification;
import org.conclave.policy.entity.SharingLabel;

/** Report data with known figures, accented names and hostile text, shared by the PDF and CSV tests. */
final class Samples {

    static final ControlCatalog CATALOG = ControlCatalog.bundled();
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final String ORGANISATION = "Agencia de Coordinación Señalética – Île-de-France";
    static final String GENERATED_BY = "María José Núñez-Çelik";
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"clic\")";
    static final Instant GENERATED_AT = Instant.parse("2025-04-02T07:30:00Z");

    /** The control whose evidence Conclave does not collect yet in the sample. */
    static final String NOT_COLLECTED = "8.17";

    /** In-scope controls with no evidence in the sample period. */
    static final List<String> NO_EVIDENCE = List.of("5.24", "8.11");

    private Samples() {}

    static ReportHeading heading(String reportId) {
        return new ReportHeading(
                ORGANISATION, reportId, Classification.CONFIDENTIAL, GENERATED_AT, GENERATED_BY, MADRID);
    }

    static Period period() {
        return new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    }

    /** The evidence count the sample gives an in-scope control: 0 for {@link #NO_EVIDENCE}, else a known number. */
    static long count(CatalogControl control) {
        if (NO_EVIDENCE.contains(control.id()) || control.id().equals(NOT_COLLECTED)) {
            return 0;
        }
        return 1000L + control.id().hashCode() % 997 * 7 + control.id().length();
    }

    static List<Evidence> evidence() {
        List<Evidence> evidence = new ArrayList<>();
        for (CatalogControl control : CATALOG.controls()) {
            if (control.scope() == Scope.OUT_OF_SCOPE) {
                continue;
            }
            if (control.id().equals(NOT_COLLECTED)) {
                evidence.add(Evidence.notCollected(control.id()));
                continue;
            }
            long count = count(control);
            evidence.add(Evidence.of(
                    control.id(),
                    count,
                    List.of(
                            Figure.count("Records for " + control.id() + " in the period", count),
                            Figure.count("Meetings concerned", count / 3),
                            new Figure("Hashing of meeting passcodes", "PBKDF2-HMAC-SHA256, 600,000 rounds")),
                    count == 0
                            ? List.of()
                            : List.of(
                                    "2025-02-14 10:02 Łukasz Wróbel refused at the lobby of \"Comité de dirección\"",
                                    "2025-03-03 16:45 François Müller removed and banned by the host")));
        }
        return evidence;
    }

    static Annex annex() {
        return new Annex(
                List.of(new ExceptionGrant(
                        Instant.parse("2025-02-10T09:00:00Z"),
                        "Comité de dirección – Q1",
                        "recording-allowed",
                        "Renée Dupont",
                        "Board asked for minutes; consent collected from every participant")),
                List.of(
                        new PolicyChange(
                                Instant.parse("2025-01-20T11:15:00Z"),
                                "Jürgen Weiß",
                                "CONFIDENTIAL",
                                "screen-sharing",
                                "host-only",
                                "none"),
                        new PolicyChange(
                                Instant.parse("2025-03-01T08:00:00Z"),
                                "Jürgen Weiß",
                                "SECRET",
                                "token-lifetime-seconds",
                                "120",
                                "60")),
                List.of(
                        new SecurityAlert(
                                Instant.parse("2025-03-12T13:40:00Z"),
                                AlertKind.UNADMITTED_PRESENCE,
                                "Revisión de incidentes",
                                "unknown participant",
                                SCRIPT),
                        new SecurityAlert(
                                Instant.parse("2025-03-15T10:00:00Z"),
                                AlertKind.CONSENT_BREACH,
                                "Formación ISO 27001",
                                "Zoë Ångström",
                                FORMULA)));
    }

    static CompliancePack pack(ChainIntegrity integrity) {
        return new CompliancePack(heading("CR-2025-Q1-0007"), period(), integrity, evidence(), annex());
    }

    static ChainIntegrity intact() {
        return ChainIntegrity.intact(1, 48_213, 48_213, 17);
    }

    static ChainIntegrity broken() {
        return new ChainIntegrity(
                1,
                31_336,
                31_337,
                0,
                java.util.Optional.of(new org.conclave.compliance.entity.ChainBreak(
                        31_337, "event 31337 was altered: its hash does not match its content")));
    }

    static SharingReport sharing() {
        return new SharingReport(
                heading("SR-2025-Q1-0003"),
                period(),
                Map.of(
                        SharingLabel.RED,
                        4L,
                        SharingLabel.AMBER_STRICT,
                        11L,
                        SharingLabel.AMBER,
                        23L,
                        SharingLabel.CLEAR,
                        2L),
                Map.of(SharingLabel.RED, 3L, SharingLabel.AMBER_STRICT, 7L),
                List.of(
                        new OrganisationParticipation("Ayuntamiento de A Coruña", 12, 5),
                        new OrganisationParticipation("Société Générale de Sécurité", 8, 3),
                        new OrganisationParticipation("Politechnika Łódzka", 4, 2)),
                List.of(
                        new ExternalHandling(
                                Instant.parse("2025-02-03T09:01:00Z"),
                                "Intercambio CERT",
                                SharingLabel.AMBER,
                                "Łukasz Wróbel",
                                "Politechnika Łódzka",
                                "handling notice acknowledged"),
                        new ExternalHandling(
                                Instant.parse("2025-02-03T09:02:00Z"),
                                "Réunion de crise",
                                SharingLabel.AMBER_STRICT,
                                "Françoise Lefèvre",
                                "Société Générale de Sécurité",
                                "refused: TLP:AMBER+STRICT keeps this meeting inside the host's organisation")),
                CATALOG.clauses().stream()
                        .filter(c -> c.scope() != Scope.OUT_OF_SCOPE)
                        .map(c -> Evidence.of(
                                c.clause(),
                                c.clause().length() * 3L,
                                List.of(Figure.count("Records", c.clause().length() * 3L)),
                                List.of()))
                        .toList());
    }

    static MeetingDossier dossier() {
        return new MeetingDossier(
                heading("MD-2025-0042"),
                new MeetingHeader(
                        "mtg-7f3a",
                        "Comité de dirección – revisión trimestral",
                        Classification.SECRET,
                        SharingLabel.AMBER_STRICT,
                        "Begoña Ibáñez",
                        Instant.parse("2025-03-20T08:00:00Z")));
    }

    /** A timeline generated row by row: never a list. */
    static Iterator<TimelineEntry> timeline(int rows) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows;
            }

            @Override
            public TimelineEntry next() {
                if (next >= rows) {
                    throw new NoSuchElementException();
                }
                int n = next++;
                return new TimelineEntry(
                        Instant.parse("2025-03-20T08:00:00Z").plus(Duration.ofMillis(250L * n)),
                        n % 3 == 0 ? "admission" : "token issued",
                        n % 2 == 0 ? "Łukasz Wróbel" : "Renée Façade",
                        n % 5 == 0 ? "refused" : "admitted",
                        "timeline row " + (n + 1));
            }
        };
    }
}
