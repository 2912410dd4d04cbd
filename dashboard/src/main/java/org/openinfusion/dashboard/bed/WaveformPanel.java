package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

/** ECG (lead selectable), pleth and capnogram as sweeping traces at their native rates. */
final class WaveformPanel extends Div {
    private final Select<Stream> lead = new Select<>();
    private final SweepTrace ecg = new SweepTrace("trace-ecg", "#2ecc71");
    private final SweepTrace pleth = new SweepTrace("trace-pleth", "#00bcd4");
    private final SweepTrace co2 = new SweepTrace("trace-co2", "#f1c40f");

    WaveformPanel() {
        addClassName("waves");
        lead.setItems(Stream.ECG_I, Stream.ECG_II, Stream.ECG_III);
        lead.setItemLabelGenerator(s -> "ECG " + s.key().substring(4).toUpperCase(java.util.Locale.ROOT));
        lead.setValue(Stream.ECG_II);
        lead.setId("ecg-lead");
        lead.addClassName("lead-select");
        add(row(lead, ecg), row(new Span("Pleth"), pleth), row(new Span("CO2 mmHg"), co2));
    }

    private static Div row(com.vaadin.flow.component.Component label, SweepTrace trace) {
        Div r = new Div(label, trace);
        r.addClassName("wave-row");
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
}
