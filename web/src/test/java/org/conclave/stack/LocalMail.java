package org.conclave.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The development SMTP server: GreenMail (a real SMTP server from Maven Central) on 127.0.0.1, accepting mail for any
 * address, with a small read-only viewer on loopback so a newcomer sees the mails of the tour. Tests read the same
 * server, and stop and start it to play a mail-server outage.
 */
public final class LocalMail implements AutoCloseable {

    private final StackSettings settings;
    private final List<MimeMessage> earlier = new ArrayList<>();
    private GreenMail smtp;
    private HttpServer viewer;

    LocalMail(StackSettings settings) {
        this.settings = settings;
    }

    void start() throws IOException {
        startSmtp();
        viewer = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.mailViewerPort()), 0);
        viewer.createContext("/", this::view);
        viewer.start();
    }

    /** Starts the SMTP server (again, after {@link #stopSmtp}); mail received before stays readable. */
    public synchronized void startSmtp() {
        smtp = new GreenMail(new ServerSetup(settings.mailPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Takes the SMTP server away, as an outage would. */
    public synchronized void stopSmtp() {
        if (smtp != null) {
            earlier.addAll(Arrays.asList(smtp.getReceivedMessages()));
            smtp.stop();
            smtp = null;
        }
    }

    /** Every message received so far, oldest first (one per recipient). */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (smtp != null) {
            all.addAll(Arrays.asList(smtp.getReceivedMessages()));
        }
        return all;
    }

    private void view(HttpExchange exchange) throws IOException {
        List<MimeMessage> messages = received();
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type;
        if (path.matches("/messages/\\d+\\.eml")) {
            int index = Integer.parseInt(path.replaceAll("\\D", ""));
            if (index >= messages.size()) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try {
                messages.get(index).writeTo(raw);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
            body = raw.toByteArray();
            type = "text/plain; charset=UTF-8";
        } else {
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                    + "<title>Conclave development mail</title><style>body{font-family:sans-serif;margin:2em}"
                    + "td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}</style></head><body>"
                    + "<h1>Mail received by the development SMTP server</h1><p>DEV ONLY. Nothing here leaves this"
                    + " machine.</p><table><tr><th>#</th><th>To</th><th>Subject</th><th></th></tr>");
            for (int i = messages.size() - 1; i >= 0; i--) {
                try {
                    MimeMessage m = messages.get(i);
                    page.append("<tr><td>")
                            .append(i)
                            .append("</td><td>")
                            .append(escape(Arrays.stream(m.getAllRecipients())
                                    .map(Address::toString)
                                    .collect(Collectors.joining(", "))))
                            .append("</td><td>")
                            .append(escape(m.getSubject()))
                            .append("</td><td><a href=\"/messages/")
                            .append(i)
                            .append(".eml\">source</a></td></tr>");
                } catch (MessagingException e) {
                    page.append("<tr><td colspan=\"4\">unreadable message</td></tr>");
                }
            }
            body = page.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
            type = "text/html; charset=UTF-8";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    @Override
    public synchronized void close() {
        if (viewer != null) {
            viewer.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
