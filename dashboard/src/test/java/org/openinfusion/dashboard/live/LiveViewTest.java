package org.openinfusion.dashboard.live;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

class LiveViewTest {
    private KaribuStation station;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
        station.signIn("nurse1", Role.NURSE);
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    @Test
    void listsEveryBedWithItsValuesAndALinkToItsBedView() {
        UI.getCurrent().navigate("");
        assertInstanceOf(LiveView.class, UI.getCurrent().getCurrentView());
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-02", "monitor"), Stream.HR, 71, now, now, 1));

        KaribuStation.until(() -> _get(com.vaadin.flow.component.html.Span.class, s -> s.withId("bed-02-hr")).getText().equals("71"));
        assertEquals("bed/bed-02", _get(RouterLink.class, s -> s.withId("open-bed-02")).getHref());
    }
}
