package org.conclave.platform.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie of the pages: HttpOnly and SameSite=Lax (web.xml), and Secure whenever the portal is reached
 * over https ({@code conclave.public-url}), which production always is. Only the development stack on
 * http://127.0.0.1 goes without Secure, which browsers would otherwise refuse to send back there.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        boolean https = ConfigProvider.getConfig()
                .getOptionalValue("conclave.public-url", String.class)
                .map(url -> url.startsWith("https://"))
                .orElse(false);
        if (https) {
            cookie.setSecure(true);
        }
    }
}
