package org.conclave.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A browser without a browser: follows redirects and keeps cookies per host (as a browser does on 127.0.0.1, where
 * {@code Secure} cookies travel over plain http too), and signs in on Keycloak's login form. Used where the test is
 * about sessions rather than what a page looks like (the pages themselves are driven in chromium by the ui tests).
 */
public final class PageSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http;
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    private PageSession(HttpClient http) {
        this.http = http;
    }

    /** A session whose client trusts {@code certificate} (PEM) for https, as an organisation's CA would be. */
    public static PageSession trusting(Path certificate) {
        return new PageSession(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(sslContextTrusting(certificate))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    public static SSLContext sslContextTrusting(Path certificate) {
        try (InputStream pem = Files.newInputStream(certificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry(
                    "proxy", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + certificate, e);
        }
    }

    /**
     * Opens {@code page}; when it sends the browser to Keycloak, signs in there as {@code user} with the password
     * (participants need no second factor) and follows the way back. Returns the last response.
     */
    public HttpResponse<String> signIn(URI page, DemoUser user) {
        HttpResponse<String> response = open(page);
        Matcher form = LOGIN_FORM.matcher(response.body());
        if (!form.find()) {
            throw new IllegalStateException(
                    "no Keycloak login form at " + response.uri() + ": " + response.statusCode());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", user.username());
        fields.put("password", user.password());
        fields.put("credentialId", "");
        response = follow(post(response.uri().resolve(form.group(1).replace("&amp;", "&")), fields));
        // then the one-time password, as the authenticator app shows it (once more in the next window if refused)
        for (int attempt = 0; attempt < 3 && response.body().contains("id=\"otp\""); attempt++) {
            response = follow(post(formAction(response), Map.of("otp", user.freshTotp(), "login", "Sign In")));
        }
        return response;
    }

    /** GET, following redirects. */
    public HttpResponse<String> open(URI page) {
        return follow(send(page, null, null));
    }

    /** The action of the first form on a page (HTML-unescaped), e.g. to post a Faces form back. */
    public static URI formAction(HttpResponse<String> page) {
        Matcher form = FORM_ACTION.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("no form on " + page.uri());
        }
        return page.uri().resolve(form.group(1).replace("&amp;", "&"));
    }

    /** POSTs a form (not following the answer's redirect). */
    public HttpResponse<String> post(URI target, Map<String, String> fields) {
        return send(
                target,
                "application/x-www-form-urlencoded",
                fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = send(response.uri().resolve(location), null, null);
        }
        return response;
    }

    /** GET without a body, POST with one; the host's cookies go along and come back into the jar. */
    private HttpResponse<String> send(URI uri, String contentType, String body) {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getAuthority(), a -> new ConcurrentHashMap<>());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        if (!jar.isEmpty()) {
            request.header(
                    "Cookie",
                    jar.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
