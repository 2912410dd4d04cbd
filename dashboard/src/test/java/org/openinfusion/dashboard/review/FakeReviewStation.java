package org.openinfusion.dashboard.review;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewFilter.RecordState;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.Signature;
import org.openinfusion.station.clinical.review.TrendWindow;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.security.BusGuard;

/**
 * The station's review side, faked on a real event bus: answers the {@code REVIEW_*} addresses with canned records
 * and keeps every request (and the token it came with) for the tests to check.
 */
final class FakeReviewStation {
    static final String PASSWORD = "secret-pw";
    static final String WRONG_PASSWORD = "Wrong password: 4 attempts left before the account is locked.";

    final List<Object> requests = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    volatile SessionRecord record = CannedRecords.record();
    /** What a list request answers, whatever its filter. */
    volatile List<SessionListing> listing = List.of(CannedRecords.unsigned(), CannedRecords.signed());
    /** When set, signing fails with this code and message whatever the password. */
    volatile Integer signFailure;
    volatile String signFailureMessage;
    /** How long writing an export takes (e.g. the EDF+ of a long record). */
    volatile Duration exportDelay = Duration.ZERO;
    /** Spool files the dashboard acknowledged on arrival, and those it did not (then deleted, as the station does). */
    final List<Path> taken = new CopyOnWriteArrayList<>();
    final List<Path> notTaken = new CopyOnWriteArrayList<>();
    private final MessageConsumer<ReviewRequest.Export> exports;
    /** How long opening a record takes (a long session read from the store). */
    volatile Duration recordDelay = Duration.ZERO;
    /** When set, waveform requests are kept unanswered until {@link #answerHeldWaveforms}. */
    volatile boolean holdWaveforms;
    private final List<Message<ReviewRequest.Waveform>> heldWaveforms = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    FakeReviewStation(Vertx vertx) {
        EventBus bus = vertx.eventBus();
        for (Class<?> type : List.of(ReviewRequest.ListSessions.class, ReviewRequest.OpenRecord.class, ReviewRequest.Waveform.class, ReviewRequest.Trends.class, TrendWindow.class,
                ReviewRequest.Sign.class, ReviewRequest.Amend.class, ReviewRequest.Export.class, SessionListing.SessionListings.class,
                SessionRecord.class, WaveformWindow.class, ExportFile.class)) {
            registerIfMissing(bus, type);
        }
        bus.<ReviewRequest.ListSessions>consumer(Addresses.REVIEW_LIST, m -> answer(m, new SessionListing.SessionListings(listing)));
        bus.<ReviewRequest.OpenRecord>consumer(Addresses.REVIEW_RECORD, m -> {
            if (!m.body().sessionId().equals(record.listing().sessionId())) {
                keep(m);
                m.fail(404, "No session " + m.body().sessionId() + ".");
                return;
            }
            Duration delay = recordDelay;
            if (delay.isZero()) {
                answer(m, record);
            } else {
                keep(m);
                vertx.setTimer(delay.toMillis(), id -> m.reply(record));
            }
        });
        // a zoomed window of the canned record's full-resolution trends (CannedRecords.record), as the station reads it
        bus.<ReviewRequest.Trends>consumer(Addresses.REVIEW_TRENDS, m -> answer(m, new TrendWindow(m.body().from(), m.body().to(),
                CannedRecords.record().trends().stream().map(t -> CannedRecords.within(t, m.body().from(), m.body().to())).toList(), true, null)));
        bus.<ReviewRequest.Waveform>consumer(Addresses.REVIEW_WAVEFORM, m -> {
            if (holdWaveforms) {
                keep(m);
                heldWaveforms.add(m);
            } else {
                answer(m, waveform(m.body()));
            }
        });
        bus.<ReviewRequest.Sign>consumer(Addresses.REVIEW_SIGN, this::sign);
        bus.<ReviewRequest.Amend>consumer(Addresses.REVIEW_AMEND, this::amend);
        exports = bus.<ReviewRequest.Export>consumer(Addresses.REVIEW_EXPORT, m -> {
            keep(m);
            if (refused.contains(m.body().sessionId())) {
                m.fail(404, "No session " + m.body().sessionId() + ".");
                return;
            }
            Duration delay = exportDelay;
            if (delay.isZero()) {
                handOver(m);
            } else {
                vertx.setTimer(delay.toMillis(), id -> handOver(m));
            }
        });
    }

    /** Answers the held waveform requests that {@code which} accepts, keeping the others held. */
    void answerHeldWaveforms(Predicate<ReviewRequest.Waveform> which) {
        for (Message<ReviewRequest.Waveform> m : List.copyOf(heldWaveforms)) {
            if (which.test(m.body())) {
                heldWaveforms.remove(m);
                m.reply(waveform(m.body()));
            }
        }
    }

    /** Exports of {@code sessionId} are refused with 404, as the station refuses an unknown session. */
    /** Answers the waveform requests held so far (and answers the next ones at once). */
    void answerHeldWaveforms() {
        holdWaveforms = false;
        for (Message<ReviewRequest.Waveform> m : heldWaveforms) {
            m.reply(waveform(m.body()));
        }
        heldWaveforms.clear();
    }

