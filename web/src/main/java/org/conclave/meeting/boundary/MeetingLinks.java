package org.conclave.meeting.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.conclave.platform.control.Ids;

/** {@code /app/meetings/<id>}, the link in every invitation: the meeting's page for participants. */
@WebServlet("/app/meetings/*")
public class MeetingLinks extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        String id = info == null ? "" : info.substring(1);
        if (!Ids.plausible(id)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/app/participant/meeting.xhtml?id=" + id);
    }
}
