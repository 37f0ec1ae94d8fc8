package org.conclave.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** One past or present version of a baseline: which settings were in force from when, and who set them. */
@Entity
@Table(name = "policy_baseline_version")
@IdClass(BaselineVersion.Key.class)
public class BaselineVersion {

    @Id
    @Enumerated(EnumType.STRING)
    private Classification classification;

    @Id
    private int version;

    @Convert(converter = PolicySettingsConverter.class)
    @Column(columnDefinition = "jsonb")
    private PolicySettings settings;

    @Column(name = "changed_at")
    private OffsetDateTime changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    protected BaselineVersion() {}

    BaselineVersion(Classification classification, int version, PolicySettings settings, Instant at, String by) {
        this.classification = classification;
        this.version = version;
        this.settings = settings;
        this.changedAt = at.atOffset(ZoneOffset.UTC);
        this.changedBy = by;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Classification classification;
        int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.classification == classification && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(classification, version);
        }
    }
}
