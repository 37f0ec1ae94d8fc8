package org.conclave.admission.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.meeting.control.Meetings;
import org.conclave.meeting.entity.Meeting;
import org.conclave.platform.control.ConclaveDatabase;

/** The host's view of who was admitted and who was actually present, when they joined and left. */
@Stateless
public class Attendance {

    @Resource(lookup = ConclaveDatabase.JNDI_NAME)
    DataSource database;

    @Inject
    Meetings meetings;

    public Map<String, Object> of(Caller caller, String meetingId) {
        Meeting meeting = caller.has(Role.AUDITOR)
                ? meetings.visible(caller, meetingId)
                : meetings.managed(caller, meetingId, "attendance.read");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("meetingId", meeting.id());
        view.put(
                "admissions",
                rows(
                        "SELECT username, state, second_factor, created_at FROM admission WHERE meeting_id = ?"
                                + " ORDER BY created_at",
                        meeting.id()));
        view.put(
                "presence",
                rows(
                        "SELECT subject, display_name, admitted, joined_at, left_at FROM attendance"
                                + " WHERE meeting_id = ? ORDER BY joined_at",
                        meeting.id()));
        return view;
    }

    /** Who the platform reports in the room right now: subject to the best name known (username if admitted). */
    public Map<String, String> present(String meetingId) {
        return names(
                "SELECT p.subject, coalesce((SELECT a.username FROM admission a WHERE a.meeting_id = p.meeting_id"
                        + " AND a.subject = p.subject ORDER BY a.created_at DESC LIMIT 1), p.display_name, p.subject)"
                        + " FROM attendance p WHERE p.meeting_id = ? AND p.left_at IS NULL ORDER BY p.joined_at",
                meetingId);
    }

    /** Everyone admitted to the meeting (now or before a removal): subject to username. */
    public Map<String, String> admitted(String meetingId) {
        return names(
                "SELECT subject, min(username) FROM admission WHERE meeting_id = ? AND state IN ('admitted', 'revoked')"
                        + " GROUP BY subject ORDER BY min(created_at)",
                meetingId);
    }

    private Map<String, String> names(String sql, String meetingId) {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, meetingId);
            Map<String, String> names = new LinkedHashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read attendance", e);
        }
    }

    private List<Map<String, Object>> rows(String sql, String meetingId) {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, meetingId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.put(
                                camel(rs.getMetaData().getColumnLabel(i)),
                                value instanceof java.sql.Timestamp t
                                        ? t.toInstant().toString()
                                        : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read attendance", e);
        }
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
