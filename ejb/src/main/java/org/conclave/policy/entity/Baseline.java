package org.conclave.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The organisation's policy for one classification, in its current version. */
@Entity
@Table(name = "policy_baseline")
@NamedQuery(name = Baseline.ALL, query = "SELECT b FROM Baseline b ORDER BY b.classification")
public class Baseline {

    public static final String ALL = "Baseline.all";

    @Id
    @Enumerated(EnumType.STRING)
    private Classification classification;

    private int version;

    @Convert(converter = PolicySettingsConverter.class)
    @Column(columnDefinition = "jsonb")
    private PolicySettings settings;

    @Column(name = "changed_at")
    private OffsetDateTime changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    protected Baseline() {}

    public Classification classification() {
        return classification;
    }

    public int version() {
        return version;
    }

    public PolicySettings settings() {
        return settings;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }

    public String changedBy() {
        return changedBy;
    }

    /** A new version of this baseline; returns the version record to keep in the history. */
    public BaselineVersion change(PolicySettings newSettings, String by, Instant at) {
        this.settings = newSettings;
        this.version++;
        this.changedBy = by;
        this.changedAt = at.atOffset(ZoneOffset.UTC);
        return new BaselineVersion(classification, version, newSettings, at, by);
    }
}
