package org.openinfusion.station.clinical.review;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openinfusion.station.clinical.audit.AuditChainBrokenException;
import org.openinfusion.station.clinical.audit.AuditTail;
import org.openinfusion.station.clinical.export.DeviceClocks;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.export.ExportRequest;
import org.openinfusion.station.clinical.export.ExportSpool;
import org.openinfusion.station.clinical.export.StudySite;
import org.openinfusion.station.clinical.export.Exports;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader.BucketExtremes;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.domain.StreamKind;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.Permission;
import org.openinfusion.station.security.Principal;

/**
 * Answers the review requests (docs/review.md) from the verified audit trail ({@link AuditTail}) and the
 * time-series store, and writes signatures and amendments through the audit trail. Every request first reads
 * what was appended to the audit file since the last one; a broken chain fails every request. Blocks on disk,
 * the store and bcrypt: call reads, signatures and amendments from one worker thread (the
 * {@code clinical.bus.ReviewVerticle}); {@link #export} may run beside them on other threads (the audit tail is
 * synchronized, the store reader and the audit port are thread-safe). Failures are {@link ReviewException}s carrying
 * their bus code.
 */
public final class ReviewService {
    private final AuditTail tail;
    private final AuditPort audit;
    private final TimeSeriesReader series;
    private final ProtocolCatalog protocols;
    private final InstrumentCatalog instruments;
    private final Authenticator authenticator;
    private final Clock clock;
    private final SessionRecords records;
    private final Amendments amendments;
    private final StudySite site;
    private final ExportSpool spool;

    public ReviewService(AuditTail tail, AuditPort audit, TimeSeriesReader series, ProtocolCatalog protocols,
                         InstrumentCatalog instruments, Authenticator authenticator, Clock clock) {
        this(tail, audit, series, protocols, instruments, authenticator, clock, StudySite.UNKNOWN);
    }

    /** As above; {@code site}: the study site the exports name (SDTM DM SITEID, COUNTRY). */
    public ReviewService(AuditTail tail, AuditPort audit, TimeSeriesReader series, ProtocolCatalog protocols,
                         InstrumentCatalog instruments, Authenticator authenticator, Clock clock, StudySite site) {
        this(tail, audit, series, protocols, instruments, authenticator, clock, site, ExportSpool.temporary());
    }

    /** As above; {@code spool}: where EDF+ exports are written before their download (the station's is swept at start). */
    public ReviewService(AuditTail tail, AuditPort audit, TimeSeriesReader series, ProtocolCatalog protocols,
                         InstrumentCatalog instruments, Authenticator authenticator, Clock clock, StudySite site, ExportSpool spool) {
        this.spool = spool;
        this.site = site;
        this.tail = tail;
        this.audit = audit;
        this.series = series;
        this.protocols = protocols;
        this.instruments = instruments;
        this.authenticator = authenticator;
        this.clock = clock;
        this.records = new SessionRecords(protocols, instruments);
        this.amendments = new Amendments(instruments);
    }

    public SessionListing.SessionListings list(ReviewFilter filter) {
        return new SessionListing.SessionListings(SessionIndex.list(sessions(), filter).stream().map(records::titled).toList());
    }

    /**
     * The record with its trends; when the store cannot answer, without them and with {@code storeProblem} set. A line
     * stream ({@link SessionRecords#LINE_STREAMS}) with more than twice {@link SessionRecords#OVERVIEW_BUCKETS} values in
     * the session (a long session: the timeline would thin it anyway) comes as each bucket's extremes, aggregated by the
     * store; every other stream at full resolution. The summary is the same as from every value (the cuff readings and the first and last vital signs are read whole); {@link #trends} gives a zoomed window.
     */
    public SessionRecord open(String sessionId) {
        SessionEntries s = session(sessionId);
        try {
            Read read = read(s, SessionRecords.window(s, clock.instant()), SessionRecords.OVERVIEW_BUCKETS);
            return read.bucket() == null ? records.build(s, read.values(), null)
                    : records.build(s, read.values(), read.extremes(), read.bucket(), null);
        } catch (TimeSeriesReader.StoreUnavailableException e) {
            return records.build(s, List.of(), e.getMessage());
        }
    }

