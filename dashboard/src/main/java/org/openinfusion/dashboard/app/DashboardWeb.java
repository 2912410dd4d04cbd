package org.openinfusion.dashboard.app;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The dashboard's web server settings on top of Vaadin Boot's Jetty (docs/security.md, "Dashboard HTTPS and cookies"):
 * the session cookie is HttpOnly and SameSite=Strict (and Secure under HTTPS); with a keystore, the dashboard's port
 * speaks HTTPS only (the plain connector Vaadin Boot opened is closed before the address is given to anyone).
 */
final class DashboardWeb {
    /** A PKCS#12 keystore holding the dashboard's key and certificate chain. */
    record Keystore(Path file, String password) {
        @Override
        public String toString() {
            return "Keystore[" + file + "]";
        }
    }

    private DashboardWeb() {
    }

    static void secure(WebAppContext context, Optional<Keystore> tls) throws Exception {
        var sessions = context.getSessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        if (tls.isEmpty()) {
            return;
        }
        sessions.setSecureCookies(true);
        Server server = context.getServer();
        for (Connector c : server.getConnectors()) {
            if (c instanceof ServerConnector plain) {
                String host = plain.getHost();
                int port = plain.getLocalPort();
                plain.stop();
                server.removeConnector(plain);
                ServerConnector https = httpsConnector(server, tls.get());
                https.setHost(host);
                https.setPort(port);
                server.addConnector(https);
                https.start();
            }
        }
    }

    private static ServerConnector httpsConnector(Server server, Keystore k) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(k.file().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(k.password());
        ssl.setKeyManagerPassword(k.password());
        HttpConfiguration http = new HttpConfiguration();
        http.setSecureScheme("https");
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // browsers send no SNI for an IP address such as 127.0.0.1
        http.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    }
}
