package org.openinfusion.dashboard.simulation;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.simulation.ControlChannel.ControlException;
import org.openinfusion.dashboard.simulation.ControlChannel.ScenarioChoice;
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

    /** The simulator's artefact and pump fault names; their wording is the bundle's sim.artefact.* and sim.fault.*. */
    private static final List<String> ARTEFACTS = List.of("pleth-motion", "lead-off", "sensor-off", "cuff-failure");
    private static final List<String> PUMP_FAULTS = List.of("occlusion", "air-in-line", "door-open");

    private final Grid<SimulatedBedRow> grid = new Grid<>();
    private final ComboBox<String> bed = new ComboBox<>(Text.get("sim.bed"));
    private final ComboBox<String> scenario = new ComboBox<>(Text.get("sim.scenario"));
    private final NumberField rate = new NumberField(Text.get("sim.rate"));
    private final NumberField vtbi = new NumberField(Text.get("sim.vtbi"));
    private final Span outcome = new Span();
    private final Paragraph absent = new Paragraph(Text.get("sim.absent"));
    /** Scenario titles by name, from the simulator's list (a name it does not list is shown in words). */
    private final Map<String, String> titles = new HashMap<>();
    private final VerticalLayout controls = new VerticalLayout();
    private Optional<ControlChannel> channel = Optional.empty();
    private long timer = -1;

    public SimulatorView() {
        setWidthFull();
        setSpacing(false);
        grid.setId("simulated-beds");
        grid.addColumn(SimulatedBedRow::bedId).setHeader(Text.get("sim.colBed")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> String.format(Locale.ROOT, "%.1f", r.simulatedMinutes())).setHeader(Text.get("sim.colMinutes"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SimulatorView::pump).setHeader(Text.get("sim.colPump")).setFlexGrow(2);
        grid.addColumn(this::scenarioText).setHeader(Text.get("sim.colScenario")).setFlexGrow(2);
        grid.addColumn(SimulatorView::vitals).setHeader(Text.get("sim.colPatient")).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        // whole words at 1024 px too: cells wrap instead of ending in "..."
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        bed.setId("simulator-bed");
        scenario.setId("simulator-scenario");
        scenario.setItemLabelGenerator(this::title);
        outcome.setId("simulator-outcome");

        Button start = new Button(Text.get("sim.startScenario"), e -> act(Text.get("sim.done.started", title(scenario.getValue())),
                c -> c.startScenario(bed.getValue(), requireScenario())));
        Button stop = new Button(Text.get("sim.stopScenario"), e -> act(Text.get("sim.done.scenarioStopped"),
                c -> c.stopScenario(bed.getValue())));
        start.setId("simulator-start");
        stop.setId("simulator-stop");
        HorizontalLayout scenarioRow = row(bed, scenario, start, stop);

        rate.setId("simulator-rate");
        vtbi.setId("simulator-vtbi");
        rate.setMin(0.1);
        vtbi.setMin(0.1);
        vtbi.setWidth("16em"); // the whole label, as on a pump's display
        HorizontalLayout programRow = row(rate, vtbi,
                button("simulator-program", Text.get("sim.program"), () -> act(programmed(), c -> c.event(bed.getValue(), Map.of(
                        "action", "program-pump", "rate", required(rate, Text.get("sim.aRate")),
                        "vtbi", required(vtbi, Text.get("sim.aVolume")))))),
                pumpButton("start"), pumpButton("pause"), pumpButton("resume"), pumpButton("stop"));

        HorizontalLayout artefactRow = row();
        ARTEFACTS.stream().sorted(Comparator.comparing(a -> Text.get("sim.artefact." + a))).forEach(a -> artefactRow.add(button(
                "simulator-artefact-" + a, Text.get("sim.artefact." + a), () -> act(Text.get("sim.done.artefact." + a),
                        c -> c.event(bed.getValue(), Map.of("action", "artefact", "type", a))))));
        artefactRow.add(button("simulator-clear", Text.get("sim.clearArtefacts"), () -> act(Text.get("sim.done.cleared"),
                c -> c.event(bed.getValue(), Map.of("action", "clear")))));

        HorizontalLayout pumpRow = row();
        PUMP_FAULTS.stream().sorted(Comparator.comparing(f -> Text.get("sim.fault." + f))).forEach(f -> pumpRow.add(button(
                "simulator-pump-" + f, Text.get("sim.fault." + f), () -> act(Text.get("sim.done.fault." + f),
                        c -> c.event(bed.getValue(), Map.of("action", "pump-alarm", "alarm", f))))));
        pumpRow.add(button("simulator-clear-pump", Text.get("sim.clearPump"), () -> act(Text.get("sim.done.pumpAlarmCleared"),
                c -> c.event(bed.getValue(), Map.of("action", "clear-pump-alarm")))));

        controls.setPadding(false);
        controls.add(scenarioRow, outcome, new H3(Text.get("sim.pumpHeading")), programRow, new H3(Text.get("sim.artefactsHeading")),
                artefactRow, new H3(Text.get("sim.faultsHeading")), pumpRow);
        HorizontalLayout header = new HorizontalLayout(new H1(Text.get("sim.title")), Routes.link(Text.get("sim.devices"), Routes.DEVICES),
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
            List<ScenarioChoice> choices = channel.get().scenarios();
            choices.forEach(c -> titles.put(c.name(), c.title()));
            scenario.setItems(choices.stream().map(ScenarioChoice::name).toList());
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
            outcome.setText(Text.get("sim.chooseBed"));
            return;
        }
        try {
            action.on(channel.orElseThrow());
            outcome.setText(Text.get("sim.outcome", bed.getValue(), done));
        } catch (ControlException | IllegalArgumentException e) {
            // the simulator's and the pump's refusals in their own words
            outcome.setText(Text.get("sim.notDone", bed.getValue(), e.getMessage()));
        }
        refresh();
    }

    private String programmed() {
        return Text.get("sim.done.programmed", String.valueOf(rate.getValue()), String.valueOf(vtbi.getValue()));
    }

    private static double required(NumberField field, String what) {
        if (field.getValue() == null) {
            throw new IllegalArgumentException(Text.get("sim.enter", what));
        }
        return field.getValue();
    }

    private String requireScenario() {
        if (scenario.getValue() == null) {
            throw new IllegalArgumentException(Text.get("sim.chooseScenario"));
        }
        return scenario.getValue();
    }

    /** A pump command button: start, pause, resume or stop, as at the pump. */
    private Button pumpButton(String command) {
        return button("simulator-pump-" + command, Text.get("sim.pump." + command), () -> act(Text.get("sim.done.pump." + command),
                c -> c.event(bed.getValue(), Map.of("action", command + "-pump"))));
    }

    /** A scenario's title; a name the simulator did not list, in words. */
    String title(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String words = name.replace('-', ' ').replace('_', ' ');
        return titles.getOrDefault(name, Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    /** "Infusing 52.5 mL/h, 12.3 of 35.0 mL" or "Paused (occlusion), 12.3 of 35.0 mL". */
    static String pump(SimulatedBedRow r) {
        String state = Text.orElse("pump." + r.pumpState().toLowerCase(Locale.ROOT), r.pumpState());
        String alarm = r.pumpAlarm().equals("NONE") ? "" : " (" + Text.orElse("sim.pumpAlarm." + r.pumpAlarm(),
                r.pumpAlarm().toLowerCase(Locale.ROOT).replace('_', ' ')) + ")";
        String rate = r.rateMlPerHour() > 0 ? " " + Text.get("sim.pumpRate", Text.decimal(r.rateMlPerHour())) : "";
        String volume = r.vtbiMl() > 0 ? ", " + Text.get("sim.pumpVolume", Text.decimal(r.infusedMl()), Text.decimal(r.vtbiMl())) : "";
        return state + alarm + rate + volume;
    }

    /**
     * "Hypertension from minute 25: 1 event to come", "...: running, a change or artefact still in effect" while the last event has been
     * applied but, e.g., the raised pressure is still held, "...: finished" after that; "None" without a scenario.
     */
    String scenarioText(SimulatedBedRow r) {
        if (r.scenario() == null || r.scenario().isBlank()) {
            return Text.get("sim.scenarioNone");
        }
        if (r.pendingEvents() > 0) {
            return Text.get("sim.scenarioToCome", title(r.scenario()), r.pendingEvents());
        }
        return Text.get(r.effectsInEffect() ? "sim.scenarioInEffect" : "sim.scenarioFinished", title(r.scenario()));
    }

    /** "HR 74/min, BP 121/76 mmHg, SpO2 98 %, RR 14/min" (the patient's state before monitor noise and artefacts). */
    static String vitals(SimulatedBedRow r) {
        return Text.get("sim.vitals", whole(r.heartRate()), whole(r.systolic()), whole(r.diastolic()), whole(r.spo2()),
                whole(r.respiratoryRate()));
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
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
