package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.domain.Stream;

/**
 * The stored ECG (lead selectable) and pleth from {@value #SECONDS} s before to {@value #SECONDS} s after an alarm or marker,
 * and that window of every waveform as an EDF+ download. One dialog per record page, made on the first click and shown
 * again for every later one ({@link #show}): the browser keeps its elements, so a click costs no new dialog; the windows
 * come from the page's {@link WaveformCache}, which asked the station for them before the click (docs/performance.md,
 * "Review").
 */
final class WaveformDialog extends Dialog {
    static final int SECONDS = 10;

    /** The page's current station client (a new one each time the page is attached). */
    private final Supplier<ReviewClient> client;
    private final String sessionId;
    private final WaveformCache windows;
    private final Select<Stream> lead = new Select<>();
    private final WaveformTrace ecg = new WaveformTrace("waveform-ecg");
    private final WaveformTrace pleth = new WaveformTrace("waveform-pleth");
    private final Span status = new Span();
    private final ExportDownload edf;
    private TimelineEvent event;
    /** Which {@link #show} the answers belong to: a late answer for an earlier event is dropped. */
    private int shown;

    WaveformDialog(Supplier<ReviewClient> client, String sessionId, WaveformCache windows) {
        this.client = client;
        this.sessionId = sessionId;
        this.windows = windows;
        setId("waveform-dialog");
        setWidth("min(1100px, 95vw)");
        lead.setId("waveform-lead");
        lead.setItems(Stream.ECG_I, Stream.ECG_II, Stream.ECG_III);
        lead.setItemLabelGenerator(s -> Text.get("review.wave.ecg", s.key().substring(4).toUpperCase(Locale.ROOT)));
        lead.setValue(Stream.ECG_II);
        lead.addValueChangeListener(e -> {
            windows.lead(e.getValue());
            if (event != null && isOpened()) {
                status.setText("");
                ecg.clear();
                load(e.getValue(), ecg, "#111");
            }
        });
        status.setId("waveform-status");
        pleth.addClassName("pleth");
        add(lead, status, ecg, pleth);
        Button close = new Button(Text.get("review.wave.close"), e -> close());
        close.setId("waveform-close");
        // the same window of every waveform, with the session's events, as an EDF+ file (docs/exports.md)
        Duration side = Duration.ofSeconds(SECONDS);
        edf = new ExportDownload(client, () -> new ReviewRequest.Export(sessionId, ReviewFilter.ALL,
                ExportFormat.EDF_PLUS, event.at().minus(side), event.at().plus(side)));
        Anchor download = new Anchor(edf, AttachmentType.DOWNLOAD, Text.get("review.wave.download", 2 * SECONDS));
        download.setId("waveform-edf");
        getFooter().add(download, close);
    }

    /**
     * Shows {@code e}'s windows: from the page when they were asked for ahead (drawn in the same answer that opens the
     * dialog), else asked of the station first, so that the answer is on its way while the dialog opens.
     */
    void show(TimelineEvent e, String when) {
        event = e;
        shown++;
        ecg.clear();
        pleth.clear();
        status.setText("");
        load(lead.getValue(), ecg, "#111");
        load(Stream.PLETH, pleth, "#00838f");
        setHeaderTitle(ReviewFormat.category(e.category()) + ": " + ReviewFormat.title(e) + " - " + when);
        open();
    }

    private void load(Stream stream, WaveformTrace trace, String color) {
        int forShow = shown;
        WaveformCache.Key key = new WaveformCache.Key(stream, event.at());
        // where the window came from, for the review benchmark: "page" (asked ahead) or "station" (asked at the click)
        trace.getElement().setAttribute("data-from", windows.has(key) ? "page" : "station");
        windows.get(key, w -> {
            if (forShow == shown) {
                show(stream, trace, color, w);
            }
        }, message -> {
            if (forShow == shown) {
                note(message);
            }
        });
    }

    private void show(Stream stream, WaveformTrace trace, String color, WaveformTrace.Packed w) {
        String name = stream == Stream.PLETH ? Text.get("review.wave.pleth") : lead.getItemLabelGenerator().apply(stream);
        trace.show(Text.get("review.wave.axis", name, w.unit()), color, w);
        if (w.problem() != null) {
            note(name + ": " + w.problem());
        } else if (w.samples() == 0) {
            note(Text.get("review.wave.noSamples", name));
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
