package org.openinfusion.station.clinical.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.domain.Stream;

/**
 * What the review pages ask of the station (addresses {@code Addresses.REVIEW_*}). The caller's sign-in token
 * travels in a header; the station checks the role of every request (physicians only).
 */
public sealed interface ReviewRequest {
    /** REVIEW_LIST -> {@link SessionListings}. */
    record ListSessions(ReviewFilter filter) implements ReviewRequest {
        public ListSessions {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** REVIEW_RECORD -> {@link SessionRecord}; fails 404 for an unknown session. */
    record OpenRecord(String sessionId) implements ReviewRequest {
        public OpenRecord {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * REVIEW_TRENDS -> {@link TrendWindow}: the session's trends with station time in [from, to) (within the session's
     * window): a stream with at most twice {@code ReviewService.DETAIL_BUCKETS} values there at full resolution, a denser
     * one as each bucket's extremes: what the timeline shows of a zoomed window.
     */
    record Trends(String sessionId, Instant from, Instant to) implements ReviewRequest {
        public Trends {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the window ends before it starts");
            }
        }
    }

    /**
     * REVIEW_WAVEFORM -> {@link WaveformWindow}: {@code stream} of the session's bed from at-before to at+after
     * (at most 2 minutes). A null {@code stream} means ECG II; a stream that is not a waveform fails 400.
     */
    record Waveform(String sessionId, Stream stream, Instant at, Duration before, Duration after) implements ReviewRequest {
        public Waveform {
            Objects.requireNonNull(sessionId, "sessionId");
            stream = stream == null ? Stream.ECG_II : stream;
            Objects.requireNonNull(at, "at");
            if (before.isNegative() || after.isNegative() || before.plus(after).compareTo(Duration.ofMinutes(2)) > 0) {
                throw new IllegalArgumentException("a waveform window is at most 2 minutes");
            }
        }
    }

    /**
     * REVIEW_SIGN -> {@link SessionRecord}: the physician's e-signature (user id from the sign-in, password entered
     * again, meaning stated). Fails 422 wrong password (counts towards the lock), 423 account locked, 409 when the
     * session is not closed or is already signed and unchanged since, or when the record changed after the signer
     * opened it ({@code seenLastSeq}: the {@link SessionRecord#lastSeq()} of the record shown; 0 skips that check),
     * or when its vital signs cannot be read. The station clears {@code password} after the check. {@code userId}: the
     * user id entered with the password; the first signature of a sign-in needs it (422 without it, or when it is not
     * the signed-in user's), later ones may leave it empty (21 CFR 11.200(a)(1)).
     */
    record Sign(String sessionId, SignatureMeaning meaning, char[] password, long seenLastSeq, String userId) implements ReviewRequest {
        public Sign {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(meaning, "meaning");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(userId, "userId");
        }

        /** A signature with the password only, bound to the shown version {@code seenLastSeq} of the record. */
        public Sign(String sessionId, SignatureMeaning meaning, char[] password, long seenLastSeq) {
            this(sessionId, meaning, password, seenLastSeq, "");
        }

        /** A signature not bound to a shown version of the record (tools and tests). */
        public Sign(String sessionId, SignatureMeaning meaning, char[] password) {
            this(sessionId, meaning, password, 0);
        }

        @Override
        public String toString() {
            return "Sign[" + sessionId + ", " + meaning + "]";
        }
    }

    /**
     * REVIEW_AMEND -> {@link SessionRecord}: a change to a closed record, always with a reason. {@code kind} NOTE adds
     * {@code text} as a late entry; RATING replaces the answers of rating {@code ratingId} (item id -> value, or
     * the text "not assessed: reason"); ADVERSE_EVENT records {@code adverseEvent} (a new one, or a later version of
     * one already recorded, by its id) after the session closed. Shown as an amendment; a signed record needs signing
     * again.
     */
    record Amend(String sessionId, AmendmentKind kind, String reason, String text, String ratingId, Map<String, Object> answers,
                 AdverseEvent adverseEvent) implements ReviewRequest {
        public Amend {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(kind, "kind");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an amendment needs a reason");
            }
            answers = answers == null ? Map.of() : Map.copyOf(answers);
        }

        /** A note or a rating correction. */
        public Amend(String sessionId, AmendmentKind kind, String reason, String text, String ratingId, Map<String, Object> answers) {
            this(sessionId, kind, reason, text, ratingId, answers, null);
        }

        /** An adverse event recorded (or updated) after the session closed. */
        public static Amend adverseEvent(String sessionId, String reason, AdverseEvent event) {
            return new Amend(sessionId, AmendmentKind.ADVERSE_EVENT, reason, null, null, Map.of(), Objects.requireNonNull(event, "adverse event"));
        }
    }

    /**
     * REVIEW_EXPORT -> {@code ExportFile}; {@code sessionId} null exports every session the filter matches; {@code from}
     * and {@code to} (edf-plus only, both or neither): a time window of the session instead of the whole.
     */
    record Export(String sessionId, ReviewFilter filter, ExportFormat format, Instant from, Instant to) implements ReviewRequest {
        public Export {
            Objects.requireNonNull(format, "format");
        }

        /** The whole of each session. */
        public Export(String sessionId, ReviewFilter filter, ExportFormat format) {
            this(sessionId, filter, format, null, null);
        }
    }

    enum AmendmentKind { NOTE, RATING, ADVERSE_EVENT }
}
