package org.conclave.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The error page people see in a browser (403, 404, 500...): the portal's look, their language, a way back; never a
 * stack trace, nothing taken from the request. API clients keep getting problem+json from {@link ProblemPage}.
 */
final class PortalErrorPage {

    private static final String BUNDLE = "org.conclave.portal.messages";

    private PortalErrorPage() {}

    /** A browser asking for a page (not the API, the health checks, metrics or OpenAPI). */
    static boolean wanted(HttpServletRequest request, String uri) {
        String path = uri == null
                ? ""
                : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        boolean machine = path.startsWith("/api")
                || path.startsWith("/health")
                || path.startsWith("/metrics")
                || path.startsWith("/openapi");
        String accept = request.getHeader("Accept");
        return !machine && accept != null && accept.contains("text/html");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        Locale locale = locale(request);
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale);
        String key =
                switch (status) {
                    case 401, 403, 404 -> "error." + status;
                    default -> status >= 500 ? "error.500" : "error.400";
                };
        String context = request.getContextPath();
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + html(text(texts, key + ".title")) + " · Conclave</title>"
                        + "<link rel=\"stylesheet\" href=\"" + context
                        + "/jakarta.faces.resource/portal.css.xhtml?ln=conclave\"></head>"
                        + "<body class=\"error-body\"><header class=\"topbar\"><div class=\"topbar-inner\">"
                        + "<a class=\"brand\" href=\"" + context
                        + "/app/\"><span class=\"brand-mark\" aria-hidden=\"true\">C</span>"
                        + "<span class=\"brand-name\">Conclave</span></a></div></header>"
                        + "<main id=\"main\" class=\"page\"><section class=\"card error-card\">"
                        + "<p class=\"error-code\">" + status + "</p>"
                        + "<h1>" + html(text(texts, key + ".title")) + "</h1>"
                        + "<p>" + html(text(texts, key + ".text")) + "</p>"
                        + "<p><a class=\"button\" href=\"" + context + "/app/\">" + html(text(texts, "error.home"))
                        + "</a></p></section></main></body></html>\n");
    }

    private static Locale locale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(PortalLanguage.SESSION_ATTRIBUTE);
        if (chosen instanceof String tag && PortalLanguage.SUPPORTED.contains(tag)) {
            return Locale.forLanguageTag(tag);
        }
        for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
            String language = locales.nextElement().getLanguage();
            if (PortalLanguage.SUPPORTED.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.ENGLISH;
    }

    private static String text(ResourceBundle texts, String key) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
