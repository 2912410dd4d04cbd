package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vaadin Boot's banner (its http address and gradlew hint, as Vaadin Boot 13.3 prints them) is left out; other lines pass. */
class BootBannerTest {
    @Test
    void vaadinBootsBannerLinesAreLeftOutWhileTheServerStartsOtherLinesPass() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            BootBanner.withoutBanner(() -> {
                System.out.println("\n\n=================================================\nStarted in PT4.5S. Running on Java 25\n"
                        + "Please open http://127.0.0.1:8443/ in your browser.");
                System.out.println("If you see the 'Unable to determine mode of operation' exception, just kill me and run"
                        + " `./gradlew vaadinPrepareFrontend` or `./mvnw vaadin:prepare-frontend`");
                System.out.println("=================================================\n");
                System.out.println("10:00:01.000 INFO  StationApp station running");
            });
            System.out.println("after the start");
        } finally {
            System.setOut(original);
        }
        assertEquals("10:00:01.000 INFO  StationApp station running\nafter the start\n", captured.toString(StandardCharsets.UTF_8));
    }
}
