package org.conclave.platform.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The language of the pages: the browser's preferred one among English and Spanish until the person picks one in
 * the header; then that one for the rest of the session (the error page reads it too).
 */
@Named("language")
@SessionScoped
public class PortalLanguage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Session attribute holding the chosen language tag, for pages rendered outside Faces. */
    public static final String SESSION_ATTRIBUTE = "conclave.language";

    public static final List<String> SUPPORTED = List.of("en", "es");

    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    public String getTag() {
        return getLocale().getLanguage();
    }

    public boolean isSpanish() {
        return "es".equals(getTag());
    }

    /** Switches the language and shows the same page again (GET, with its parameters). */
    public String use(String tag) {
        if (SUPPORTED.contains(tag)) {
            chosen = Locale.forLanguageTag(tag);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getViewRoot().setLocale(chosen);
            Object session = faces.getExternalContext().getSession(true);
            if (session instanceof HttpSession http) {
                http.setAttribute(SESSION_ATTRIBUTE, tag);
            }
        }
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }
}
