package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.util.function.Supplier;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export as a browser download: asks the station when the link is followed (on the download request's thread,
 * never the UI's) and streams the file it writes under the name it gives. A refusal fails the download with the
 * station's code, no answer in time with 504, no station with 503; each is shown on the page in staff words.
 */
final class ExportDownload implements DownloadHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ExportDownload.class);

    private final Supplier<ReviewClient> client;
    private final Supplier<ReviewRequest.Export> request;
    private final Runnable done;

    ExportDownload(Supplier<ReviewClient> client, Supplier<ReviewRequest.Export> request) {
        this(client, request, () -> { });
    }

    /** {@code done}: told when the download was sent, refused or abandoned (the list's row stops showing it busy). */
    ExportDownload(Supplier<ReviewClient> client, Supplier<ReviewRequest.Export> request, Runnable done) {
        this.client = client;
        this.request = request;
        this.done = done;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        try {
            send(event);
        } finally {
            done.run();
        }
    }

    private void send(DownloadEvent event) throws IOException {
        ReviewClient c = client.get();
        if (c == null) {
            event.getResponse().setStatus(409);
            return;
        }
        try {
            ExportFile file = c.export(request.get());
            event.setFileName(file.fileName());
            event.setContentType(file.mediaType());
            long size = file.size();
            event.setContentLength(size);
            copy(file, size, event);
        } catch (ReviewClient.ExportRefused refused) {
            event.getResponse().setStatus(refused.code());
            show(event.getUI(), refused.getMessage());
        }
    }

    /** A spooled file (EDF+) is copied as a stream and deleted once sent, or when the browser went away meanwhile. */
    private static void copy(ExportFile file, long size, DownloadEvent event) throws IOException {
        try {
            file.copyTo(event.getOutputStream());
        } catch (IOException abandoned) {
            LOG.info("export download of {} bytes abandoned by the browser: {}", size, abandoned.getClass().getSimpleName());
            throw abandoned;
        } finally {
            file.discard();
        }
    }

    private static void show(UI ui, String message) {
        if (ui == null) {
            return;
        }
        ui.access(() -> {
            Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("export-refusal");
        });
    }
}
