package org.openinfusion.dashboard.devices;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.station.bus.Addresses;
import com.github.mvysny.kaributesting.v10.GridKt;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.station.security.Role;

/** The devices page when every device sends over MQTT: a message saying where those devices are seen, no empty grid. */
class DevicesViewTest {
    private KaribuStation station;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void withoutSerialDevicesThePageSaysWhereMqttDevicesAreSeenInsteadOfAnEmptyGrid() {
        station.signIn("eng1", Role.ENGINEER);
        UI.getCurrent().navigate(Routes.DEVICES);
        // before the station's first status: waiting, no grid
        assertTrue(text("devices-empty").startsWith("Waiting for the station's device status"), text("devices-empty"));
        assertTrue(_find(Grid.class, s -> s.withId("devices-grid")).isEmpty(), "no empty grid");
        // when the station's health says there is no serial device
        station.vertx.eventBus().publish(Addresses.HEALTH, new HealthSnapshot(Instant.now(), true, true, "", 0, 1_000_000, Map.of(),
                Map.of(), Map.of(), 0, 0, 0, 0, List.of(), 0, Optional.empty(), 5_000_000_000L, false, true, "", Map.of()));
        KaribuStation.until(() -> text("devices-empty").contains("serial line"));
        String said = text("devices-empty");
        assertTrue(said.contains("No device is connected to this station over a serial line")
                && said.contains("Monitors and pumps that send over MQTT are listed here from their first message")
                && said.contains("bed's screen") && said.contains("docs/configuration.md"), said);
        assertTrue(_find(Grid.class, s -> s.withId("devices-grid")).isEmpty(), "still no empty grid");
    }

    @Test
    void anMqttDeviceShowsItsPayloadBytesPerSecondItsBrokerAndTopicOnceAndItsLatestValues() {
        station.signIn("eng1", Role.ENGINEER);
        UI.getCurrent().navigate(Routes.DEVICES);
        DeviceRef monitor = new DeviceRef("bed-01", "monitor");
        Instant t0 = Instant.parse("2026-12-05T09:00:00Z");
        health(t0, 10_000, 500);
        KaribuStation.until(() -> !_find(Grid.class, s -> s.withId("devices-grid")).isEmpty() && GridKt._size(grid()) == 1);
        // one status seen: no rate yet, and the page says it is measuring rather than showing 0
        KaribuStation.until(() -> GridKt._getFormattedRow(grid(), 0).size() > 6);
        assertEquals(List.of("measuring ...", "measuring ..."), GridKt._getFormattedRow(grid(), 0).subList(5, 7));
        // the values the monitor sends, newest of each stream kept
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 72, t0, t0, 1));
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 74, t0, t0.plusSeconds(1), 2));
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.SPO2, 98, t0, t0.plusSeconds(1), 3));
        station.vertx.eventBus().publish(Addresses.WAVEFORM, new WaveformChunk(monitor, Stream.ECG_II, 250, t0, t0.plusSeconds(2), 4, new float[62]));
        // two seconds later the broker had 3,000 more payload bytes from it
        health(t0.plusSeconds(2), 13_000, 750);
        KaribuStation.until(() -> String.join(" | ", GridKt._getFormattedRow(grid(), 0)).contains("1500"));
        List<String> row = GridKt._getFormattedRow(grid(), 0);
        assertEquals(List.of("bed-01/monitor", "MQTT", "tcp://127.0.0.1:1883", "topic station/bed-01/monitor/obs", "connected", "1500", "125"),
                row.subList(0, 7), row.toString());
        assertEquals(1, row.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains("mqtt")).count(), "MQTT once: " + row);
        KaribuStation.until(() -> text("devices-live").contains("ecg_ii"));
        assertEquals("bed-01/monitor (" + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Text.zone()).format(t0.plusSeconds(2))
                + "): ecg_ii 62 samples at 250 Hz, hr 74 /min, spo2 98 %", text("devices-live"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, s -> s.withId("devices-grid"));
    }

    private void health(Instant at, long bytes, long values) {
        DeviceStatusSnapshot monitor = new DeviceStatusSnapshot("bed-01/monitor", "tcp://127.0.0.1:1883", "MQTT",
                "topic station/bed-01/monitor/obs", true, false, bytes, values, Optional.of(at), Map.of());
        station.vertx.eventBus().publish(Addresses.HEALTH, new HealthSnapshot(at, true, true, "", 0, 1_000_000, Map.of(),
                Map.of(), Map.of(), 0, 0, 0, 0, List.of(monitor), 0, Optional.empty(), 5_000_000_000L, false, true, "", Map.of()));
    }
}
