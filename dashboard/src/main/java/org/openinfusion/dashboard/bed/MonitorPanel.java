package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.feed.BedState;
import org.openinfusion.dashboard.feed.SweepTrace;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * The monitor half of the bed view, laid out like a bedside monitor: each waveform with its number beside it (ECG and
 * HR, pleth and SpO2, capnogram and EtCO2), then NIBP with its age and RR. Numbers are readable from 2 m; a value
 * outside the protocol's limits takes the limit's priority colour; a trace or tile without a current signal says why
 * (no signal, sensor off, device disconnected) instead of going blank.
 */
final class MonitorPanel extends Div {
    static final Duration WAVE_FRESH = Duration.ofMillis(1500);
    private final Select<Stream> lead = new Select<>();
    private final SweepTrace ecg = new SweepTrace("trace-ecg", "#2ecc71");
    private final SweepTrace pleth = new SweepTrace("trace-pleth", "#00bcd4");
    private final SweepTrace co2 = new SweepTrace("trace-co2", "#f1c40f");
    private final NumericTile hr = new NumericTile("hr", Stream.HR, null, Duration.ofSeconds(10));
    private final NumericTile spo2 = new NumericTile("spo2", Stream.SPO2, null, Duration.ofSeconds(10));
    private final NumericTile etco2 = new NumericTile("etco2", Stream.ETCO2, null, Duration.ofSeconds(10));
    private final NumericTile rr = new NumericTile("rr", Stream.RESP_RATE, null, Duration.ofSeconds(10));
    private final NumericTile nibp = new NumericTile("nibp", Stream.NIBP_SYS, Stream.NIBP_DIA, Duration.ofMinutes(6));

    MonitorPanel() {
        addClassName("bed-monitor");
        lead.setItems(Stream.ECG_I, Stream.ECG_II, Stream.ECG_III);
        lead.setItemLabelGenerator(s -> "ECG " + s.key().substring(4).toUpperCase(Locale.ROOT));
        lead.setValue(Stream.ECG_II);
        lead.setId("ecg-lead");
        lead.setAriaLabel("ECG lead");
        lead.addClassName("lead-select");
        nibp.addClassName("numeric-nibp");
        add(waveRow("ecg", lead, ecg), hr, waveRow("pleth", label("Pleth"), pleth), spo2, waveRow("co2", label("CO2 mmHg"), co2), etco2,
                nibp, rr);
    }

    private static Span label(String text) {
        Span s = new Span(text);
        s.addClassName("wave-label");
        return s;
    }

    private static Div waveRow(String id, Component label, SweepTrace trace) {
        Div r = new Div(label, trace);
        r.addClassName("wave-row");
        r.setId("wave-" + id);
        return r;
    }

    Stream lead() {
        return lead.getValue();
    }

    void setLead(Stream s) {
        lead.setValue(s);
    }

    /** Sends the chunks of the shown streams; runs under the UI lock. */
    void push(List<WaveformChunk> chunks) {
        for (WaveformChunk c : chunks) {
            if (c.stream() == lead.getValue()) {
                ecg.push(c);
            } else if (c.stream() == Stream.PLETH) {
                pleth.push(c);
            } else if (c.stream() == Stream.CO2) {
                co2.push(c);
            }
        }
    }

    void show(BedState state, List<AlarmLimit> limits, Instant now) {
        for (NumericTile t : List.of(hr, spo2, etco2, rr, nibp)) {
            t.show(state, limits, now);
        }
        signal(ecg, state.wave(lead.getValue(), WAVE_FRESH, now));
        signal(pleth, state.wave(Stream.PLETH, WAVE_FRESH, now));
        signal(co2, state.wave(Stream.CO2, WAVE_FRESH, now));
    }

    static void signal(SweepTrace trace, BedState.Signal s) {
        trace.getElement().setAttribute("data-signal", s.name().toLowerCase(Locale.ROOT));
        trace.getElement().setAttribute("data-signal-label", s.words());
    }

    /** One big number (or sys/dia) with its label, unit, age and signal state. */
    static final class NumericTile extends Div {
        private final Stream main;
        private final Stream second;
        private final Duration freshFor;
        private final Span value = new Span("--");
        private final Span age = new Span();
        private final Span signal = new Span();

        NumericTile(String id, Stream main, Stream second, Duration freshFor) {
            this.main = main;
            this.second = second;
            this.freshFor = freshFor;
            addClassName("numeric");
            setId("num-" + id);
            value.addClassName("numeric-value");
            value.setId("num-" + id + "-value");
            age.addClassName("numeric-age");
            age.setId("num-" + id + "-age");
            signal.addClassName("numeric-signal");
            signal.setId("num-" + id + "-signal");
            String name = second == null ? Text.get("stream." + main.key()) : "NIBP";
            Span head = new Span(name + " " + Text.get("unit." + main.key()));
            head.addClassName("numeric-label");
            add(head, value, age, signal);
        }

        void show(BedState state, List<AlarmLimit> limits, Instant now) {
            BedState.Signal s = state.numeric(main, freshFor, now);
            boolean periodic = second != null;
            // a cuff reading is sparse: only a disconnected device or a sensor off is a signal problem for NIBP
            boolean problem = periodic ? s == BedState.Signal.DISCONNECTED || s == BedState.Signal.SENSOR_OFF : s != BedState.Signal.OK;
            signal.setText(problem ? s.words() : "");
            getElement().setAttribute("data-signal", problem ? s.name().toLowerCase(Locale.ROOT) : "ok");
            Optional<BedState.Latest> m = state.get(main);
            if (m.isEmpty()) {
                getElement().setAttribute("data-alarm", "none");
                age.setText(periodic && !problem ? Text.get("signal.noReading") : "");
                return;
            }
            String text = m.get().text() + (second == null ? "" : "/" + state.get(second).map(BedState.Latest::text).orElse("--"));
            value.setText(text);
            // the shown value's device time: lets a benchmark time device-to-screen for numerics (bin/benchmark latency)
            value.getElement().setAttribute("data-device-time", String.valueOf(m.get().deviceTime().toEpochMilli()));
            Duration old = Duration.between(m.get().deviceTime(), now);
            boolean stale = old.compareTo(freshFor) > 0;
            getElement().setAttribute("data-stale", String.valueOf(stale));
            age.setText(periodic || stale ? Text.ago(old) : "");
            getElement().setAttribute("data-alarm", stale ? "none" : state.breach(limits, main, second));
        }
    }
}
