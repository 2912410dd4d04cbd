package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.Locale;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.domain.Stream;

/**
 * The stored ECG (lead selectable) and pleth from {@value #SECONDS} s before to {@value #SECONDS} s after an alarm or marker,
 * and that window of every waveform as an EDF+ download.
 */
final class WaveformDialog extends Dialog {
    static final int SECONDS = 10;

    private final ReviewClient client;
    private final String sessionId;
    private final TimelineEvent event;
    private final Select<Stream> lead = new Select<>();
    private final WaveformTrace ecg = new WaveformTrace("waveform-ecg");
    private final WaveformTrace pleth = new WaveformTrace("waveform-pleth");
    private final Span status = new Span();
    private final ExportDownload edf;

    WaveformDialog(ReviewClient client, String sessionId, TimelineEvent event, String when) {
        this.client = client;
        this.sessionId = sessionId;
        this.event = event;
        setId("waveform-dialog");
        setHeaderTitle(ReviewFormat.category(event.category()) + ": " + ReviewFormat.title(event) + " - " + when);
        setWidth("min(1100px, 95vw)");
        lead.setId("waveform-lead");
        lead.setItems(Stream.ECG_I, Stream.ECG_II, Stream.ECG_III);
        lead.setItemLabelGenerator(s -> "ECG " + s.key().substring(4).toUpperCase(Locale.ROOT));
        lead.setValue(Stream.ECG_II);
        lead.addValueChangeListener(e -> {
            status.setText("");
            load(e.getValue(), ecg, "#111");
        });
        status.setId("waveform-status");
        pleth.addClassName("pleth");
        add(lead, status, ecg, pleth);
        Button close = new Button("Close", e -> close());
        close.setId("waveform-close");
        // the same window of every waveform, with the session's events, as an EDF+ file (docs/exports.md)
        Duration side = Duration.ofSeconds(SECONDS);
        edf = new ExportDownload(() -> client, () -> new ReviewRequest.Export(sessionId, ReviewFilter.ALL,
                ExportFormat.EDF_PLUS, event.at().minus(side), event.at().plus(side)));
        Anchor download = new Anchor(edf, AttachmentType.DOWNLOAD, "Download these " + 2 * SECONDS + " s (EDF+)");
        download.setId("waveform-edf");
        getFooter().add(download, close);
    }

    @Override
    public void open() {
        super.open();
        load(lead.getValue(), ecg, "#111");
        load(Stream.PLETH, pleth, "#00838f");
    }

    private void load(Stream stream, WaveformTrace trace, String color) {
        Duration side = Duration.ofSeconds(SECONDS);
        client.waveform(new ReviewRequest.Waveform(sessionId, stream, event.at(), side, side), w -> show(stream, trace, color, w),
                this::note);
    }

    private void show(Stream stream, WaveformTrace trace, String color, WaveformWindow w) {
        String name = stream == Stream.PLETH ? "Pleth" : lead.getItemLabelGenerator().apply(stream);
        trace.show(name + " (" + w.stream().unit() + "), seconds from the event", color, w, event.at());
        if (w.problem() != null) {
            note(name + ": " + w.problem());
        } else if (w.values().length == 0) {
            note(name + ": no stored samples in this window.");
        }
    }

    private void note(String message) {
        status.setText(status.getText().isEmpty() ? message : status.getText() + " " + message);
    }

    WaveformTrace ecg() {
        return ecg;
    }

    /** The EDF+ download of the dialog's window, for tests. */
    ExportDownload edf() {
        return edf;
    }

    WaveformTrace pleth() {
        return pleth;
    }
}
