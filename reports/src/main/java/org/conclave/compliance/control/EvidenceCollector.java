package org.conclave.compliance.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.conclave.admission.control.JitsiTokens;
import org.conclave.audit.control.SigningKeys;
import org.conclave.compliance.entity.AlertKind;
import org.conclave.compliance.entity.Annex;
import org.conclave.compliance.entity.AuditTally;
import org.conclave.compliance.entity.ExceptionGrant;
import org.conclave.compliance.entity.ExternalHandling;
import org.conclave.compliance.entity.OrganisationParticipation;
import org.conclave.compliance.entity.PolicyChange;
import org.conclave.compliance.entity.PortalFacts;
import org.conclave.compliance.entity.SecurityAlert;
import org.conclave.identity.control.KeycloakAdmin;
import org.conclave.meeting.control.PasscodeHasher;
import org.conclave.platform.control.ConclaveDatabase;
import org.conclave.platform.control.JsonText;
import org.conclave.policy.entity.SharingLabel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Reads what a report states about a period from the database (the audit log grouped into one small tally, the
 * portal's tables) and from Keycloak (role holders and their second factor). Aggregates in SQL, so a year of events
 * costs one scan and a few hundred rows in memory.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EvidenceCollector {

    static final int ANNEX_ROWS = 500;

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    javax.sql.DataSource database;

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "conclave.jitsi.signing-algorithm", defaultValue = "HS256")
    String joinTokenAlgorithm;

    public AuditTally tally(Instant from, Instant to) {
        List<AuditTally.Row> rows = new ArrayList<>();
        query(
                "SELECT source, action, outcome, coalesce(reason, ''), count(*) FROM audit_event"
                        + " WHERE occurred_at >= ? AND occurred_at < ? GROUP BY 1, 2, 3, 4",
                rs -> rows.add(new AuditTally.Row(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5))),
                Timestamp.from(from),
                Timestamp.from(to));
        return new AuditTally(rows);
    }

    /** The first and last chain sequence numbers of the period's events (0 when it has none). */
    public long[] sequences(Instant from, Instant to) {
        long[] range = new long[2];
        query(
                "SELECT coalesce(min(c.seq), 0), coalesce(max(c.seq), 0) FROM audit_chain c JOIN audit_event e"
                        + " ON e.id = c.event_id WHERE e.occurred_at >= ? AND e.occurred_at < ?",
                rs -> {
                    range[0] = rs.getLong(1);
                    range[1] = rs.getLong(2);
                },
                Timestamp.from(from),
                Timestamp.from(to));
        return range;
    }

    public PortalFacts facts(Instant from, Instant to) {
        Map<String, Long> byClassification = counts(
                "SELECT classification, count(*) FROM meeting WHERE starts_at >= ? AND starts_at < ? GROUP BY 1",
                from,
                to);
        Map<String, Long> byLabel = counts(
                "SELECT sharing_label, count(*) FROM meeting WHERE starts_at >= ? AND starts_at < ? GROUP BY 1",
                from,
                to);
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        Map<String, Long> holderCounts = new LinkedHashMap<>();
        Map<String, Long> otp = new LinkedHashMap<>();
        Map<String, Boolean> hasOtp = new LinkedHashMap<>();
        for (String role : List.of("host", "auditor", "admin")) {
            Set<String> users = new HashSet<>();
            long withOtp = 0;
            for (UserRepresentation user : members(role)) {
                users.add(user.getUsername());
                boolean configured = hasOtp.computeIfAbsent(
                        user.getId(), id -> keycloak.realm().users().get(id).credentials().stream()
                                .anyMatch(c -> "otp".equals(c.getType())));
                withOtp += configured ? 1 : 0;
            }
            holders.put(role, users);
            holderCounts.put(role, (long) users.size());
            otp.put(role, withOtp);
        }
        List<String> conflicting = holders.get("admin").stream()
                .filter(holders.get("auditor")::contains)
                .sorted()
                .toList();
        Map<String, String> cryptography = new LinkedHashMap<>();
        cryptography.put("join-tokens", joinTokenAlgorithm + " (Jitsi JWT)");
        cryptography.put("join-token-lifetime", "at most " + JitsiTokens.LONGEST.toMinutes() + " minutes");
        cryptography.put(
                "passcodes",
                "PBKDF2WithHmacSHA512, " + String.format("%,d", PasscodeHasher.ITERATIONS)
                        + " iterations, 32-byte salt");
        cryptography.put("checkpoints", "Ed25519, key " + signingKeys.keyId());
        return new PortalFacts(
                byClassification,
                byLabel,
                count("SELECT count(*) FROM recording WHERE state = 'finished'"),
                count(
                        "SELECT count(*) FROM recording WHERE deleted_at >= ? AND deleted_at < ?",
                        Timestamp.from(from),
                        Timestamp.from(to)),
                count("SELECT count(*) FROM recording WHERE state = 'finished'"),
                count("SELECT count(*) FROM legal_hold WHERE lifted_at IS NULL"),
                count(
                        "SELECT count(*) FROM recording_consent WHERE answered_at >= ? AND answered_at < ?",
                        Timestamp.from(from),
                        Timestamp.from(to)),
                count("SELECT count(*) FROM policy_baseline"),
                holderCounts,
                otp,
                conflicting,
                cryptography,
                count(
                        "SELECT count(*) FROM audit_checkpoint WHERE signed_at >= ? AND signed_at < ?",
                        Timestamp.from(from),
                        Timestamp.from(to)));
    }

    public Annex annex(Instant from, Instant to) {
        List<ExceptionGrant> exceptions = new ArrayList<>();
        query(
                "SELECT decided_at, meeting_id, setting, coalesce(decided_by, ''), justification FROM policy_exception"
                        + " WHERE state IN ('approved', 'expired') AND decided_at >= ? AND decided_at < ?"
                        + " ORDER BY decided_at LIMIT " + ANNEX_ROWS,
                rs -> exceptions.add(new ExceptionGrant(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5))),
                Timestamp.from(from),
                Timestamp.from(to));
        List<PolicyChange> changes = new ArrayList<>();
        query(
                "SELECT v.changed_at, v.changed_by, v.classification, p.settings::text, v.settings::text"
                        + " FROM policy_baseline_version v JOIN policy_baseline_version p"
                        + " ON p.classification = v.classification AND p.version = v.version - 1"
                        + " WHERE v.changed_at >= ? AND v.changed_at < ? ORDER BY v.changed_at",
                rs -> {
                    Map<String, Object> before = JsonText.read(rs.getString(4));
                    Map<String, Object> after = JsonText.read(rs.getString(5));
                    Set<String> keys = new java.util.TreeSet<>(before.keySet());
                    keys.addAll(after.keySet());
                    for (String key : keys) {
                        if (!Objects.equals(before.get(key), after.get(key)) && changes.size() < ANNEX_ROWS) {
                            changes.add(new PolicyChange(
                                    rs.getTimestamp(1).toInstant(),
                                    rs.getString(2),
                                    rs.getString(3),
                                    key,
                                    String.valueOf(before.get(key)),
                                    String.valueOf(after.get(key))));
                        }
                    }
                },
                Timestamp.from(from),
                Timestamp.from(to));
        List<SecurityAlert> alerts = new ArrayList<>();
        query(
                "SELECT occurred_at, action, coalesce(target_id, ''),"
                        + " coalesce(details->>'occupant', details->>'person', ''), coalesce(details->>'cause', '')"
                        + " FROM audit_event WHERE action LIKE 'alert.%' AND occurred_at >= ? AND occurred_at < ?"
                        + " ORDER BY id LIMIT " + ANNEX_ROWS,
                rs -> alerts.add(new SecurityAlert(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2).equals("alert.consent-breach")
                                ? AlertKind.CONSENT_BREACH
                                : AlertKind.UNADMITTED_PRESENCE,
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5))),
                Timestamp.from(from),
                Timestamp.from(to));
        return new Annex(exceptions, changes, alerts);
    }

    public Map<SharingLabel, Long> meetingsByLabel(Instant from, Instant to) {
        return labels(counts(
                "SELECT sharing_label, count(*) FROM meeting WHERE starts_at >= ? AND starts_at < ? GROUP BY 1",
                from,
                to));
    }

    public Map<SharingLabel, Long> refusalsByLabel(Instant from, Instant to) {
        return labels(counts(
                "SELECT m.sharing_label, count(*) FROM audit_event e JOIN meeting m ON e.target_type = 'meeting'"
                        + " AND e.target_id = m.id WHERE e.outcome = 'refused'"
                        + " AND e.action IN ('admission.request', 'registration.create')"
                        + " AND e.occurred_at >= ? AND e.occurred_at < ? GROUP BY 1",
                from,
                to));
    }

    public List<OrganisationParticipation> participation(Instant from, Instant to) {
        List<OrganisationParticipation> rows = new ArrayList<>();
        query(
                "SELECT coalesce(nullif(p.organisation, ''), '(none)'), count(DISTINCT p.subject),"
                        + " count(DISTINCT p.meeting_id) FROM (SELECT r.organisation, r.subject, r.meeting_id"
                        + " FROM registration r UNION SELECT i.organisation, i.subject, i.meeting_id"
                        + " FROM meeting_invitation i) p JOIN meeting m ON m.id = p.meeting_id"
                        + " WHERE m.starts_at >= ? AND m.starts_at < ? GROUP BY 1 ORDER BY 2 DESC LIMIT "
                        + ANNEX_ROWS,
                rs -> rows.add(new OrganisationParticipation(rs.getString(1), rs.getLong(2), rs.getLong(3))),
                Timestamp.from(from),
                Timestamp.from(to));
        return rows;
    }

    public List<ExternalHandling> externalParticipants(Instant from, Instant to) {
        List<ExternalHandling> rows = new ArrayList<>();
        query(
                "SELECT r.created_at, m.id, m.sharing_label, r.username, coalesce(r.organisation, ''), r.state"
                        + " FROM registration r JOIN meeting m ON m.id = r.meeting_id"
                        + " WHERE coalesce(r.organisation, '') <> coalesce(m.host_organisation, '')"
                        + " AND r.created_at >= ? AND r.created_at < ? ORDER BY r.created_at LIMIT " + ANNEX_ROWS,
                rs -> rows.add(new ExternalHandling(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        SharingLabel.parse(rs.getString(3)).orElseThrow(),
                        rs.getString(4),
                        rs.getString(5),
                        "registration " + rs.getString(6) + " under TLP:" + rs.getString(3))),
                Timestamp.from(from),
                Timestamp.from(to));
        return rows;
    }

    private List<UserRepresentation> members(String role) {
        List<UserRepresentation> all = new ArrayList<>();
        for (int first = 0; ; first += 100) {
            List<UserRepresentation> page = keycloak.realm().roles().get(role).getUserMembers(first, 100);
            all.addAll(page);
            if (page.size() < 100) {
                return all;
            }
        }
    }

    private static Map<SharingLabel, Long> labels(Map<String, Long> counts) {
        Map<SharingLabel, Long> byLabel = new TreeMap<>();
        counts.forEach((label, n) -> SharingLabel.parse(label).ifPresent(l -> byLabel.merge(l, n, Long::sum)));
        return byLabel;
    }

    private Map<String, Long> counts(String sql, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        query(sql, rs -> counts.put(rs.getString(1), rs.getLong(2)), Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    private long count(String sql, Object... parameters) {
        long[] n = new long[1];
        query(sql, rs -> n[0] = rs.getLong(1), parameters);
        return n[0];
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... parameters) {
        try (Connection c = database.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the evidence of the period", e);
        }
    }
}
