package org.conclave.admission.control;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.conclave.platform.control.ConclaveDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows passcode guessing: after N wrong tries by one person for one meeting, or M by everyone for one meeting,
 * within the cool-down, further tries are refused until the oldest counted try ages out. Kept in the database, so it
 * holds across instances and restarts.
 */
@Stateless
public class PasscodeThrottle {

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "conclave.admission.passcode-tries-per-person", defaultValue = "5")
    int perPerson;

    @Inject
    @ConfigProperty(name = "conclave.admission.passcode-tries-per-meeting", defaultValue = "50")
    int perMeeting;

    @Inject
    @ConfigProperty(name = "conclave.admission.passcode-cooldown-seconds", defaultValue = "900")
    long cooldownSeconds;

    /** How long this person must wait before trying again (zero when they may try now). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Duration waitFor(String meetingId, String subject) {
        Instant now = clock.instant();
        Instant since = now.minusSeconds(cooldownSeconds);
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT"
                        + " (SELECT min(at) FROM (SELECT at FROM passcode_attempt WHERE meeting_id = ? AND subject = ? AND at > ?"
                        + "   ORDER BY at DESC LIMIT ?) p HAVING count(*) >= ?),"
                        + " (SELECT min(at) FROM (SELECT at FROM passcode_attempt WHERE meeting_id = ? AND at > ?"
                        + "   ORDER BY at DESC LIMIT ?) m HAVING count(*) >= ?)")) {
            Timestamp from = Timestamp.from(since);
            q.setString(1, meetingId);
            q.setString(2, subject);
            q.setTimestamp(3, from);
            q.setInt(4, perPerson);
            q.setInt(5, perPerson);
            q.setString(6, meetingId);
            q.setTimestamp(7, from);
            q.setInt(8, perMeeting);
            q.setInt(9, perMeeting);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                Duration wait = Duration.ZERO;
                for (int i = 1; i <= 2; i++) {
                    Timestamp oldest = rs.getTimestamp(i);
                    if (oldest != null) {
                        Duration left = Duration.between(now, oldest.toInstant().plusSeconds(cooldownSeconds));
                        wait = left.compareTo(wait) > 0 ? left : wait;
                    }
                }
                return wait.isNegative() ? Duration.ZERO : wait;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check passcode tries", e);
        }
    }

    /** Counts a wrong try; in a transaction of its own, so the refusal's rollback does not erase it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void wrongTry(String meetingId, String subject) {
        try (Connection c = database.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO passcode_attempt (meeting_id, subject, at) VALUES (?, ?, ?)")) {
            insert.setString(1, meetingId);
            insert.setString(2, subject);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not count a passcode try", e);
        }
    }
}
