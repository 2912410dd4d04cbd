package org.openinfusion.dashboard.devices;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.station.security.Role;

/** The devices page when every device sends over MQTT: a message saying where those devices are seen, no empty grid. */
class DevicesViewTest {
    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void withoutSerialDevicesThePageSaysWhereMqttDevicesAreSeenInsteadOfAnEmptyGrid() throws Exception {
        try (KaribuStation station = new KaribuStation()) {
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
                    && said.contains("Monitors and pumps that send over MQTT are not listed on this page")
                    && said.contains("bed's screen") && said.contains("docs/configuration.md"), said);
            assertTrue(_find(Grid.class, s -> s.withId("devices-grid")).isEmpty(), "still no empty grid");
        }
    }
}
