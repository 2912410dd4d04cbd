package org.openinfusion.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExitStopsTest {
    private final AtomicInteger hooks = new AtomicInteger();
    private final List<String> started = new ArrayList<>();
    private final ExitStops<String> stops = new ExitStops<>(hooks::incrementAndGet);

    @Test
    void theHookIsAddedOnceBeforeTheFirstStartAndTheShutdownGetsWhatRunsInStartOrder() throws IOException {
        stops.startAndRegister("influxd", "influxd", () -> started.add("influxd"));
        stops.startAndRegister("mosquitto", "mosquitto", () -> started.add("mosquitto"));
        stops.startAndRegister("other", "other", () -> started.add("other"));
        stops.unregister("mosquitto");

        assertEquals(1, hooks.get());
        assertEquals(List.of("influxd", "other"), stops.shutDown());
    }

    @Test
    void nothingIsStartedOnceTheShutdownHasTakenItsList() throws IOException {
        stops.startAndRegister("influxd", "influxd", () -> started.add("influxd"));
        stops.shutDown();

        IOException refused = assertThrows(IOException.class,
                () -> stops.startAndRegister("influxd-2", "influxd", () -> started.add("influxd-2")));
        assertTrue(refused.getMessage().contains("shutting down"), refused.getMessage());
        assertEquals(List.of("influxd"), started, "the second start was not run");
    }

    @Test
    void aShutdownAlreadyBegunWhenTheHookIsAddedRefusesTheStartBeforeAnythingIsLaunched() {
        ExitStops<String> late = new ExitStops<>(() -> {
            throw new IllegalStateException("Shutdown in progress");
        });

        assertThrows(IOException.class, () -> late.startAndRegister("influxd", "influxd", () -> started.add("influxd")));
        assertThrows(IOException.class, () -> late.startAndRegister("influxd", "influxd", () -> started.add("influxd")));
        assertEquals(List.of(), started);
        assertEquals(List.of(), late.shutDown());
    }

    @Test
    void aStartThatFailsRegistersNothing() {
        assertThrows(IOException.class, () -> stops.startAndRegister("influxd", "influxd", () -> {
            throw new IOException("no such file: influxd");
        }));
        assertEquals(List.of(), stops.shutDown());
    }
}
