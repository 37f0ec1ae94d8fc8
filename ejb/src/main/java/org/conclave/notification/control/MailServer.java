package org.conclave.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured SMTP server, through Jakarta Mail: host, port, STARTTLS ({@code conclave.mail.starttls} =
 * {@code off}, {@code optional} or {@code required}), optional credentials, the sender address. Builds each message
 * as plain text and HTML alternatives, with the invitation's calendar file attached.
 */
@ApplicationScoped
public class MailServer {

    @Inject
    @ConfigProperty(name = "conclave.mail.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "conclave.mail.port", defaultValue = "2525")
    int port;

    @Inject
    @ConfigProperty(name = "conclave.mail.starttls", defaultValue = "off")
    String starttls;

    @Inject
    @ConfigProperty(name = "conclave.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "conclave.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "conclave.mail.from", defaultValue = "Conclave <conclave@conclave.test>")
    String from;

    @Inject
    Clock clock;

    private Session session;

    @PostConstruct
    void connect() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.starttls.enable", Boolean.toString(!"off".equals(starttls)));
        properties.put("mail.smtp.starttls.required", Boolean.toString("required".equals(starttls)));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
        Authenticator authenticator = username.isEmpty()
                ? null
                : new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(username.get(), password.orElse(""));
                    }
                };
        session = Session.getInstance(properties, authenticator);
    }

    public void send(
            String to, String subject, String text, String html, Optional<String> calendar, Optional<String> method)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
        alternatives.addBodyPart(plain);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, StandardCharsets.UTF_8.name(), "html");
        alternatives.addBodyPart(rich);
        if (calendar.isEmpty()) {
            message.setContent(alternatives);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            mixed.addBodyPart(body);
            MimeBodyPart invite = new MimeBodyPart();
            invite.setContent(calendar.get(), "text/calendar; charset=UTF-8; method=" + method.orElse("REQUEST"));
            invite.setFileName(method.filter("CANCEL"::equals).isPresent() ? "cancel.ics" : "invite.ics");
            invite.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(invite);
            message.setContent(mixed);
        }
        message.saveChanges();
        Transport.send(message);
    }
}