    /** What was read of the store for a window: values at full resolution, and the dense streams' buckets (bucket null: none). */
    private record Read(List<StoredValue> values, List<BucketExtremes> extremes, Duration bucket) {
    }

    /**
     * Reads the trends of [from, to) at station time (each device's time corrected by its recorded clock offset, as in the
     * exports): first how many values each stream holds, then every value of the streams with at most twice
     * {@code buckets}, and of the others each bucket's extremes, plus their values in the first and the last bucket
     * of the vital signs (the summary's minutes monitored).
     */
    private Read read(SessionEntries s, SessionRecords.Window w, int buckets) {
        DeviceClocks clocks = new DeviceClocks(s.history());
        Set<org.openinfusion.station.domain.Stream> all = Set.copyOf(SessionRecords.TREND_STREAMS);
        Map<org.openinfusion.station.domain.Stream, Long> counts = clocks.numericCounts(series, s.bed(), all, w.from(), w.to());
        Set<org.openinfusion.station.domain.Stream> dense = SessionRecords.LINE_STREAMS.stream()
                .filter(st -> counts.getOrDefault(st, 0L) > 2L * buckets).collect(Collectors.toSet());
        if (dense.isEmpty()) {
            return new Read(clocks.numerics(series, s.bed(), all, w.from(), w.to()), List.of(), null);
        }
        Duration bucket = bucket(w.from(), w.to(), buckets);
        Set<org.openinfusion.station.domain.Stream> sparse = all.stream().filter(st -> !dense.contains(st)).collect(Collectors.toSet());
        List<StoredValue> values = new ArrayList<>(clocks.numerics(series, s.bed(), sparse, w.from(), w.to()));
        List<BucketExtremes> extremes = clocks.numericExtremes(series, s.bed(), dense, w.from(), w.to(), bucket);
        Set<org.openinfusion.station.domain.Stream> vitals = dense.stream().filter(SessionRecords.LINE_VITALS::contains)
                .collect(Collectors.toSet());
        List<BucketExtremes> ofVitals = extremes.stream().filter(b -> vitals.contains(b.stream())).toList();
        if (!ofVitals.isEmpty()) {
            Instant first = ofVitals.getFirst().start();
            Instant last = ofVitals.getLast().start();
            values.addAll(clocks.numerics(series, s.bed(), vitals, max(w.from(), first), min(w.to(), first.plus(bucket))));
            if (last.isAfter(first)) {
                values.addAll(clocks.numerics(series, s.bed(), vitals, max(w.from(), last), min(w.to(), last.plus(bucket))));
            }
        }
        return new Read(values, extremes, bucket);
    }

    /**
     * The trends of a window of a session (within its window): every stored value of a stream with at most twice
     * {@link #DETAIL_BUCKETS} values there, else each bucket's extremes, as in {@link #open}.
     */
    public TrendWindow trends(ReviewRequest.Trends r) {
        SessionEntries s = session(r.sessionId());
        SessionRecords.Window w = SessionRecords.window(s, clock.instant());
        Instant from = max(w.from(), r.from());
        Instant to = min(w.to(), r.to());
        if (!to.isAfter(from)) {
            return new TrendWindow(from, from, List.of(), true, null);
        }
        try {
            Read read = read(s, new SessionRecords.Window(from, to), DETAIL_BUCKETS);
            return new TrendWindow(from, to, SessionRecords.trends(read.values(), read.extremes(), read.bucket()), read.bucket() == null,
                    null);
        } catch (TimeSeriesReader.StoreUnavailableException e) {
            return new TrendWindow(from, to, List.of(), true, e.getMessage());
        }
    }

