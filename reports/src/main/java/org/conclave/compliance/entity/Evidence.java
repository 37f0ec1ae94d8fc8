package org.conclave.compliance.entity;

import java.util.List;
import java.util.Objects;

/**
 * What the period's records show for one control (by its 2022 id, e.g. {@code 8.15}) or one sharing clause (e.g.
 * {@code 8.4.1}). A row the service layer does not supply is reported with no evidence.
 *
 * @param count the number of records found: what the status rule counts, printed as the row's evidence count
 * @param figures labelled figures printed under the control, in this order
 * @param examples short lines quoting a few of the records (a meeting, an actor, a time)
 * @param collection {@link EvidenceCollection#NOT_COLLECTED} when Conclave cannot collect this evidence yet
 */
public record Evidence(
        String ref, long count, List<Figure> figures, List<String> examples, EvidenceCollection collection) {

    public Evidence {
        Objects.requireNonNull(ref, "ref");
        if (count < 0) {
            throw new IllegalArgumentException("an evidence count cannot be negative: " + count);
        }
        figures = List.copyOf(figures);
        examples = List.copyOf(examples);
        Objects.requireNonNull(collection, "collection");
    }

    /** Collected evidence. */
    public static Evidence of(String ref, long count, List<Figure> figures, List<String> examples) {
        return new Evidence(ref, count, figures, examples, EvidenceCollection.COLLECTED);
    }

    /** A row whose promised evidence Conclave does not collect yet: reported as not evidenced. */
    public static Evidence notCollected(String ref) {
        return new Evidence(ref, 0, List.of(), List.of(), EvidenceCollection.NOT_COLLECTED);
    }

    /** What a row without supplied evidence is reported with. */
    public static Evidence none(String ref) {
        return of(ref, 0, List.of(), List.of());
    }
}
