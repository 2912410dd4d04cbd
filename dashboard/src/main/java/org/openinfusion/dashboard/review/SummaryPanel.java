package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.SessionRecord.Summary;

/**
 * The session summary in the spirit of the esketamine monitoring form: blood pressure before dosing, at 40 minutes
 * and at the end; peak dissociation; lowest sedation score; minutes monitored; when the patient was ready to leave;
 * counts of alarms, adverse events and deviations. A missing figure shows "-".
 */
final class SummaryPanel extends Div {
    SummaryPanel() {
        setId("summary");
        addClassName("summary");
    }

    void show(Summary s) {
        removeAll();
        if (s == null) {
            add(item("summary-none", Text.get("review.summary.title"), Text.get("review.summary.none")));
            return;
        }
        add(item("summary-bp-pre", Text.get("review.summary.bpPre"), ReviewFormat.bloodPressure(s.preDose())),
                item("summary-bp-40", Text.get("review.summary.bp40"), ReviewFormat.bloodPressure(s.at40Minutes())),
                item("summary-bp-end", Text.get("review.summary.bpEnd"), ReviewFormat.bloodPressure(s.atEnd())),
                item("summary-peak", Text.get("review.summary.peak"), peak(s)),
                item("summary-sedation", Text.get("review.summary.sedation"), s.lowestSedationScore() == null ? "-" : s.lowestSedationScore().toString()),
                item("summary-monitored", Text.get("review.summary.monitored"), s.minutesMonitored() == null ? "-" : Text.get("review.minutes", s.minutesMonitored())),
                item("summary-ready", Text.get("review.summary.ready"), ready(s)),
                item("summary-counts", Text.get("review.summary.counts"),
                        s.alarmsRaised() + " / " + s.adverseEvents() + " / " + s.deviations()));
    }

    /**
     * e.g. "CADSS total 24 at T+40 min": the form, its total and the time point as staff name it. The peak is the highest
     * after the infusion start (the station never takes the baseline for it): without one, it says so.
     */
    static String peak(Summary s) {
        if (s.peakDissociation() == null) {
            return Text.get("review.peakNone");
        }
        String form = s.peakDissociationForm() == null ? Text.get("review.peakNoForm") : s.peakDissociationForm();
        return s.peakDissociationTimePoint() == null ? Text.get("review.peak", form, s.peakDissociation())
                : Text.get("review.peakAt", form, s.peakDissociation(), Text.timePoint(s.peakDissociationTimePoint()));
    }

    private static String ready(Summary s) {
        if (s.readyForDischarge() == null) {
            return "-";
        }
        return ReviewFormat.timeWithZone(s.readyForDischarge()) + (s.minutesToReadyFromInfusionStart() == null ? ""
                : Text.get("review.summary.readyAfter", s.minutesToReadyFromInfusionStart()));
    }

    private static Div item(String id, String label, String value) {
        Span l = new Span(label);
        l.addClassName("label");
        Span v = new Span(value);
        v.addClassName("value");
        v.setId(id);
        return new Div(l, v);
    }
}
