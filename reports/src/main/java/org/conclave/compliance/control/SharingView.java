package org.conclave.compliance.control;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conclave.compliance.control.PackView.FigureRow;
import org.conclave.compliance.entity.ControlCatalog;
import org.conclave.compliance.entity.ControlStatus;
import org.conclave.compliance.entity.Evidence;
import org.conclave.compliance.entity.SharingReport;
import org.conclave.policy.entity.SharingLabel;

/** The ISO/IEC 27010 sharing report as printed (PDF and CSV alike). */
record SharingView(
        Heading heading,
        List<LabelRow> labels,
        List<OrganisationRow> organisations,
        List<HandlingRow> externalParticipants,
        List<ClauseRow> clauses) {

    static final String TITLE = "ISO/IEC 27010 information sharing report";

    /** Labels from the most to the least restrictive, as TLP lists them. */
    static final List<SharingLabel> LABEL_ORDER = List.of(
            SharingLabel.RED, SharingLabel.AMBER_STRICT, SharingLabel.AMBER, SharingLabel.GREEN, SharingLabel.CLEAR);

    record LabelRow(String label, String labelColour, long meetings, long refusals) {}

    record OrganisationRow(String organisation, long participants, long meetings) {}

    record HandlingRow(
            String time, String meeting, String label, String participant, String organisation, String handling) {}

    record ClauseRow(
            String clause,
            String topic,
            String scope,
            String status,
            String statusColour,
            long evidenceCount,
            String figures,
            List<FigureRow> figureRows) {}

    static SharingView of(ControlCatalog catalog, SharingReport report) {
        Map<String, Evidence> evidence = report.clauseEvidence().stream()
                .collect(Collectors.toMap(Evidence::ref, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("evidence for clause " + a.ref() + " is given twice");
                }));
        report.clauseEvidence().stream()
                .filter(e -> catalog.clause(e.ref()).isEmpty())
                .findFirst()
                .ifPresent(e -> {
                    throw new IllegalArgumentException("evidence names " + e.ref() + ", which is not a catalog clause");
                });
        Wording wording = new Wording(report.heading().zone());
        return new SharingView(
                Heading.of(TITLE, report.heading(), report.period(), catalog.version()),
                LABEL_ORDER.stream()
                        .map(label -> new LabelRow(
                                label.displayName(),
                                colour(label),
                                report.meetingsByLabel().getOrDefault(label, 0L),
                                report.refusalsByLabel().getOrDefault(label, 0L)))
                        .toList(),
                report.participantsByOrganisation().stream()
                        .sorted(Comparator.comparing(p -> p.organisation()))
                        .map(p -> new OrganisationRow(p.organisation(), p.participants(), p.meetings()))
                        .toList(),
                report.externalParticipants().stream()
                        .map(h -> new HandlingRow(
                                wording.time(h.at()),
                                h.meeting(),
                                h.label().displayName(),
                                h.participant(),
                                h.organisation(),
                                h.handling()))
                        .toList(),
                catalog.clauses().stream()
                        .map(clause -> {
                            Evidence found = evidence.getOrDefault(clause.clause(), Evidence.none(clause.clause()));
                            ControlStatus status =
                                    ControlStatus.assess(clause.scope(), found.count(), found.collection());
                            List<FigureRow> figures = found.figures().stream()
                                    .map(PackView::figure)
                                    .toList();
                            return new ClauseRow(
                                    clause.clause(),
                                    clause.topic(),
                                    PackView.scope(clause.scope()),
                                    status.label(),
                                    Wording.colour(status),
                                    found.count(),
                                    figures.stream()
                                            .map(f -> f.label() + ": " + f.value())
                                            .collect(Collectors.joining("\n")),
                                    figures);
                        })
                        .toList());
    }

    /** TLP 2.0 colours. */
    static String colour(SharingLabel label) {
        return switch (label) {
            case RED -> "#D32F2F";
            case AMBER_STRICT, AMBER -> "#E08E0B";
            case GREEN -> "#2E7D32";
            case CLEAR -> "#5F6B7A";
        };
    }
}
