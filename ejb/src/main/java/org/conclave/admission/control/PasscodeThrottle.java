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

    /**
     * Takes one try for this person at this meeting, or says how long they must wait. Checking the limits and
     * counting the try happen under one lock per meeting, in a transaction of their own, so concurrent guesses cannot
     * all pass the check before any is counted; a right passcode gives the try back ({@link #giveBack}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Try take(String meetingId, String subject) {
        Instant now = clock.instant();
        try (Connection c = database.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 17))")) {
                lock.setString(1, "passcode:" + meetingId);
                lock.executeQuery().close();
            }
            Duration wait = waitFor(c, meetingId, subject, now);
            if (wait.isZero()) {
                count(c, meetingId, subject, now);
            }
            return new Try(wait, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not check passcode tries", e);
        }
    }

    /** The passcode was right: the try taken for it does not count against the person. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void giveBack(String meetingId, String subject, Instant at) {
        try (Connection c = database.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM passcode_attempt WHERE ctid = (SELECT ctid"
                        + " FROM passcode_attempt WHERE meeting_id = ? AND subject = ? AND at = ? LIMIT 1)")) {
            delete.setString(1, meetingId);
            delete.setString(2, subject);
            delete.setTimestamp(3, Timestamp.from(at));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not give a passcode try back", e);
        }
    }

    /** A try taken at {@code at}, or the time to wait before the next one (then nothing was taken). */
    public record Try(Duration waitFor, Instant at) {

        public boolean allowed() {
            return waitFor.isZero();
        }
    }

    private Duration waitFor(Connection c, String meetingId, String subject, Instant now) throws SQLException {
        Instant since = now.minusSeconds(cooldownSeconds);
        try (PreparedStatement q = c.prepareStatement("SELECT"
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
        }
    }

    private static void count(Connection c, String meetingId, String subject, Instant at) throws SQLException {
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO passcode_attempt (meeting_id, subject, at) VALUES (?, ?, ?)")) {
            insert.setString(1, meetingId);
            insert.setString(2, subject);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
