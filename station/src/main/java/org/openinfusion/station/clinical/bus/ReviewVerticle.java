package org.openinfusion.station.clinical.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.review.ReviewException;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.ReviewService;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Permission;
import org.openinfusion.station.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The physician's review on the bus: list, record, waveform, sign, amend, export (docs/review.md). Deploy as a
 * WORKER verticle: requests block on the audit file, the time-series store and bcrypt, and one worker keeps them
 * in order. Exports are written on their own pool of {@link #EXPORT_WORKERS} threads ({@code station-review-export}),
 * so that a long one (a 4-hour EDF+ file) never holds up a list, an open or a signature; more exports than that wait
 * for a free thread in the order they came. Waveform windows are read on a thread of their own
 * ({@code station-review-waveform}, one window at a time, answered in the order asked), so that the windows a record
 * page asks ahead never hold up the next page's list or record. Every request is admitted by the {@link BusGuard}
 * first (401 signed out, 403 wrong role) on the review worker, and an empty one is refused (400); failures carry the
 * {@link ReviewException} code and message. Logs name addresses and codes, never a subject.
 */
public final class ReviewVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewVerticle.class);

    /** How long a spooled export waits for its requester's acknowledgement before it is deleted. */
    static final Duration HAND_OVER_TIMEOUT = Duration.ofSeconds(30);

    /** How many exports are written at once; further ones wait for a free thread. */
    public static final int EXPORT_WORKERS = 2;

    /** Longer than this on an export thread is logged by Vert.x's blocked-thread checker (a 4-hour EDF+ takes minutes). */
    private static final Duration EXPORT_MAX_TIME = Duration.ofMinutes(30);

    private final ReviewService review;
    private final BusGuard guard;
    private WorkerExecutor exports;
    private WorkerExecutor waveforms;

    public ReviewVerticle(ReviewService review, BusGuard guard) {
        this.review = review;
        this.guard = guard;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        exports = vertx.createSharedWorkerExecutor("station-review-export", EXPORT_WORKERS, EXPORT_MAX_TIME.toMillis(),
                TimeUnit.MILLISECONDS);
        waveforms = vertx.createSharedWorkerExecutor("station-review-waveform", 1);
        bus.<ReviewRequest.ListSessions>localConsumer(Addresses.REVIEW_LIST,
                m -> serve(m, Permission.REVIEW_READ, who -> review.list(m.body().filter())));
        bus.<ReviewRequest.OpenRecord>localConsumer(Addresses.REVIEW_RECORD,
                m -> serve(m, Permission.REVIEW_READ, who -> review.open(m.body().sessionId())));
        bus.<ReviewRequest.Trends>localConsumer(Addresses.REVIEW_TRENDS,
                m -> serve(m, Permission.REVIEW_READ, who -> review.trends(m.body())));
        // ordered: one window at a time, answered in the order asked, beside the review worker
        bus.<ReviewRequest.Waveform>localConsumer(Addresses.REVIEW_WAVEFORM,
                m -> offload(m, Permission.REVIEW_READ, waveforms, true, who -> review.waveform(m.body()), m::reply));
        bus.<ReviewRequest.Sign>localConsumer(Addresses.REVIEW_SIGN, m -> {
            serve(m, Permission.RECORD_SIGN, who -> {
                var signed = review.sign(who, m.body(), !guard.signedBefore(m));
                guard.signatureMade(m);
                return signed;
            });
            if (m.body() != null) {
                Arrays.fill(m.body().password(), '\0'); // also when the guard refused the request
            }
        });
        bus.<ReviewRequest.Sign>localConsumer(Addresses.REVIEW_SIGN_VISIT, m -> {
            serve(m, Permission.RECORD_SIGN, who -> {
                var signed = review.signVisit(who, m.body(), !guard.signedBefore(m));
                guard.signatureMade(m);
                return signed;
            });
            if (m.body() != null) {
                Arrays.fill(m.body().password(), '\0'); // also when the guard refused the request
            }
        });
        bus.<ReviewRequest.Amend>localConsumer(Addresses.REVIEW_AMEND, m -> serve(m, Permission.RECORD_AMEND, who -> review.amend(who, m.body())));
        // unordered: the pool's threads take exports side by side
        bus.<ReviewRequest.Export>localConsumer(Addresses.REVIEW_EXPORT,
                m -> offload(m, Permission.EXPORT, exports, false, who -> export(who, m.body()), answer -> handOver(m, answer)));
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return Future.all(close(exports), close(waveforms));
    }

    private static Future<?> close(WorkerExecutor executor) {
        return executor == null ? Future.succeededFuture() : executor.close();
    }

    /**
     * Admits the request on the review worker, then does its work on {@code executor}; the answer comes back on this
     * verticle's context.
     */
    private <T> void offload(Message<T> m, Permission permission, WorkerExecutor executor, boolean ordered,
                             Function<Principal, Object> work, Consumer<Object> answer) {
        admit(m, permission).ifPresent(who -> {
            executor.executeBlocking(() -> work.apply(who), ordered).onComplete(done -> {
                if (done.succeeded()) {
                    answer.accept(done.result());
                } else {
                    fail(m, who, done.cause());
                }
            });
        });
    }

    private ExportFile export(Principal who, ReviewRequest.Export r) {
        long started = System.nanoTime();
        ExportFile file = review.export(who, r);
        LOG.info("{} export of {} bytes written in {} ms", r.format().key(), file.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return file;
    }

    /**
     * Hands a spooled export over: the requester acknowledges it on arrival and owns the file from then on. A
     * requester that has gone (its wait timed out, the browser left) cannot: the spool file is deleted here, and
     * not left until the next start.
     */
    private void handOver(Message<?> m, Object answer) {
        if (!(answer instanceof ExportFile file) || file.spooled() == null) {
            m.reply(answer);
            return;
        }
        long size = file.size();
        m.replyAndRequest(file, new DeliveryOptions().setSendTimeout(HAND_OVER_TIMEOUT.toMillis())).onFailure(notTaken -> {
            file.discard();
            LOG.warn("export of {} bytes not taken by its requester ({}): spool file deleted", size, notTaken instanceof ReplyException re
                    ? re.failureType() : notTaken.getClass().getSimpleName());
        });
    }

    private <T> void serve(Message<T> m, Permission permission, Function<Principal, Object> work) {
        admit(m, permission).ifPresent(who -> {
            try {
                m.reply(work.apply(who));
            } catch (RuntimeException e) {
                fail(m, who, e);
            }
        });
    }

    /**
     * Who asked, when the {@link BusGuard} admits the request and it has a body; otherwise the request has been refused
     * (by the guard, or here with 400 for an empty one) and nothing is to be done.
     */
    private <T> Optional<Principal> admit(Message<T> m, Permission permission) {
        return guard.admit(m, permission).filter(who -> {
            if (m.body() == null) {
                fail(m, who, ReviewException.badRequest("Empty review request."));
                return false;
            }
            return true;
        });
    }

    /** The failure's bus answer: a {@link ReviewException}'s code and message, 400 for a malformed request, else 500. */
    private static void fail(Message<?> m, Principal who, Throwable e) {
        switch (e) {
            case ReviewException r -> {
                LOG.info("review request on {} by {} refused: {}", m.address(), who.userId(), r.code());
                m.fail(r.code(), r.getMessage());
            }
            case ClassCastException c -> m.fail(ReviewException.BAD_REQUEST, "Bad review request: " + c.getMessage());
            case IllegalArgumentException i -> m.fail(ReviewException.BAD_REQUEST, "Bad review request: " + i.getMessage());
            default -> {
                LOG.error("review request on {} by {} failed: {}", m.address(), who.userId(), e.getClass().getName());
                m.fail(ReviewException.FAILED, "The station could not do this: " + e.getMessage());
            }
        }
    }
}
