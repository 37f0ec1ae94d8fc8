package org.conclave.compliance.control;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conclave.compliance.entity.Annex;
import org.conclave.compliance.entity.CatalogControl;
import org.conclave.compliance.entity.ChainIntegrity;
import org.conclave.compliance.entity.CompliancePack;
import org.conclave.compliance.entity.ControlCatalog;
import org.conclave.compliance.entity.ControlStatus;
import org.conclave.compliance.entity.Evidence;
import org.conclave.compliance.entity.EvidenceCollection;
import org.conclave.compliance.entity.Figure;
import org.conclave.compliance.entity.Scope;

/**
 * The compliance pack as printed: every control of the catalog assessed and worded. The PDF, the CSV and the
 * report's data hash are all made from this one view.
 */
record PackView(
        Heading heading,
        IntegrityView integrity,
        List<StatusCount> statusCounts,
        List<MatrixRow> matrix,
        List<SectionRow> sections,
        List<ExceptionRow> exceptions,
        List<ChangeRow> policyChanges,
        List<AlertRow> alerts) {

    static final String TITLE = "ISO/IEC 27002:2022 compliance pack";

    record StatusCount(String status, String colour, long controls) {}

    record MatrixRow(
            String id,
            String title,
            String theme,
            String iso2013,
            String scope,
            String status,
            String statusColour,
            long evidenceCount) {}

    record FigureRow(String label, String value) {}

    record TextRow(String text) {}

    /** One in-scope control's evidence section. */
    record SectionRow(
            String id,
            String title,
            String status,
            String statusColour,
            long evidenceCount,
            String promised,
            String note,
            List<FigureRow> figures,
            List<TextRow> examples) {}

    record ExceptionRow(String time, String meeting, String setting, String grantedBy, String reason) {}

    record ChangeRow(String time, String changedBy, String baseline, String setting, String before, String after) {}

    record AlertRow(String time, String kind, String meeting, String subject, String detail) {}

    static PackView of(ControlCatalog catalog, CompliancePack pack) {
        Map<String, Evidence> evidence = pack.evidence().stream()
                .collect(Collectors.toMap(Evidence::ref, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("evidence for control " + a.ref() + " is given twice");
                }));
        pack.evidence().stream()
                .filter(e -> catalog.control(e.ref()).isEmpty())
                .findFirst()
                .ifPresent(e -> {
                    throw new IllegalArgumentException(
                            "evidence names " + e.ref() + ", which is not a catalog control");
                });
        Wording wording = new Wording(pack.heading().zone());
        Map<ControlStatus, Long> counts = new EnumMap<>(ControlStatus.class);
        Arrays.stream(ControlStatus.values()).forEach(s -> counts.put(s, 0L));
        List<MatrixRow> matrix = catalog.controls().stream()
                .map(control -> {
                    Evidence found = evidence.getOrDefault(control.id(), Evidence.none(control.id()));
                    ControlStatus status = ControlStatus.assess(control.scope(), found.count(), found.collection());
                    counts.merge(status, 1L, Long::sum);
                    return new MatrixRow(
                            control.id(),
                            control.title(),
                            control.theme(),
                            String.join(", ", control.iso2013Ids()),
                            scope(control.scope()),
                            status.label(),
                            Wording.colour(status),
                            found.count());
                })
                .toList();
        List<SectionRow> sections = catalog.controls().stream()
                .filter(control -> control.scope() != Scope.OUT_OF_SCOPE)
                .map(control -> section(control, evidence.getOrDefault(control.id(), Evidence.none(control.id()))))
                .toList();
        Annex annex = pack.annex();
        return new PackView(
                Heading.of(TITLE, pack.heading(), pack.period(), catalog.version()),
                IntegrityView.of(pack.integrity()),
                counts.entrySet().stream()
                        .map(e -> new StatusCount(e.getKey().label(), Wording.colour(e.getKey()), e.getValue()))
                        .toList(),
                matrix,
                sections,
                annex.exceptions().stream()
                        .map(e -> new ExceptionRow(
                                wording.time(e.grantedAt()), e.meeting(), e.setting(), e.grantedBy(), e.reason()))
                        .toList(),
                annex.policyChanges().stream()
                        .map(c -> new ChangeRow(
                                wording.time(c.changedAt()),
                                c.changedBy(),
                                c.baseline(),
                                c.setting(),
                                c.before(),
                                c.after()))
                        .toList(),
                annex.alerts().stream()
                        .map(a -> new AlertRow(
                                wording.time(a.raisedAt()), a.kind().label(), a.meeting(), a.subject(), a.detail()))
                        .toList());
    }

    static String scope(Scope scope) {
        return switch (scope) {
            case AUTOMATED -> "automated";
            case PARTIAL -> "partial";
            case OUT_OF_SCOPE -> "out of scope";
        };
    }

    private static SectionRow section(CatalogControl control, Evidence evidence) {
        ControlStatus status = ControlStatus.assess(control.scope(), evidence.count(), evidence.collection());
        String note;
        if (evidence.collection() == EvidenceCollection.NOT_COLLECTED) {
            note = "Conclave does not collect this evidence yet: the control is reported as not evidenced.";
        } else if (evidence.count() == 0) {
            note = "No records of this kind in the period.";
        } else {
            note = "";
        }
        return new SectionRow(
                control.id(),
                control.title(),
                status.label(),
                Wording.colour(status),
                evidence.count(),
                control.evidence(),
                note,
                evidence.figures().stream().map(PackView::figure).toList(),
                evidence.examples().stream().map(TextRow::new).toList());
    }

    /** e.g. {@code 48,213}, as the templates print numbers. */
    static String number(long value) {
        return String.format(Locale.UK, "%,d", value);
    }

    static FigureRow figure(Figure figure) {
        return new FigureRow(figure.label(), figure.value());
    }

    /** The integrity attestation, worded. */
    record IntegrityView(
            boolean verified,
            String statement,
            long firstSequence,
            long lastSequence,
            long eventsChecked,
            long checkpointsVerified,
            Optional<Long> firstBadSequence,
            String reason) {

        static IntegrityView of(ChainIntegrity integrity) {
            String statement = integrity
                    .failure()
                    .map(b -> "THE AUDIT CHAIN IS BROKEN at sequence " + number(b.firstBadSequence()) + ": "
                            + b.reason() + ". Records from that sequence on cannot be relied upon as evidence.")
                    .orElse("The audit chain is intact: every event from sequence " + number(integrity.firstSequence())
                            + " to " + number(integrity.lastSequence()) + " links to its predecessor and its hash"
                            + " matches its content, and the signed checkpoints covering it verify.");
            return new IntegrityView(
                    integrity.verified(),
                    statement,
                    integrity.firstSequence(),
                    integrity.lastSequence(),
                    integrity.eventsChecked(),
                    integrity.checkpointsVerified(),
                    integrity.failure().map(b -> b.firstBadSequence()),
                    integrity.failure().map(b -> b.reason()).orElse(""));
        }
    }
}
