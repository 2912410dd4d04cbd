package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.UI;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing.SessionListings;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.TrendWindow;
import org.openinfusion.station.clinical.review.WaveformWindow;

/**
 * The review pages' requests to the station ({@code Addresses.REVIEW_*}), on behalf of the signed-in physician.
 * Answers arrive under the UI lock; refusals reach {@code failed} with the station's message as it is.
 */
final class ReviewClient {
    private final StationRequests requests;

    /** Construct under the UI lock: takes the signed-in user's token. */
    ReviewClient(Vertx vertx, UI ui) {
        this.requests = new StationRequests(vertx, ui);
    }

    void list(ReviewRequest.ListSessions r, Consumer<SessionListings> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_LIST, r, done, failed);
    }

    void open(String sessionId, Consumer<SessionRecord> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord(sessionId), done, failed);
    }

    void trends(ReviewRequest.Trends r, Consumer<TrendWindow> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_TRENDS, r, done, failed);
    }

    void waveform(ReviewRequest.Waveform r, Consumer<WaveformWindow> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_WAVEFORM, r, done, failed);
    }

    void amend(ReviewRequest.Amend r, Consumer<SessionRecord> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_AMEND, r, done, failed);
    }

    /**
     * Signs. A wrong password (422), a lock (423) or a state conflict (409) reaches {@code failed} with the station's
     * message, shown in the dialog; an expired sign-in (401) goes to the sign-in page like any other request.
     */
    void sign(ReviewRequest.Sign r, Consumer<SessionRecord> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_SIGN, r, done, failed);
    }

    /** Blocks for the station's export: call only from a download request's thread, never on the UI's or the bus's. */
    ExportFile export(ReviewRequest.Export r) throws ExportRefused {
        Future<ExportFile> f = requests.send(Addresses.REVIEW_EXPORT, r);
        try {
            return f.toCompletionStage().toCompletableFuture().get(CurrentUser.TIMEOUT_MILLIS + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            int code = e.getCause() instanceof ReplyException re ? re.failureCode() : 500;
            throw new ExportRefused(code, e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new ExportRefused(504, "The station did not answer in time.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportRefused(503, "Interrupted.");
        }
    }

    /** The station refused an export, or did not answer: its code and message. */
    static final class ExportRefused extends Exception {
        private final int code;

        ExportRefused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
