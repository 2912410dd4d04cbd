package org.openinfusion.dashboard.app;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
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
 * speaks HTTPS (the plain connector Vaadin Boot opened is replaced before the address is given to anyone), answers a
 * plain HTTP request on the same port with a redirect to HTTPS and nothing else, and sends HSTS on every HTTPS answer.
 */
final class DashboardWeb {
    /** A PKCS#12 keystore holding the dashboard's key and certificate chain. */
    record Keystore(Path file, String password) {
        @Override
        public String toString() {
            return "Keystore[" + file + "]";
        }
    }

    /** {@code Strict-Transport-Security} max-age: a year (browsers ignore HSTS for IP addresses such as 127.0.0.1). */
    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;

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
        // first in the chain: a plain HTTP request gets the redirect and never reaches the application
        FilterHolder redirect = new FilterHolder(new HttpsRedirect());
        redirect.setName(HttpsRedirect.NAME);
        context.getServletHandler().prependFilter(redirect);
        context.getServletHandler().prependFilterMapping(httpsRedirectMapping());
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

    private static FilterMapping httpsRedirectMapping() {
        FilterMapping m = new FilterMapping();
        m.setFilterName(HttpsRedirect.NAME);
        m.setPathSpec("/*");
        m.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        return m;
    }

    /** Answers a request that came over plain HTTP with 308 to the same address over HTTPS (same host, port, path, query). */
    static final class HttpsRedirect extends HttpFilter {
        static final String NAME = "https-redirect";

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request.isSecure()) {
                chain.doFilter(request, response);
                return;
            }
            String query = request.getQueryString();
            // Jetty's customizer adds HSTS to every answer of the port; RFC 6797 7.2: never over plain HTTP
            response.setHeader("Strict-Transport-Security", null);
            response.setStatus(HttpServletResponse.SC_PERMANENT_REDIRECT);
            response.setHeader("Location", "https://" + hostForUrl(request.getServerName()) + ":" + request.getLocalPort()
                    + request.getRequestURI() + (query == null ? "" : "?" + query));
            response.setContentLength(0);
        }

        private static String hostForUrl(String host) {
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }
    }

    /**
     * One port for both: a TLS client hello goes to TLS then HTTP; anything else to plain HTTP, which only redirects
     * ({@link HttpsRedirect}). HSTS on every HTTPS answer.
     */
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
        secure.setStsMaxAge(HSTS_MAX_AGE_SECONDS);
        http.addCustomizer(secure);
        HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
        SslConnectionFactory tls = new SslConnectionFactory(ssl, httpFactory.getProtocol());
        return new ServerConnector(server, new DetectorConnectionFactory(tls), httpFactory);
    }
}
