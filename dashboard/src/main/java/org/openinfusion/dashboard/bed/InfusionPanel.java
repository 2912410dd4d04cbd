package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.infusion.InfusionEvent.DeviationKind;
import org.openinfusion.station.clinical.api.SessionView;

/**
 * Infusing time and volume against the plan, rate against the planned rate, pump state, pauses and the latest
 * deviation in staff wording, each with its unit. Never a dose, concentration or arm.
 */
final class InfusionPanel extends Div {
    private final Span elapsed = value("inf-elapsed");
    private final Span volume = value("inf-volume");
    private final Span rate = value("inf-rate");
    private final Span pump = value("inf-pump");
    private final Span pauses = value("inf-pauses");
    private final Div deviations = new Div();
    private final Div progress = new Div();

    InfusionPanel() {
        addClassName("infusion");
        setId("infusion");
        deviations.addClassName("deviations");
        deviations.setId("inf-deviations");
        progress.addClassName("inf-progress");
        progress.getElement().setAttribute("role", "progressbar");
        progress.getElement().setAttribute("aria-label", Text.get("infusion.progress"));
        add(line(Text.get("infusion.time"), elapsed), line(Text.get("infusion.volume"), volume), line(Text.get("infusion.rateLabel"), rate),
                line(Text.get("infusion.pump"), pump), line(Text.get("infusion.pauses"), pauses), progress, deviations);
    }

    private static Span value(String id) {
        Span s = new Span("--");
        s.setId(id);
        s.addClassName("inf-value");
        return s;
    }

    private static Div line(String label, Span value) {
        Span l = new Span(label);
        l.addClassName("inf-label");
        Div d = new Div(l, value);
        d.addClassName("inf-line");
        return d;
    }

    void show(SessionView v) {
        SessionView.Infusion i = v.infusion();
        elapsed.setText(Text.minutes(i.infusing()) + " / " + Text.minutes(v.plan().duration()));
        volume.setText(Text.decimal(i.volumeInfusedMl()) + " / " + Text.decimal(v.plan().volumeMl()));
        rate.setText(Text.decimal(i.pumpRateMlPerHour()) + " / " + Text.decimal(v.plan().rateMlPerHour()));
        pump.setText(pumpState(i));
        pauses.setText(i.pauses() == 0 ? Text.get("infusion.noPauses") : Text.get("infusion.pausesValue", i.pauses(), Text.minutes(i.pausedTotal())));
        double fraction = v.plan().volumeMl() <= 0 ? 0 : Math.min(1, i.volumeInfusedMl() / v.plan().volumeMl());
        progress.getStyle().set("--fraction", String.format(Locale.ROOT, "%.3f", fraction));
        progress.getElement().setAttribute("aria-valuenow", String.valueOf(Math.round(fraction * 100)));
        deviations.removeAll();
        List<String> shown = firstShown(i.deviations()).stream().map(InfusionPanel::deviation).toList();
        shown.forEach(d -> deviations.add(new Div(new Span(d))));
        if (i.deviations().size() > 1) {
            deviations.add(new Span(Text.get("infusion.moreDeviations", i.deviations().size() - 1)));
        }
    }

    /** The deviation shown under the figures: an early stop before any other (the pump's cell no longer repeats it). */
    static Optional<String> firstShown(List<String> deviations) {
        return deviations.stream().sorted(Comparator.comparing(d -> !d.startsWith(DeviationKind.EARLY_STOP.name() + ":"))).findFirst();
    }

    /**
     * The pump's own state. Once the infusion has ended the header says how ("Infusion complete", "Infusion stopped
     * early") and an early stop is the first line under the figures, so the cell adds nothing to it: repeated there it
     * wrapped to four lines at 1280 px.
     */
    static String pumpState(SessionView.Infusion i) {
        String state = i.pumpState() == null || i.pumpState().isBlank() ? "--" : Text.orElse("pump." + i.pumpState(), i.pumpState());
        return state + (i.started() || i.completed() ? "" : ", " + Text.get("infusion.notStarted"));
    }

    /** A deviation as the station reports it ("VOLUME_AHEAD: infused 12.0 mL, ...") in staff wording. */
    static String deviation(String reported) {
        int colon = reported.indexOf(": ");
        if (colon < 0) {
            return reported;
        }
        String kind = reported.substring(0, colon);
        return Text.orElse("deviation." + kind, kind.replace('_', ' ').toLowerCase(Locale.ROOT)) + ": " + reported.substring(colon + 2);
    }
}
