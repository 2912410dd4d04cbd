package org.openinfusion.dashboard.simulation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.NumberField;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.sim.Pacing;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.sim.control.ControlServer;
import org.openinfusion.sim.signal.Bag;
import org.openinfusion.sim.signal.BedEvent;
import org.openinfusion.sim.signal.Drug;
import org.openinfusion.sim.signal.PumpAlarm;
import org.openinfusion.sim.signal.PumpState;
import org.openinfusion.station.security.Role;

/**
 * The engineer's control page against real simulated beds (idle pumps, manual pacing, no broker)
 * and their real HTTP control channel.
 */
class SimulatorViewTest {
    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private KaribuStation station;
    private SimulatedBeds beds;
    private ControlServer control;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
        beds = SimulatedBeds.start(SimulatorConfig.defaults("tcp://127.0.0.1:1").withBeds(2).withIdlePumps(true)
                .withPacing(Pacing.MANUAL).withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withProgressInterval(Duration.ZERO));
        control = ControlServer.start(beds, 0);
        DashboardServices.useSimulatorControl(URI.create("http://127.0.0.1:" + control.port() + "/"));
    }

    @AfterEach
    void stop() throws Exception {
        DashboardServices.useSimulatorControl(null);
        control.close();
        beds.close();
        station.close();
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void anEngineerStartsAScenarioAndInjectsArtefactsAndPumpFaultsThroughTheControlChannel() throws Exception {
        // given an engineer on the page, a midazolam bag infusing on bed-01
        beds.apply("bed-01", new BedEvent.ProgramPump(90, 60, new Bag(Drug.MIDAZOLAM, 0.025)));
        beds.apply("bed-01", new BedEvent.StartPump());
        station.signIn("eng1", Role.ENGINEER);
        UI.getCurrent().navigate(Routes.SIMULATOR);
        assertInstanceOf(SimulatorView.class, UI.getCurrent().getCurrentView());
        // then both beds are listed with their pump and patient, and nothing reveals the bag
        String page = UI.getCurrent().getElement().getTextRecursively() + gridText();
        assertTrue(gridText().contains("Infusing 90.0 mL/h"), gridText());
        assertFalse(page.toLowerCase(Locale.ROOT).contains("midazolam"), page);
        assertEquals("bed-01", _get(ComboBox.class, s -> s.withId("simulator-bed")).getValue());

        // when the engineer puts an ECG lead off and motion on the pleth on bed-01
        _click(_get(Button.class, s -> s.withText("ECG lead off")));
        _click(_get(Button.class, s -> s.withText("Motion on pleth")));
        // then the simulator applied both to the bed's monitor now
        String log = String.join("\n", beds.state("bed-01").log());
        assertTrue(log.contains("0.0 s: lead off") && log.contains("0.0 s: pleth motion"), log);
        assertEquals("bed-01: motion on pleth on.", text("simulator-outcome"));

        // when the line occludes, then the pump halts with the alarm; clearing it leaves it paused
        _click(_get(Button.class, s -> s.withText("Occlusion")));
        assertEquals(PumpAlarm.OCCLUSION, beds.state("bed-01").pump().alarm());
        assertEquals(PumpState.PAUSED, beds.state("bed-01").pump().state());
        assertTrue(gridText().contains("Paused (occlusion)"), gridText());
        _click(_get(Button.class, s -> s.withText("Clear pump alarm")));
        assertEquals(PumpAlarm.NONE, beds.state("bed-01").pump().alarm());

        // when the engineer runs the hypertension scenario on bed-02
        @SuppressWarnings("unchecked")
        ComboBox<String> bed = _get(ComboBox.class, s -> s.withId("simulator-bed"));
        bed.setValue("bed-02");
        @SuppressWarnings("unchecked")
        ComboBox<String> scenario = _get(ComboBox.class, s -> s.withId("simulator-scenario"));
        // (the choice lists each scenario by its title, never its file name)
        assertEquals("Hypertension from minute 25", scenario.getItemLabelGenerator().apply("hypertension"));
        assertEquals("Pump occlusion at minute 15", scenario.getItemLabelGenerator().apply("pump-occlusion"));
        scenario.setValue("hypertension");
        _click(_get(Button.class, s -> s.withText("Start scenario")));
        // then the simulator runs it on that bed from now: its pump programmed and started, the pressure change to come
        assertEquals("bed-02: started Hypertension from minute 25.", text("simulator-outcome"));
        beds.advanceTo(NOW.plusSeconds(1));
        assertEquals("hypertension", beds.state("bed-02").scenario());
        assertEquals(PumpState.INFUSING, beds.state("bed-02").pump().state());
        _get(SimulatorView.class, s -> { }).refresh();
        assertTrue(gridText().contains("bed-02 Infusing 150.0 mL/h, 0.0 of 100.0 mL Hypertension from minute 25: 1 event to come"),
                gridText());
        // when its last event has been applied (minute 25) but the raised pressure is still held, then it is running, not finished
        beds.advanceTo(NOW.plusSeconds(30 * 60));
        _get(SimulatorView.class, s -> { }).refresh();
        assertEquals(0, beds.state("bed-02").pendingEvents());
        assertTrue(gridText().contains("Hypertension from minute 25: running, a change or artefact still in effect"), gridText());
        // and once the pressure has come back (25 + 2 min ramp + 20 min held + 2 min back), it is finished
        beds.advanceTo(NOW.plusSeconds(50 * 60));
        _get(SimulatorView.class, s -> { }).refresh();
        assertTrue(gridText().contains("Hypertension from minute 25: finished"), gridText());
        assertFalse(gridText().contains("hypertension"), "the scenario's file name never shows: " + gridText());
        // and what cannot be done is said: no scenario chosen
        scenario.clear();
        _click(_get(Button.class, s -> s.withText("Start scenario")));
        assertEquals("bed-02: not done: choose a scenario", text("simulator-outcome"));
    }

    @Test
    void anEngineerProgramsAPumpAndStartsPausesResumesAndStopsItAsANurseWould() throws Exception {
        // given an engineer on the page, bed-02's pump idle
        station.signIn("eng1", Role.ENGINEER);
        UI.getCurrent().navigate(Routes.SIMULATOR);
        @SuppressWarnings("unchecked")
        ComboBox<String> bed = _get(ComboBox.class, s -> s.withId("simulator-bed"));
        bed.setValue("bed-02");
        // when the engineer starts it before programming it, then the pump refuses in its own words
        _click(_get(Button.class, s -> s.withId("simulator-pump-start")));
        assertEquals("bed-02: not done: program a rate and a volume to be infused first", text("simulator-outcome"));
        // when the engineer programs 52.5 mL/h for 35 mL and starts it
        _get(NumberField.class, s -> s.withId("simulator-rate")).setValue(52.5);
        _get(NumberField.class, s -> s.withId("simulator-vtbi")).setValue(35.0);
        _click(_get(Button.class, s -> s.withId("simulator-program")));
        assertEquals("bed-02: pump programmed 52.5 mL/h, 35.0 mL.", text("simulator-outcome"));
        _click(_get(Button.class, s -> s.withId("simulator-pump-start")));
        // then the pump infuses at that rate; after 20 simulated minutes it has given half the volume
        assertEquals(PumpState.INFUSING, beds.state("bed-02").pump().state());
        beds.advanceTo(NOW.plusSeconds(1200));
        assertEquals(17.5, beds.state("bed-02").pump().infusedMl(), 1e-9);
        // when paused for 10 minutes and resumed, then the volume held while paused and the pump infuses again
        _click(_get(Button.class, s -> s.withId("simulator-pump-pause")));
        assertEquals("bed-02: pump paused.", text("simulator-outcome"));
        beds.advanceTo(NOW.plusSeconds(1800));
        assertEquals(PumpState.PAUSED, beds.state("bed-02").pump().state());
        assertEquals(17.5, beds.state("bed-02").pump().infusedMl(), 1e-9);
        _click(_get(Button.class, s -> s.withId("simulator-pump-resume")));
        assertEquals(PumpState.INFUSING, beds.state("bed-02").pump().state());
        _get(SimulatorView.class, s -> { }).refresh();
        assertTrue(gridText().contains("bed-02 Infusing 52.5 mL/h, 17.5 of 35.0 mL"), gridText());
        // when it is stopped, then it stops with what it gave; the other bed was never touched
        beds.advanceTo(NOW.plusSeconds(2400));
        _click(_get(Button.class, s -> s.withId("simulator-pump-stop")));
        assertEquals("bed-02: pump stopped.", text("simulator-outcome"));
        assertEquals(PumpState.STOPPED, beds.state("bed-02").pump().state());
        assertEquals(26.25, beds.state("bed-02").pump().infusedMl(), 1e-9);
        assertEquals(PumpState.STANDBY, beds.state("bed-01").pump().state());
        // and a missing volume is asked for, not sent
        _get(NumberField.class, s -> s.withId("simulator-vtbi")).clear();
        _click(_get(Button.class, s -> s.withId("simulator-program")));
        assertEquals("bed-02: not done: enter a volume to be infused", text("simulator-outcome"));
    }

    @Test
    void withoutSimulatedBedsThePageSaysSoAndNursesMayNotOpenIt() {
        DashboardServices.useSimulatorControl(null);
        station.signIn("eng1", Role.ENGINEER);
        UI.getCurrent().navigate(Routes.SIMULATOR);
        assertTrue(_get(Paragraph.class, s -> s.withText(
                "No simulated beds here: this page drives the simulator the demo launcher starts (bin/station-demo)."))
                .isVisible());
        assertTrue(_find(Grid.class, s -> s.withId("simulated-beds")).isEmpty());
        station.signIn("nurse1", Role.NURSE);
        UI.getCurrent().navigate(Routes.SIMULATOR);
        assertFalse(UI.getCurrent().getCurrentView() instanceof SimulatorView);
    }

    /** The grid's rows as text (Karibu renders the cells). */
    private static String gridText() {
        @SuppressWarnings("unchecked")
        var grid = (Grid<ControlChannel.SimulatedBedRow>) _get(
                Grid.class, s -> s.withId("simulated-beds"));
        SimulatorView view = _get(SimulatorView.class, s -> { });
        StringBuilder out = new StringBuilder();
        grid.getListDataView().getItems().forEach(r -> out.append(r.bedId()).append(' ').append(SimulatorView.pump(r)).append(' ')
                .append(view.scenarioText(r)).append(' ').append(SimulatorView.vitals(r)).append('\n'));
        return out.toString();
    }
}