    /** Buckets of a zoomed window's dense streams. */
    public static final int DETAIL_BUCKETS = 3000;

    /** The bucket (whole seconds, at least one) that cuts [from, to) into at most {@code buckets}. */
    static Duration bucket(Instant from, Instant to, int buckets) {
        long millis = Duration.between(from, to).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + buckets * 1000L - 1) / (buckets * 1000L)));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public WaveformWindow waveform(ReviewRequest.Waveform r) {
        if (r.stream().kind() != StreamKind.WAVEFORM) {
            throw ReviewException.badRequest(r.stream().key() + " is not a waveform.");
        }
        SessionEntries s = session(r.sessionId());
        try {
            List<StoredValue> v = new DeviceClocks(s.history()).waveform(series, s.bed(), r.stream(), r.at().minus(r.before()),
                    r.at().plus(r.after()));
            long[] times = new long[v.size()];
            float[] values = new float[v.size()];
            for (int i = 0; i < v.size(); i++) {
                Instant t = v.get(i).time();
                times[i] = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
                values[i] = (float) v.get(i).value();
            }
            return new WaveformWindow(r.stream(), times, values, null);
        } catch (TimeSeriesReader.StoreUnavailableException e) {
            return new WaveformWindow(r.stream(), new long[0], new float[0], e.getMessage());
        }
    }

    /**
     * Signs a closed record: state checked first (409: not closed, already signed, changed since the signer opened it,
     * vital signs unreadable), then the password (422 wrong, 423 locked; wrong ones count towards the lock), then
     * that the account still holds a physician's role. The password array is cleared on every path.
     */
    public SessionRecord sign(Principal who, ReviewRequest.Sign r) {
        return sign(who, r, false);
    }

    /**
     * The same; {@code firstOfSignIn}: this sign-in has not signed before, so the user id must be entered with the
     * password (21 CFR 11.200(a)(1)): a signature without it is refused (422) before any password check, one with
     * another user's id is refused like a wrong password. Either way the confirmation is audited with its components.
     */
    public SessionRecord sign(Principal who, ReviewRequest.Sign r, boolean firstOfSignIn) {
        try {
            SessionEntries s = session(r.sessionId());
            SignOff.requireSignable(s, r.meaning(), who.userId());
            if (r.seenLastSeq() != 0 && r.seenLastSeq() != s.last().seq()) {
                throw ReviewException.conflict("Session " + s.sessionId() + " changed after you opened it (an amendment or a "
                        + "signature was added): reload the record, review the change, then sign.");
            }
            String storeProblem = open(s.sessionId()).storeProblem();
            if (storeProblem != null) {
                throw ReviewException.conflict("The vital signs of this session cannot be read now (" + storeProblem
                        + "): a record is signed only when all of it can be reviewed.");
            }
            Principal signer = signer(who, r, firstOfSignIn);
            audit.record(signer.userId(), s.history().id(), SignOff.signature(s, r.meaning(), signer, clock.instant()));
            return open(s.sessionId());
        } finally {
            Arrays.fill(r.password(), '\0');
        }
    }

    /**
     * The e-signature's signer: the user id on a sign-in's first signature, the password (422, 423 when locked), then a
     * role that may still sign (403).
     */
    private Principal signer(Principal who, ReviewRequest.Sign r, boolean firstOfSignIn) {
        if (firstOfSignIn && r.userId().isBlank()) {
            throw new ReviewException(ReviewException.WRONG_PASSWORD, FIRST_SIGNATURE);
        }
        Optional<String> enteredId = r.userId().isBlank() ? Optional.empty() : Optional.of(r.userId());
        Principal signer = switch (authenticator.confirm(who, enteredId, r.password())) {
            case Authenticator.Result.Accepted a -> a.principal();
            case Authenticator.Result.Refused refused -> throw new ReviewException(
                    refused.locked() ? ReviewException.LOCKED : ReviewException.WRONG_PASSWORD, refused.message());
        };
        if (!signer.may(Permission.RECORD_SIGN)) {
            throw new ReviewException(403, "Account " + signer.userId() + " no longer holds a role that may sign.");
        }
        return signer;
    }

    /**
     * Signs a completed rating visit (the record of one visit of a subject's timeline) by the same rules and checks as
     * a session ({@link VisitSignOff}): state first (404 unknown visit, 409 not completed or already signed), then the
     * user id on a sign-in's first signature and the password (422/423), then the signer's role. The signature is
     * written on the visit's own trail session; the password array is cleared on every path.
     */
    public VisitSignOff.VisitSignatures signVisit(Principal who, ReviewRequest.Sign r, boolean firstOfSignIn) {
        try {
            StudyVisits.VisitSession v = visit(r.sessionId());
            VisitSignOff.requireSignable(v, r.meaning(), who.userId());
            if (r.seenLastSeq() != 0 && VisitSignOff.lastChangeSeq(v) > r.seenLastSeq()) {
                throw ReviewException.conflict("This visit changed after you opened it: reload it, review the change, then sign.");
            }
            Principal signer = signer(who, r, firstOfSignIn);
            audit.record(signer.userId(), new SessionId(v.id()), VisitSignOff.signature(v, r.meaning(), signer, clock.instant()));
            return VisitSignOff.VisitSignatures.of(visit(v.id()));
        } finally {
            Arrays.fill(r.password(), '\0');
        }
    }

    /** A rating visit as its trail entries tell it; 404 when the id names none. */
    private StudyVisits.VisitSession visit(String visitSessionId) {
        if (visitSessionId == null || visitSessionId.isBlank()) {
            throw ReviewException.badRequest("No visit named.");
        }
        refresh();
        List<Recorded> entries = guarded(() -> tail.session(visitSessionId));
        TrailEvent.VisitStarted started = entries.isEmpty() ? null : entries.getFirst().as(TrailEvent.VisitStarted.class).orElse(null);
        if (started == null) {
            throw ReviewException.notFound(visitSessionId);
        }
        Optional<Instant> completed = entries.stream().flatMap(e -> e.as(TrailEvent.VisitCompleted.class).stream())
                .map(TrailEvent.VisitCompleted::at).findFirst();
        return new StudyVisits.VisitSession(visitSessionId, started, completed, entries);
    }

    /** Why a first signature without the user id is refused. */
    public static final String FIRST_SIGNATURE = Authenticator.FIRST_SIGNATURE;

    /**
     * Amends a closed record (signed or not); a signed one then needs signing again. What the amendment writes (a
     * rating's correction and the amendment with its reason) goes to the trail as one append: all of it or nothing.
     */
    public SessionRecord amend(Principal who, ReviewRequest.Amend r) {
        SessionEntries s = session(r.sessionId());
        audit.recordAll(who.userId(), s.history().id(), amendments.plan(s, r, who, clock.instant(), UUID.randomUUID().toString()));
        return open(s.sessionId());
    }

    /**
     * One session's export, or of every session the filter matches (all sessions when it is null). Audited as
     * {@code export.created} (who, format, which sessions, size and SHA-256 of the file) with no session of its own,
     * so an export never counts as a change to a signed record.
     */
    public ExportFile export(Principal who, ReviewRequest.Export r) {
        // The whole trail goes in (a subject's crossover period counts every session); the request narrows it. The
        // audit trail of every session is the whole chain: station-wide entries (sign-ins, exports...) included.
        Collection<SessionEntries> all = sessions();
        boolean wholeChain = r.format() == ExportFormat.AUDIT_CSV && r.sessionId() == null
                && (r.filter() == null || r.filter().matchesAll());
        List<String> ids = r.sessionId() != null ? List.of(session(r.sessionId()).sessionId())
                : SessionIndex.matching(all, r.filter() == null ? ReviewFilter.ALL : r.filter()).stream()
                        .map(SessionEntries::sessionId).toList();
        if (ids.isEmpty() && !wholeChain) {
            throw ReviewException.badRequest("No session matches the filter: nothing to export.");
        }
        // The study visits summary is of the subject's whole timeline: its enrolment and missed visits are station-wide
        // entries and its rating visits are sessions with no bed, so it reads the whole trail (the request narrows it).
        boolean visitSummary = r.format() == ExportFormat.VISITS_CSV;
        Stream<Recorded> sessionEntries = visitSummary ? guarded(tail::sessions).values().stream().flatMap(List::stream)
                : all.stream().flatMap(s -> s.history().entries().stream());
        List<Recorded> entries = Stream.concat(sessionEntries, wholeChain || visitSummary ? guarded(tail::stationWide).stream() : Stream.empty())
                .sorted(Comparator.comparingLong(Recorded::seq)).toList();
        Optional<String> only = Optional.ofNullable(r.sessionId() == null ? null : ids.getFirst());
        Set<String> among = r.sessionId() != null || wholeChain ? Set.of() : Set.copyOf(ids);
        ExportFile file;
        String hash;
        try {
            ExportRequest request = new ExportRequest(new AuditHistory(entries), only, series, instruments, protocols, among, site)
                    .during(r.from() == null && r.to() == null ? null : new ExportRequest.Window(r.from(), r.to()));
            if (r.format() == ExportFormat.EDF_PLUS) {
                // streamed to a spool file as the store is read (memory flat whatever the length); the download deletes it
                file = spooled(r.format(), request);
                hash = sha256(file.spooled());
            } else {
                file = Exports.write(r.format(), request, clock);
                hash = sha256(file.content());
            }
        } catch (TimeSeriesReader.StoreUnavailableException e) {
            throw new ReviewException(ReviewException.FAILED, "The export needs the time-series store: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ReviewException.badRequest(e.getMessage());
        }
        audit.record(who.userId(), null, new TrailEvent.ExportCreated(clock.instant(), r.format().key(), ids, file.fileName(),
                file.size(), hash));
        return file;
    }

    /** The export written to a new spool file (deleted again when the writing fails). */
    private ExportFile spooled(ExportFormat format, ExportRequest request) {
        Path spool = null;
        try {
            spool = this.spool.create();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
                Exports.write(format, request, clock, out);
            }
            return new ExportFile(Exports.fileName(format, request), format.mediaType(), null, spool);
        } catch (IOException | RuntimeException e) {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // the JVM deletes it on exit
                }
            }
            if (e instanceof IOException io) {
                throw new ReviewException(ReviewException.FAILED, "The export could not be written: " + io.getMessage());
            }
            throw (RuntimeException) e;
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ReviewException(ReviewException.FAILED, "The export could not be read back: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SessionEntries session(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw ReviewException.badRequest("No session named.");
        }
        refresh();
        return new AuditHistory(guarded(() -> tail.session(sessionId))).session(new SessionId(sessionId))
                .map(SessionEntries::new).orElseThrow(() -> ReviewException.notFound(sessionId));
    }

    private Collection<SessionEntries> sessions() {
        refresh();
        return guarded(tail::sessions).values().stream().map(AuditHistory::new)
                .flatMap(h -> h.sessions().stream()).map(SessionEntries::new).toList();
    }

    private void refresh() {
        guarded(tail::refresh);
    }

    private interface AuditRead<T> {
        T read() throws IOException;
    }

    private <T> T guarded(AuditRead<T> read) {
        try {
            return read.read();
        } catch (AuditChainBrokenException e) {
            throw new ReviewException(ReviewException.FAILED, "The audit trail is broken at " + e.link() + ". Review shows nothing "
                    + "until it is resolved: keep " + tail.file().getFileName() + " as evidence, check it with bin/audit-verify and "
                    + "record the incident (docs/audit.md).");
        } catch (IOException e) {
            throw new ReviewException(ReviewException.FAILED, "The audit trail cannot be read: " + e.getMessage());
        }
    }
}
