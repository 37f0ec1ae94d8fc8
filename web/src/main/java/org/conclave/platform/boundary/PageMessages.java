package org.conclave.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.conclave.platform.entity.Refusal;

/**
 * What the pages tell people: texts from the portal's resource bundle in their language, outcomes as Faces
 * messages, and a {@link Refusal} as a message naming its rule and detail (the violations of a policy refusal each
 * with their rule and ISO controls) instead of an error page.
 */
public final class PageMessages {

    /** The bundle's variable in faces-config.xml. */
    public static final String BUNDLE = "msg";

    private PageMessages() {}

    /** The text of {@code key} in the current view's language, with {@code {0}}-style arguments filled in. */
    public static String text(String key, Object... args) {
        return optionalText(key, args).orElse(key);
    }

    public static Optional<String> optionalText(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, BUNDLE);
        try {
            String pattern = bundle.getString(key);
            return Optional.of(
                    args.length == 0
                            ? pattern
                            : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, text(key, args), null);
    }

    public static void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, text(key, args), null);
    }

    /** Runs a governed action; a refusal becomes a message on the page. Returns whether it went through. */
    public static boolean attempt(Runnable action) {
        return attempt(() -> {
                    action.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    /** As {@link #attempt(Runnable)}, with the action's result when it went through. */
    public static <T> Optional<T> attempt(Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (Refusal refusal) {
            refused(refusal);
            return Optional.empty();
        }
    }

    /** The refusal as messages: its rule (translated where the bundle has it) and detail, then each violation. */
    public static void refused(Refusal refusal) {
        String rule = refusal.rule().name();
        String summary = optionalText("rule." + rule).orElse(refusal.rule().title());
        add(FacesMessage.SEVERITY_ERROR, summary, refusal.detail());
        if (refusal.extensions().get("violations") instanceof List<?> violations) {
            for (Object v : violations) {
                if (v instanceof Map<?, ?> violation) {
                    String setting = String.valueOf(violation.get("setting"));
                    add(
                            FacesMessage.SEVERITY_ERROR,
                            text(
                                    "policy.violation",
                                    optionalText("setting." + setting).orElse(setting),
                                    String.valueOf(violation.get("required")),
                                    String.valueOf(violation.get("requested"))),
                            optionalText("setting." + setting + ".rule").orElse(String.valueOf(violation.get("rule")))
                                    + " (" + String.join(", ", strings(violation.get("controls"))) + ")");
                }
            }
        }
        if (refusal.extensions().get("problems") instanceof List<?> problems) {
            problems.forEach(p -> add(FacesMessage.SEVERITY_ERROR, String.valueOf(p), null));
        }
    }

    /** Ends the request with an error status; the container shows its error page (never a stack trace). */
    public static void sendError(int status) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** A refusal while loading a page: 404 and 403 become the error page, anything else a message. */
    public static void refusedLoading(Refusal refusal) {
        int status = refusal.rule().status();
        if (status == 404 || status == 403) {
            sendError(status);
        } else {
            refused(refusal);
        }
    }

    public static void redirect(String url) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().redirect(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> items
                ? items.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext faces = FacesContext.getCurrentInstance();
        FacesMessage message = new FacesMessage(severity, summary, detail == null ? "" : detail);
        faces.addMessage(null, message);
    }
}
