package org.conclave.platform.boundary;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;

/**
 * Every view starts in the language the person picked ({@link PortalLanguage}), so that texts prepared before the
 * page renders (messages, setting names) are in that language too; otherwise the browser's preference decides.
 */
public class PortalViewHandler extends ViewHandlerWrapper {

    public PortalViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        Object session = context.getExternalContext().getSession(false);
        if (session instanceof HttpSession http
                && http.getAttribute(PortalLanguage.SESSION_ATTRIBUTE) instanceof String tag
                && PortalLanguage.SUPPORTED.contains(tag)) {
            return Locale.forLanguageTag(tag);
        }
        return super.calculateLocale(context);
    }
}
