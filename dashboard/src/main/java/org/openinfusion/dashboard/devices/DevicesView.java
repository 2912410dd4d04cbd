package org.openinfusion.dashboard.devices;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.util.List;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.security.Permission;

/**
 * The engineer's page: each serial device and each MQTT device the station heard of, with connection state, line settings
 * (serial) or broker and topic (MQTT), traffic rates (payload bytes), errors by kind and last data, and the latest value
 * of each stream each device sends. Engineers see
 * devices, not clinical records.
 */
@Route(Routes.DEVICES)
@PageTitle("Devices - Infusion station")
public class DevicesView extends VerticalLayout implements BeforeEnterObserver {
    private final Grid<DeviceRow> grid = new Grid<>();
    private final Pre live = new Pre();
    private final Div empty = new Div();
    private final H2 liveTitle = new H2("Decoded values, live");
    private final Clock clock = Clock.systemUTC();
    private DeviceFeed feed;
    private long timer = -1;

    public DevicesView() {
        setSizeFull();
        grid.setId("devices-grid");
        // short values get the width of their longest ("DISCONNECTED", "measuring ...", "120 s ago"), never broken; the
        // long ones (device, server, topic, errors) share the rest and break where they must (station.css)
        grid.addColumn(DeviceRow::name).setHeader("Device").setFlexGrow(2);
        grid.addColumn(DeviceRow::protocol).setHeader("Protocol").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(DeviceRow::endpoint).setHeader("Port / server").setFlexGrow(2);
        grid.addColumn(DeviceRow::link).setHeader("Line").setFlexGrow(2);
        grid.addColumn(DeviceRow::state).setHeader("State").setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(DeviceRow::bytesPerSecond).setHeader("Bytes/s").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(DeviceRow::valuesPerSecond).setHeader("Values/s").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(DeviceRow::lastData).setHeader("Last data").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(DeviceRow::problems).setHeader("Errors by kind").setFlexGrow(3);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // the whole port and line, not "tcp://127...."
        live.setId("devices-live");
        live.addClassName("devices-live");
        empty.setId("devices-empty");
        empty.addClassName("devices-empty");
        empty.add(new Paragraph(Text.get("devices.waiting")));
        var header = new HorizontalLayout(new H1("Devices"), new SignOutButton());
        if (DashboardServices.simulatorControl().isPresent()) {
            // the demo's simulated beds: scenarios, artefacts and pump faults (docs/simulation.md)
            header.addComponentAtIndex(1, Routes.link("Simulated beds", Routes.SIMULATOR));
        }
        add(header, empty, grid, liveTitle, live);
        showEmpty(true, false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.DEVICES_VIEW);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var vertx = DashboardServices.get().vertx();
        feed = new DeviceFeed(vertx, clock);
        UI ui = event.getUI();
        timer = vertx.setPeriodic(1000, id -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        DashboardServices.get().vertx().cancelTimer(timer);
        feed.close();
    }

    /**
     * Without serial devices the page says so, and where devices that send over MQTT (every monitor and pump of the
     * demo) are seen instead, rather than showing an empty grid; before the first status it says it is waiting.
     */
    private void showEmpty(boolean none, boolean known) {
        if (none) {
            empty.removeAll();
            if (known) {
                empty.add(new Paragraph(Text.get("devices.noSerial")), new Paragraph(Text.get("devices.mqttElsewhere")),
                        new Paragraph(Text.get("devices.serialSetup")));
            } else {
                empty.add(new Paragraph(Text.get("devices.waiting")));
            }
        }
        empty.setVisible(none);
        grid.setVisible(!none);
        liveTitle.setVisible(!none);
        live.setVisible(!none);
    }

    void refresh() {
        List<DeviceStatusSnapshot> devices = feed.devices();
        showEmpty(devices.isEmpty(), feed.hasHealth());
        grid.setItems(feed.rows());
        live.setText(String.join("\n", feed.latestValues()));
    }
}
