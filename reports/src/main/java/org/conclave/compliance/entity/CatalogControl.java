package org.conclave.compliance.entity;

import java.util.List;
import java.util.Objects;

/**
 * One ISO/IEC 27002:2022 control as the catalog lists it.
 *
 * @param id the 2022 control number, e.g. {@code 8.15}
 * @param theme {@code Organizational}, {@code People}, {@code Physical} or {@code Technological}
 * @param iso2013Ids the equivalent ISO/IEC 27002:2013 controls, e.g. {@code [A.12.4.1, A.12.4.2]}, or {@code [new]}
 * @param evidence what Conclave can show for it, in Conclave's words; empty when out of scope
 */
public record CatalogControl(
        String id, String title, String theme, List<String> iso2013Ids, Scope scope, String evidence) {

    public CatalogControl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(theme, "theme");
        iso2013Ids = List.copyOf(iso2013Ids);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(evidence, "evidence");
    }
}