    void refuseExportsOf(String sessionId) {
        refused.add(sessionId);
    }

    /** The station's review worker goes away: exports have nobody to answer them. */
    void stopExports() throws Exception {
        exports.unregister().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** As the station does: a spooled file is handed over and its acknowledgement awaited; one not taken is deleted. */
    private void handOver(Message<ReviewRequest.Export> m) {
        ExportFile file = export(m.body());
        if (file.spooled() == null) {
            m.reply(file);
            return;
        }
        m.replyAndRequest(file, new DeliveryOptions().setSendTimeout(5000)).onComplete(ack -> {
            if (ack.succeeded()) {
                taken.add(file.spooled());
            } else {
                file.discard();
                notTaken.add(file.spooled());
            }
        });
    }

    /**
     * The file the station writes for {@code r}: its bytes name the request (and the window), so a test can compare them.
     * EDF+ comes in a spool file, as the station streams it (the download deletes it).
     */
    static ExportFile export(ReviewRequest.Export r) {
        String prefix = r.sessionId() == null ? "study" : r.sessionId();
        String content = r.format().key() + "," + prefix + "," + (r.filter() == null ? "" : r.filter().toString())
                + (r.from() == null ? "" : "," + r.from() + "," + r.to()) + "\nç,é\n";
        String name = prefix + "-" + r.format().fileSuffix();
        if (r.format() != ExportFormat.EDF_PLUS) {
            return new ExportFile(name, r.format().mediaType(), content.getBytes(StandardCharsets.UTF_8));
        }
        try {
            Path spool = Files.createTempFile("fake-export-", ".part");
            Files.writeString(spool, content);
            return new ExportFile(name, r.format().mediaType(), null, spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of {@link #export(ReviewRequest.Export)}, its spool file deleted again. */
    static byte[] exported(ReviewRequest.Export r) {
        ExportFile f = export(r);
        byte[] bytes = f.content();
        f.discard();
        return bytes;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> requests(Class<T> type) {
        return (List<T>) requests.stream().filter(type::isInstance).toList();
    }

    private void keep(Message<?> m) {
        requests.add(m.body());
        tokens.add(String.valueOf(m.headers().get(BusGuard.TOKEN_HEADER)));
    }

    private void answer(Message<?> m, Object reply) {
        keep(m);
        m.reply(reply);
    }

    private void sign(Message<ReviewRequest.Sign> m) {
        keep(m);
        if (signFailure != null) {
            m.fail(signFailure, signFailureMessage);
        } else if (!new String(m.body().password()).equals(PASSWORD)) {
            m.fail(422, WRONG_PASSWORD);
        } else {
            SessionRecord r = record;
            SessionListing l = r.listing();
            Signature s = new Signature("doc", "Dr Doc", m.body().meaning(), Instant.now(), 99);
            List<Signature> signatures = new ArrayList<>(r.signatures());
            signatures.add(s);
            record = CannedRecords.record(new SessionListing(l.sessionId(), l.subjectCode(), l.protocolId(), l.protocolVersion(), l.bed(),
                    l.createdAt(), l.closedAt(), RecordState.SIGNED, s, false, false, l.protocolTitle()), signatures, r.amendments());
            m.reply(record);
        }
    }

    private void amend(Message<ReviewRequest.Amend> m) {
        keep(m);
        SessionRecord r = record;
        List<SessionRecord.Amendment> amendments = new ArrayList<>(r.amendments());
        amendments.add(new SessionRecord.Amendment("doc", Instant.now(), m.body().reason(), m.body().kind() == ReviewRequest.AmendmentKind.NOTE
                ? "Late note" : "Rating correction", m.body().text(), 100));
        record = CannedRecords.record(r.listing(), r.signatures(), amendments);
        m.reply(record);
    }

    /** 20 s of a 1 Hz sine at 500 Hz around the moment, in mV. */
    private static WaveformWindow waveform(ReviewRequest.Waveform w) {
        int n = (int) ((w.before().toMillis() + w.after().toMillis()) / 2);
        long first = (w.at().toEpochMilli() - w.before().toMillis()) * 1000;
        long[] t = new long[n];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + i * 2000L;
            v[i] = (float) Math.sin(2 * Math.PI * i / 500.0);
        }
        return new WaveformWindow(w.stream(), t, v, null);
    }

    private static <T> void registerIfMissing(EventBus bus, Class<T> type) {
        try {
            bus.registerDefaultCodec(type, new Local<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // the station's Codecs has it
        }
    }

    /** Passes a record by reference, as the station's local codecs do. */
    private record Local<T>(Class<T> type) implements MessageCodec<T, T> {
        @Override
        public void encodeToWire(Buffer buffer, T t) {
            throw new UnsupportedOperationException("local only");
        }

        @Override
        public T decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("local only");
        }

        @Override
        public T transform(T t) {
            return t;
        }

        @Override
        public String name() {
            return "test-local:" + type.getName();
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
