package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.testing.TempFolders;
import org.openinfusion.station.tls.PemTrust;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard over HTTPS with a certificate made at start (the demo's setting): plain HTTP on the same port only
 * redirects to HTTPS, HTTPS answers carry HSTS, the certificate
 * chains to the authority written beside it, and the session cookie is Secure, HttpOnly and SameSite=Strict and gets a
 * new value when a nurse signs in (no session fixation).
 */
class DashboardHttpsIT {
    @Test
    void theDashboardRedirectsPlainHttpSendsHstsAndRenewsItsHttpOnlySecureSessionCookieAtSignIn() throws Exception {
        Path data = TempFolders.deletedOnExit("https-it-");
        StationConfig config = DemoConfig.of(data, Map.of("http.dashboardKeystore", "self-signed"));
        try (StationMain station = StationMain.start(config, StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "1"}))) {
            String url = station.dashboardUrl();
            assertTrue(url.startsWith("https://127.0.0.1:"), url);
            // a client trusting the authority written beside the certificate gets the page, with HSTS
            HttpClient trusting = HttpClient.newBuilder().sslContext(PemTrust.context(data.resolve("dashboard-tls").resolve("ca.pem"))).build();
            HttpResponse<Void> page = trusting.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, page.statusCode());
            assertEquals(Optional.of("max-age=31536000"), page.headers().firstValue("Strict-Transport-Security"));
            // plain HTTP to the same port gets only a permanent redirect to the same address over HTTPS: no page, no
            // session cookie, no HSTS (a browser must not take it from plain HTTP)
            HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> redirect = plain.send(HttpRequest.newBuilder(URI.create(url.replace("https://", "http://")
                    + "bed/bed-01?from=link")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(308, redirect.statusCode());
            assertEquals(Optional.of(url + "bed/bed-01?from=link"), redirect.headers().firstValue("Location"));
            assertEquals("", redirect.body());
            assertEquals(Optional.empty(), redirect.headers().firstValue("Set-Cookie"));
            assertEquals(Optional.empty(), redirect.headers().firstValue("Strict-Transport-Security"));
            // a client following it lands on the HTTPS page
            HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                    .sslContext(PemTrust.context(data.resolve("dashboard-tls").resolve("ca.pem"))).build();
            HttpResponse<Void> landed = following.send(HttpRequest.newBuilder(URI.create(url.replace("https://", "http://") + "login"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, landed.statusCode());
            assertEquals(URI.create(url + "login"), landed.uri());

            ChromeDriver browser = Chromium.start(data.resolve("chromium-profile"), true);
            try {
                browser.get(url + "login");
                BrowserSteps.waitFor(browser).until(d -> d.manage().getCookieNamed("JSESSIONID") != null);
                Cookie before = browser.manage().getCookieNamed("JSESSIONID");
                BrowserSteps.signIn(browser, url, StationMain.DEMO_USER, StationMain.DEMO_USER);
                Cookie after = browser.manage().getCookieNamed("JSESSIONID");
                assertNotNull(after);
                assertNotEquals(before.getValue(), after.getValue(), "a new session id after sign-in");
                assertTrue(after.isHttpOnly(), "not readable from page scripts");
                assertTrue(after.isSecure(), "sent over HTTPS only");
                assertEquals("Strict", after.getSameSite());
                // the signed-in session goes on with the new id: the bed view opens and shows the live bed
                browser.get(url + "bed/bed-01");
                BrowserSteps.waitFor(browser).until(d -> d.getCurrentUrl().endsWith("bed/bed-01")
                        && !d.findElements(By.id("bed-title")).isEmpty());
                Chromium.screenshot(browser, "https-bed");
            } finally {
                browser.quit();
            }
        }
    }
}
