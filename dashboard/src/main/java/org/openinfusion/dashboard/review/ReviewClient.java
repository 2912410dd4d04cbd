package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.UI;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing.SessionListings;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.TrendWindow;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review pages' requests to the station ({@code Addresses.REVIEW_*}), on behalf of the signed-in physician.
 * Answers arrive under the UI lock; refusals reach {@code failed} with the station's message as it is.
 */
final class ReviewClient {
    /**
     * How long a download waits for the station to write an export. Far longer than an ordinary request
     * ({@link CurrentUser#TIMEOUT_MILLIS}): the EDF+ of a whole session reads every waveform sample from the store.
     */
    static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(ReviewClient.class);

    private final StationRequests requests;
    private final Duration exportTimeout;

    /** Construct under the UI lock: takes the signed-in user's token. */
    ReviewClient(Vertx vertx, UI ui) {
        this(vertx, ui, EXPORT_TIMEOUT);
    }

    /** As above, with another wait for exports (tests). */
    ReviewClient(Vertx vertx, UI ui, Duration exportTimeout) {
        this.requests = new StationRequests(vertx, ui);
        this.exportTimeout = exportTimeout;
    }

    void list(ReviewRequest.ListSessions r, Consumer<SessionListings> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_LIST, r, done, failed);
    }

    void open(String sessionId, Consumer<SessionRecord> done, Consumer<String> failed) {
        requests.request(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord(sessionId), done, failed);
    }

    /** The station's answer to opening a record, as a future; any thread. */
    Future<SessionRecord> open(String sessionId) {
        return requests.send(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord(sessionId));
    }

    /** The station's answer to a listing, as a future; any thread. */
    Future<SessionListings> list(ReviewRequest.ListSessions r) {
        return requests.send(Addresses.REVIEW_LIST, r);
    }

    /** Hands {@code answer}'s outcome to the UI thread, as the other requests do (an expired sign-in: the sign-in page). */
    <T> void deliver(Future<T> answer, Consumer<T> done, Consumer<String> failed) {
        requests.deliver(answer, done, failed);
    }

    /**
     * {@code answer}'s value when it succeeds within {@code wait}, else empty (not yet answered, or refused: then
     * {@link #deliver} hands it over as usual). Blocks the calling thread: for a request's own thread only, never the
     * bus's.
     */
    static <T> Optional<T> within(Future<T> answer, Duration wait) {
        try {
            return Optional.of(answer.toCompletionStage().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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

    /**
     * Blocks for the station's export, up to {@link #EXPORT_TIMEOUT}: call only from a download request's thread,
     * never on the UI's or the bus's. The answer is acknowledged at once: from then on this side owns a spooled file
     * (the station deletes one nobody acknowledged). No answer in time is 504, no station 503, a refusal the
     * station's code and message; each is logged without the record's identifiers.
     */
    ExportFile export(ReviewRequest.Export r) throws ExportRefused {
        long started = System.nanoTime();
        CompletableFuture<ExportFile> answer = requests.<ExportFile>ask(Addresses.REVIEW_EXPORT, r, exportTimeout.toMillis())
                .map(m -> {
                    m.reply(Boolean.TRUE); // taken: the station keeps its spool file for this download
                    return m.body();
                }).toCompletionStage().toCompletableFuture();
        try {
            return answer.get(exportTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw refused(r, e.getCause(), started);
        } catch (TimeoutException e) {
            answer.thenAccept(ExportFile::discard); // an answer after all: nobody will fetch it
            throw refused(r, new ReplyException(ReplyFailure.TIMEOUT, "no answer"), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.thenAccept(ExportFile::discard);
            throw new ExportRefused(503, Text.get("download.unavailable"));
        }
    }

    private ExportRefused refused(ReviewRequest.Export r, Throwable cause, long started) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        ExportRefused refused;
        if (cause instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT) {
            refused = new ExportRefused(504, Text.get("download.timeout", exportTimeout.toMinutes() >= 1
                    ? exportTimeout.toMinutes() + " min" : exportTimeout.toSeconds() + " s"));
        } else if (cause instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            refused = new ExportRefused(503, Text.get("download.unavailable"));
        } else if (cause instanceof ReplyException re && re.failureCode() >= 400 && re.failureCode() < 600) {
            refused = new ExportRefused(re.failureCode(), Text.get("download.refused", re.getMessage()));
        } else {
            refused = new ExportRefused(500, Text.get("download.failed"));
        }
        // the format, the code and the time only: the station's message may name the record
        if (refused.code() >= 500) {
            LOG.warn("{} export failed with {} after {} s ({})", r.format().key(), refused.code(), seconds,
                    cause instanceof ReplyException re ? re.failureType() : cause.getClass().getSimpleName());
        } else {
            LOG.info("{} export refused by the station with {} after {} s", r.format().key(), refused.code(), seconds);
        }
        return refused;
    }

    /** The station refused an export, or did not answer: the HTTP code and what staff read. */
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
