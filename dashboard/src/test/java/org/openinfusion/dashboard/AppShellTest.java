package org.openinfusion.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The page icon the browser asks for at /favicon.ico is a static resource of the dashboard (no 404 in every log). */
class AppShellTest {
    @Test
    void theFaviconIsAStaticResourceAndAnIcon() throws IOException {
        try (InputStream in = AppShell.class.getResourceAsStream("/META-INF/resources/" + AppShell.FAVICON)) {
            assertNotNull(in, "META-INF/resources/favicon.ico, served at /favicon.ico");
            byte[] icon = in.readAllBytes();
            assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(icon, 4), "an ICO header");
            assertTrue(icon.length < 4096, "small: " + icon.length + " bytes");
        }
    }
}
