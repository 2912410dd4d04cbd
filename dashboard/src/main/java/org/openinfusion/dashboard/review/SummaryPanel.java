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
            add(item("summary-none", "Summary", "not available"));
            return;
        }
        add(item("summary-bp-pre", "BP pre-dose", ReviewFormat.bloodPressure(s.preDose())),
                item("summary-bp-40", "BP at 40 min", ReviewFormat.bloodPressure(s.at40Minutes())),
                item("summary-bp-end", "BP at end of infusion", ReviewFormat.bloodPressure(s.atEnd())),
                item("summary-peak", "Peak dissociation", peak(s)),
                item("summary-sedation", "Lowest MOAA/S", s.lowestSedationScore() == null ? "-" : s.lowestSedationScore().toString()),
                item("summary-monitored", "Minutes monitored", s.minutesMonitored() == null ? "-" : s.minutesMonitored() + " min"),
                item("summary-ready", "Ready for discharge", ready(s)),
                item("summary-counts", "Alarms / adverse events / deviations",
                        s.alarmsRaised() + " / " + s.adverseEvents() + " / " + s.deviations()));
    }

    /** e.g. "CADSS total 24 at T+40 min": the form, its total and the time point as staff name it. */
    static String peak(Summary s) {
        if (s.peakDissociation() == null) {
            return "-";
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
                : ", " + s.minutesToReadyFromInfusionStart() + " min from infusion start");
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
