package org.conclave.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import org.conclave.admission.control.WebhookSignature;
import org.conclave.stack.RunningPortal.Portal;

/** The video platform's side of the event webhook, as tests play it: signed (or forged) events to the portal. */
public final class PlatformWebhook {

    private final Portal portal;
    private final byte[] secret;

    /** Reads the portal's development webhook secret (generated when the first event arrives). */
    public PlatformWebhook(Portal portal) throws java.io.IOException {
        this.portal = portal;
        new Api(portal.url()).send("POST", "/api/platform/events", null, "application/json", "{}");
        this.secret = Files.readString(portal.dataDirectory().resolve("platform/webhook-secret"))
                .trim()
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] secret() {
        return secret;
    }

    public String sign(String eventId, long timestamp, String body) {
        return WebhookSignature.sign(secret, Long.toString(timestamp), eventId, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends an event with exactly these headers (a forged signature, an old timestamp...). */
    public HttpResponse<String> send(String eventId, long timestamp, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url() + "/api/platform/events"))
                .header("Content-Type", "application/json")
                .header("X-Conclave-Timestamp", Long.toString(timestamp))
                .header("X-Conclave-Event-Id", eventId)
                .header("X-Conclave-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> signed(String eventId, long timestamp, String body) throws Exception {
        return send(eventId, timestamp, body, sign(eventId, timestamp, body));
    }

    /** A correctly signed event with a fresh id and the current time. */
    public HttpResponse<String> signed(String body) throws Exception {
        return signed("evt-" + UUID.randomUUID(), Instant.now().getEpochSecond(), body);
    }
}
