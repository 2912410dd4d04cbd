package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.openinfusion.station.clinical.api.SessionView;

/** Elapsed infusing time and volume against the plan, rate, pump state, pauses and deviations. Never a dose or concentration. */
final class InfusionPanel extends Div {
    private final Span elapsed = value("inf-elapsed");
    private final Span volume = value("inf-volume");
    private final Span rate = value("inf-rate");
    private final Span pump = value("inf-pump");
    private final Span pauses = value("inf-pauses");
    private final Div deviations = new Div();

    InfusionPanel() {
        addClassName("infusion");
        setId("infusion");
        deviations.addClassName("deviations");
        deviations.setId("inf-deviations");
        add(new H3("Infusion"), line("Time", elapsed), line("Volume mL", volume), line("Rate mL/h", rate), line("Pump", pump),
                line("Pauses", pauses), deviations);
    }

    private static Span value(String id) {
        Span s = new Span("--");
        s.setId(id);
        s.addClassName("inf-value");
        return s;
    }

    private static Div line(String label, Span value) {
        Div d = new Div(new Span(label), value);
        d.addClassName("inf-line");
        return d;
    }

    void show(SessionView v) {
        SessionView.Infusion i = v.infusion();
        elapsed.setText(Format.minutes(i.infusing()) + " / " + Format.minutes(v.plan().duration()));
        volume.setText(Format.ml(i.volumeInfusedMl()) + " / " + Format.ml(v.plan().volumeMl()));
        rate.setText(Format.ml(i.pumpRateMlPerHour()) + " (plan " + Format.ml(v.plan().rateMlPerHour()) + ")");
        pump.setText(i.pumpState() + (i.completed() ? ", infusion complete" : i.started() ? "" : ", not started"));
        pauses.setText(i.pauses() == 0 ? "none" : i.pauses() + " (" + Format.minutes(i.pausedTotal()) + ")");
        deviations.removeAll();
        i.deviations().stream().limit(3).forEach(d -> deviations.add(new Div(new Span(d))));
    }
}
