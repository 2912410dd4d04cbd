package org.openinfusion.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review record's document asks for exactly what its view loads, and other pages for nothing more. */
class AppShellTest {

    @Test
    void aReviewRecordsDocumentPreloadsTheScriptsAndStyleItsViewLoadsAndEveryOneIsServed() throws Exception {
        List<AppShell.Link> links = AppShell.preloads("/review/KET-101-2026-12-05");
        assertEquals(List.of("/js/review-timeline.js", "/js/review-waveform.js", AppShell.UPLOT + ".esm.js", AppShell.UPLOT + ".min.css"),
                links.stream().map(AppShell.Link::href).toList());
        String timeline = resource("META-INF/resources/js/review-timeline.js");
        // the same URLs as the module imports and adds (a preload of another URL would be fetched twice)
        assertTrue(timeline.contains("import uPlot from '" + AppShell.UPLOT + ".esm.js'"), "review-timeline.js imports the preloaded uPlot");
        assertTrue(timeline.contains("'" + AppShell.UPLOT + ".min.css'"), "review-timeline.js adds the preloaded style sheet");
        assertNotNull(getClass().getClassLoader().getResource("META-INF/resources/js/review-waveform.js"));
        // the webjar's files, as the web server serves them under /webjars/
        for (String suffix : List.of(".esm.js", ".min.css")) {
            String path = "META-INF/resources" + AppShell.UPLOT + suffix;
            assertNotNull(getClass().getClassLoader().getResource(path), path + " on the class path");
        }
        assertEquals(List.of("modulepreload", "modulepreload", "modulepreload", "stylesheet"), links.stream().map(AppShell.Link::rel).toList());
    }

    @Test
    void otherDocumentsPreloadNothing() {
        for (String path : new String[] {null, "/", "/bed/bed-01", "/review", "/reviewer/x", "/login"}) {
            assertEquals(List.of(), AppShell.preloads(path), String.valueOf(path));
        }
    }

    private String resource(String name) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
