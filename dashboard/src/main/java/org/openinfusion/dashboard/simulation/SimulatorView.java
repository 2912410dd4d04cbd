package org.openinfusion.dashboard.simulation;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.simulation.ControlChannel.ControlException;
import org.openinfusion.dashboard.simulation.ControlChannel.SimulatedBedRow;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.station.security.Permission;

/**
 * The engineer's control page for simulated beds (docs/simulation.md): each bed's pump, scenario
 * and underlying vital signs, and for a chosen bed: program the pump (rate, volume to be infused)
 * and start, pause, resume or stop it as a nurse would at a real pump; start or stop a scenario; put an artefact on
 * the monitor (motion on the pleth, ECG lead off, SpO2 sensor off, cuff failure) and a fault on the
 * pump (occlusion, air in line, door open), then clear them, all through the simulator's HTTP
 * control channel, as a test or benchmark would. It never shows the bag's drug or concentrations:
 * the simulated patient may follow a session's sealed arm.
 */
@Route(Routes.SIMULATOR)
@PageTitle("Simulated beds - Infusion station")
public class SimulatorView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<String, String> ARTEFACTS = Map.of("pleth-motion", "Motion on pleth", "lead-off", "ECG lead off",
            "sensor-off", "SpO2 sensor off", "cuff-failure", "Cuff failure");
    private static final Map<String, String> PUMP_FAULTS = Map.of("occlusion", "Occlusion", "air-in-line", "Air in line",
            "door-open", "Door open");

    private final Grid<SimulatedBedRow> grid = new Grid<>();
    private final ComboBox<String> bed = new ComboBox<>("Bed");
    private final ComboBox<String> scenario = new ComboBox<>("Scenario");
    private final NumberField rate = new NumberField("Rate (mL/h)");
    private final NumberField vtbi = new NumberField("Volume to be infused (mL)");
    private final Span outcome = new Span();
    private final Paragraph absent = new Paragraph("No simulated beds here: this page drives the simulator the demo launcher "
            + "starts (bin/station-demo).");
    private final VerticalLayout controls = new VerticalLayout();
    private Optional<ControlChannel> channel = Optional.empty();
    private long timer = -1;

    public SimulatorView() {
        setWidthFull();
        setSpacing(false);
        grid.setId("simulated-beds");
        grid.addColumn(SimulatedBedRow::bedId).setHeader("Bed").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> String.format(Locale.ROOT, "%.1f", r.simulatedMinutes())).setHeader("Minutes")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SimulatedBedRow::pump).setHeader("Pump").setFlexGrow(2);
        grid.addColumn(SimulatedBedRow::scenarioText).setHeader("Scenario").setFlexGrow(2);
        grid.addColumn(SimulatedBedRow::vitals).setHeader("Patient (before the monitor)").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        bed.setId("simulator-bed");
        scenario.setId("simulator-scenario");
        outcome.setId("simulator-outcome");

        Button start = new Button("Start scenario", e -> act("started " + scenario.getValue(),
                c -> c.startScenario(bed.getValue(), requireScenario())));
        Button stop = new Button("Stop scenario", e -> act("scenario stopped", c -> c.stopScenario(bed.getValue())));
        start.setId("simulator-start");
        stop.setId("simulator-stop");
        HorizontalLayout scenarioRow = row(bed, scenario, start, stop);

        rate.setId("simulator-rate");
        vtbi.setId("simulator-vtbi");
        rate.setMin(0.1);
        vtbi.setMin(0.1);
        vtbi.setWidth("16em"); // the whole label, as on a pump's display
        HorizontalLayout programRow = row(rate, vtbi,
                button("simulator-program", "Program", () -> act(programmed(), c -> c.event(bed.getValue(), Map.of(
                        "action", "program-pump", "rate", required(rate, "a rate"), "vtbi", required(vtbi, "a volume to be infused"))))),
                button("simulator-pump-start", "Start", () -> act("pump started", c -> c.event(bed.getValue(), Map.of("action", "start-pump")))),
                button("simulator-pump-pause", "Pause", () -> act("pump paused", c -> c.event(bed.getValue(), Map.of("action", "pause-pump")))),
                button("simulator-pump-resume", "Resume", () -> act("pump resumed", c -> c.event(bed.getValue(), Map.of("action", "resume-pump")))),
                button("simulator-pump-stop", "Stop", () -> act("pump stopped", c -> c.event(bed.getValue(), Map.of("action", "stop-pump")))));

        HorizontalLayout artefactRow = row();
        ARTEFACTS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(a -> artefactRow.add(button(
                "simulator-artefact-" + a.getKey(), a.getValue(), () -> act(a.getValue().toLowerCase(Locale.ROOT) + " on",
                        c -> c.event(bed.getValue(), Map.of("action", "artefact", "type", a.getKey()))))));
        artefactRow.add(button("simulator-clear", "Clear artefacts", () -> act("artefacts and changes cleared",
                c -> c.event(bed.getValue(), Map.of("action", "clear")))));

        HorizontalLayout pumpRow = row();
        PUMP_FAULTS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(f -> pumpRow.add(button(
                "simulator-pump-" + f.getKey(), f.getValue(), () -> act(f.getValue().toLowerCase(Locale.ROOT)
                        + " alarm on the pump", c -> c.event(bed.getValue(), Map.of("action", "pump-alarm", "alarm", f.getKey()))))));
        pumpRow.add(button("simulator-clear-pump", "Clear pump alarm", () -> act("pump alarm cleared (a halted pump stays paused)",
                c -> c.event(bed.getValue(), Map.of("action", "clear-pump-alarm")))));

        controls.setPadding(false);
        controls.add(scenarioRow, outcome, new H3("Pump"), programRow, new H3("Monitor artefacts"), artefactRow,
                new H3("Pump faults"), pumpRow);
        HorizontalLayout header = new HorizontalLayout(new H1("Simulated beds"), Routes.link("Devices", Routes.DEVICES),
                new SignOutButton());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, absent, grid, controls);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.DEVICES_VIEW);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        channel = DashboardServices.simulatorControl().map(ControlChannel::new);
        absent.setVisible(channel.isEmpty());
        grid.setVisible(channel.isPresent());
        controls.setVisible(channel.isPresent());
        if (channel.isEmpty()) {
            return;
        }
        try {
            scenario.setItems(channel.get().scenarios());
        } catch (ControlException e) {
            outcome.setText(e.getMessage());
        }
        refresh();
        var vertx = DashboardServices.get().vertx();
        UI ui = event.getUI();
        timer = vertx.setPeriodic(2000, id -> vertx.executeBlocking(() -> channel.get().beds())
                .onSuccess(rows -> ui.access(() -> show(rows))));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (timer >= 0) {
            DashboardServices.get().vertx().cancelTimer(timer);
        }
    }

    /** Reads every bed again now. */
    void refresh() {
        try {
            show(channel.orElseThrow().beds());
        } catch (ControlException e) {
            outcome.setText(e.getMessage());
        }
    }

    private void show(List<SimulatedBedRow> rows) {
        grid.setItems(rows);
        List<String> ids = rows.stream().map(SimulatedBedRow::bedId).toList();
        if (!ids.equals(bed.getListDataView().getItems().toList())) {
            String chosen = bed.getValue();
            bed.setItems(ids);
            bed.setValue(chosen != null && ids.contains(chosen) ? chosen : ids.isEmpty() ? null : ids.get(0));
        }
    }

    @FunctionalInterface
    private interface Action {
        void on(ControlChannel channel) throws ControlException;
    }

    private void act(String done, Action action) {
        if (bed.getValue() == null) {
            outcome.setText("Choose a bed first.");
            return;
        }
        try {
            action.on(channel.orElseThrow());
            outcome.setText(bed.getValue() + ": " + done + ".");
        } catch (ControlException | IllegalArgumentException e) {
            outcome.setText(bed.getValue() + ": not done: " + e.getMessage());
        }
        refresh();
    }

    private String programmed() {
        return String.format(Locale.ROOT, "pump programmed %s mL/h, %s mL", rate.getValue(), vtbi.getValue());
    }

    private static double required(NumberField field, String what) {
        if (field.getValue() == null) {
            throw new IllegalArgumentException("enter " + what);
        }
        return field.getValue();
    }

    private String requireScenario() {
        if (scenario.getValue() == null) {
            throw new IllegalArgumentException("choose a scenario");
        }
        return scenario.getValue();
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.setId(id);
        return button;
    }

    private static HorizontalLayout row(Component... children) {
        HorizontalLayout row = new HorizontalLayout(children);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }
}
