package org.conclave.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.conclave.audit.entity.Checkpoint;
import org.conclave.audit.entity.Hex;
import org.conclave.audit.entity.SealedEvent;
import org.conclave.platform.control.ConclaveDatabase;

/**
 * The chain as JSON Lines, for an auditor to keep and verify offline: a header, every checkpoint, then the sealed
 * events of the period (a contiguous range of sequence numbers), each with its predecessor's hash and its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditExport {

    public static final String FORMAT = "conclave-audit-export/1";

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    AuditSealer sealer;

    @Inject
    Checkpoints checkpoints;

    @Inject
    SigningKeys keys;

    @Inject
    AuditTrail trail;

    /** Records that an auditor took an extract of the log for this period (before it is streamed). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordExport(Instant from, Instant to) {
        trail.record(org.conclave.audit.entity.AuditEntry.allowed("audit.export")
                .detail("from", from.toString())
                .detail("to", to.toString()));
    }

    public void write(Instant from, Instant to, OutputStream output) throws IOException {
        sealer.sealNow();
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("from", from.toString());
        header.put("to", to.toString());
        header.put("keyIds", List.copyOf(keys.publicKeys().keySet()));
        line(out, header);
        for (Checkpoint checkpoint : checkpoints.all()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "checkpoint");
            line.putAll(checkpoint.toWire());
            line(out, line);
        }
        try (Connection c = database.getConnection()) {
            long first;
            long last;
            try (PreparedStatement range = c.prepareStatement("SELECT min(c.seq), max(c.seq) FROM audit_chain c"
                    + " JOIN audit_event e ON e.id = c.event_id WHERE e.occurred_at >= ? AND e.occurred_at < ?")) {
                range.setTimestamp(1, Timestamp.from(from));
                range.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rs = range.executeQuery()) {
                    rs.next();
                    first = rs.getLong(1);
                    last = rs.getLong(2);
                }
            }
            if (first > 0) {
                AuditRows.read(c, first, last + 1, (row, seq) -> {
                    line(out, eventLine(AuditRows.sealed(row)));
                    return true;
                });
            }
        } catch (SQLException e) {
            throw new IOException("could not read the audit chain", e);
        }
        out.flush();
    }

    static Map<String, Object> eventLine(SealedEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "event");
        line.put("seq", event.seq());
        line.put("prevHash", Hex.of(event.prevHash()));
        line.put("hash", Hex.of(event.hash()));
        line.put("event", event.event());
        return line;
    }

    private static void line(Writer out, Map<String, Object> value) throws IOException {
        out.write(CanonicalJson.write(value));
        out.write('\n');
    }
}
