package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.RatingPayload;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.domain.Stream;

/**
 * Builds the review record of one session from its verified audit entries and the values read back from the
 * time-series store. Pure: the caller reads the entries and the values ({@link #window} says which).
 * Holds no arm and no concentration: the plan is volume and rate only.
 */
public final class SessionRecords {
    /** The trends a record shows, in this order. */
    public static final List<Stream> TREND_STREAMS = List.of(Stream.HR, Stream.SPO2, Stream.ETCO2, Stream.RESP_RATE,
            Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN, Stream.PUMP_RATE, Stream.PUMP_VOLUME_INFUSED);

    private final ProtocolCatalog protocols;
    private final InstrumentCatalog instruments;

    public SessionRecords(ProtocolCatalog protocols, InstrumentCatalog instruments) {
        this.protocols = protocols;
        this.instruments = instruments;
    }

    /** The time span trends are read for: from creation to close (to {@code now} while open), ends included. */
    public record Window(Instant from, Instant to) {
    }

    public static Window window(SessionEntries s, Instant now) {
        Instant end = s.closed() ? s.closedAt() : now;
        return new Window(s.createdAt(), end.plusMillis(1));
    }

    /**
     * @param values the stored values of {@link #TREND_STREAMS} in the session's window (any order)
     * @param storeProblem why the values could not be read, or null when the store answered
     */
    public SessionRecord build(SessionEntries s, List<StoredValue> values, String storeProblem) {
        List<SessionRecord.RatingRecord> ratings = ratings(s);
        Map<Stream, List<StoredValue>> byStream = new HashMap<>();
        if (storeProblem == null) {
            values.stream().sorted(java.util.Comparator.comparing(StoredValue::time))
                    .forEach(v -> byStream.computeIfAbsent(v.stream(), k -> new ArrayList<>()).add(v));
        }
        List<SessionRecord.Trend> trends = storeProblem != null ? List.of() : TREND_STREAMS.stream().map(st -> trend(st, byStream)).toList();
        return new SessionRecord(s.listing(), s.weightKg(), s.kitId(), plan(s), s.infusionStart(), s.closedAt(),
                Summaries.of(s, ratings, byStream, instruments), trends, timeline(s), ratings,
                s.signatures(), amendments(s), storeProblem, s.last().seq());
    }

    private SessionRecord.Plan plan(SessionEntries s) {
        Protocol p = protocols.get(s.protocolId(), s.protocolVersion()).orElse(null);
        if (p == null) {
            return null;
        }
        try {
            DosePlan d = DoseCalculator.plan(p.infusion(), SubjectMeasures.weight(s.weightKg()));
            return new SessionRecord.Plan(d.volumeMl(), d.rateMlPerHour(), d.duration().toSeconds() / 60.0);
        } catch (IllegalArgumentException e) {
            return null; // e.g. ideal body weight needs a height the audit trail does not hold
        }
    }

    private static SessionRecord.Trend trend(Stream stream, Map<Stream, List<StoredValue>> byStream) {
        List<StoredValue> v = byStream.getOrDefault(stream, List.of());
        long[] times = new long[v.size()];
        double[] values = new double[v.size()];
        for (int i = 0; i < v.size(); i++) {
            times[i] = v.get(i).time().toEpochMilli();
            values[i] = v.get(i).value();
        }
        return new SessionRecord.Trend(stream, times, values);
    }

    // ---- ratings

    private List<SessionRecord.RatingRecord> ratings(SessionEntries s) {
        Map<String, String> supersededBy = new HashMap<>();
        List<AuditEntry> entries = s.entries().stream().filter(e -> e.type().startsWith("rating.")).toList();
        for (AuditEntry e : entries) {
            String corrects = SessionEntries.text(e, "corrects");
            if (corrects != null) {
                supersededBy.put(corrects, SessionEntries.text(e, "ratingId"));
            }
        }
        return entries.stream().map(e -> rating(e, supersededBy)).toList();
    }

    private SessionRecord.RatingRecord rating(AuditEntry e, Map<String, String> supersededBy) {
        String id = SessionEntries.text(e, "ratingId");
        String instrument = SessionEntries.text(e, "instrument");
        String shortForm = SessionEntries.text(e, "shortForm");
        Number total = SessionEntries.number(e, "total");
        return new SessionRecord.RatingRecord(id, SessionEntries.text(e, "timePoint"), instrument, shortForm == null ? instrument : shortForm,
                SessionEntries.instant(e, "finishedAt"), total == null ? null : total.intValue(), SessionEntries.text(e, "summary"),
                e.actor(), SessionEntries.text(e, "raterRole"), supersededBy.get(id), SessionEntries.text(e, "corrects"),
                SessionEntries.text(e, "reason"), Boolean.TRUE.equals(e.payload().get("amendment")),
                items(instrument, shortForm, SessionEntries.map(e, "answers")));
    }

    /** One row per item of the form, in instrument order; answers to items the catalog does not know follow. */
    private List<SessionRecord.ItemRow> items(String instrumentId, String shortForm, Map<String, Object> answers) {
        List<String> ids = new ArrayList<>();
        try {
            Instrument instrument = instruments.get(instrumentId);
            instrument.itemsOf(shortForm).stream().map(Item::id).forEach(ids::add);
        } catch (NoSuchElementException e) {
            // an instrument this station no longer knows: show the answers as written
        }
        answers.keySet().stream().filter(k -> !ids.contains(k)).sorted().forEach(ids::add);
        return ids.stream().map(id -> row(instrumentId, id, answers.get(id))).toList();
    }

    private SessionRecord.ItemRow row(String instrumentId, String itemId, Object answer) {
        String label;
        try {
            label = instruments.itemText(instrumentId, itemId);
        } catch (NoSuchElementException e) {
            label = itemId;
        }
        if (answer == null) {
            return new SessionRecord.ItemRow(itemId, label, null, "no answer recorded");
        }
        return switch (RatingPayload.answer(answer)) {
            case Answer.Scored s -> new SessionRecord.ItemRow(itemId, label, s.value(), null);
            case Answer.NotAssessed n -> new SessionRecord.ItemRow(itemId, label, null, n.reason());
        };
    }

    // ---- amendments

    private static List<SessionRecord.Amendment> amendments(SessionEntries s) {
        return s.ofType(SessionEntries.AMENDED).stream().map(e -> new SessionRecord.Amendment(e.actor(), SessionEntries.at(e),
                SessionEntries.text(e, "reason"), SessionEntries.text(e, "kind"), amendmentDetail(e), e.seq())).toList();
    }

    private static String amendmentDetail(AuditEntry e) {
        return "rating".equals(SessionEntries.text(e, "kind"))
                ? "rating " + SessionEntries.text(e, "ratingId") + " corrected by " + SessionEntries.text(e, "correctionId")
                : SessionEntries.text(e, "text");
    }

    // ---- timeline

    private static final Set<String> ADVERSE = Set.of("NAUSEA", "VOMITING", "EMERGENCE_REACTION", "ANXIETY", "HEADACHE");

    /** Marker kinds counted as adverse events in the summary. */
    static boolean adverse(AuditEntry marker) {
        return ADVERSE.contains(SessionEntries.text(marker, "kind"));
    }

    /** One event per audit entry, in time order (entries in file order when at the same time). */
    private List<TimelineEvent> timeline(SessionEntries s) {
        return s.entries().stream().map(this::event).sorted(java.util.Comparator.comparing(TimelineEvent::at)).toList();
    }

    private TimelineEvent event(AuditEntry e) {
        String type = e.type();
        String prefix = type.substring(0, Math.max(0, type.indexOf('.')));
        String name = type.substring(type.indexOf('.') + 1);
        Instant at = SessionEntries.at(e);
        return switch (prefix) {
            case "session" -> ev(e, at, Category.SESSION, name.equals("created") || name.equals("closed") ? "Session " + name : humanise(name),
                    sessionDetail(e, name));
            case "infusion" -> name.equals("deviation")
                    ? ev(e, at, Category.DEVIATION, humanise(SessionEntries.text(e, "kind").toLowerCase(Locale.ROOT)), SessionEntries.text(e, "detail"))
                    : ev(e, at, Category.INFUSION, "Pump " + name, infusionDetail(e, name));
            case "alarm" -> ev(e, at, switch (name) {
                case "raised" -> Category.ALARM_RAISED;
                case "acknowledged" -> Category.ALARM_ACKNOWLEDGED;
                default -> Category.ALARM_OTHER;
            }, name.equals("raised") ? SessionEntries.text(e, "message") : humanise(name) + ": " + SessionEntries.text(e, "message"),
                    SessionEntries.text(e, "priority").toLowerCase(Locale.ROOT) + " priority (" + SessionEntries.text(e, "alarm") + ")");
            case "marker" -> marker(e, at);
            case "prompt" -> ev(e, at, Category.PROMPT, SessionEntries.text(e, "timePoint") + ": " + name, null);
            case "rating" -> ev(e, at, Category.RATING, ratingTitle(e, name), name.equals("corrected")
                    ? "corrects " + SessionEntries.text(e, "corrects") + ": " + SessionEntries.text(e, "reason") : SessionEntries.text(e, "summary"));
            case "record" -> name.equals("signed")
                    ? ev(e, at, Category.SIGNATURE, "Signed: " + SignatureMeaning.valueOf(SessionEntries.text(e, "meaning").toUpperCase(Locale.ROOT)).label()
                            + " by " + SessionEntries.text(e, "printedName"), "covers audit entries up to " + SessionEntries.text(e, "lastSeq"))
                    : ev(e, at, Category.AMENDMENT, "Amendment (" + SessionEntries.text(e, "kind") + ")",
                            SessionEntries.text(e, "reason") + ": " + amendmentDetail(e));
            default -> ev(e, at, Category.SESSION, humanise(type.replace('.', ' ')), SessionEntries.text(e, "reason"));
        };
    }

    private static TimelineEvent ev(AuditEntry e, Instant at, Category c, String title, String detail) {
        return new TimelineEvent(at, c, title, detail, e.actor(), e.seq());
    }

    private static String sessionDetail(AuditEntry e, String name) {
        return switch (name) {
            case "created" -> "protocol " + SessionEntries.text(e, "protocol") + " v" + SessionEntries.text(e, "protocolVersion") + ", bed "
                    + SessionEntries.text(e, "bed") + ", " + SessionEntries.text(e, "weightKg") + " kg, kit " + SessionEntries.text(e, "kitId");
            case "infusion_started" -> "source: " + SessionEntries.text(e, "source");
            case "infusion_completed" -> SessionEntries.text(e, "volumeInfusedMl") + " mL infused";
            case "closed" -> SessionEntries.text(e, "reason");
            default -> null;
        };
    }

    private static String infusionDetail(AuditEntry e, String name) {
        return switch (name) {
            case "started" -> SessionEntries.text(e, "rateMlPerHour") + " mL/h";
            case "paused" -> "pause " + SessionEntries.text(e, "pauseNumber") + " at " + SessionEntries.text(e, "volumeInfusedMl") + " mL";
            case "resumed" -> "after " + SessionEntries.text(e, "pausedSeconds") + " s";
            case "completed" -> SessionEntries.text(e, "volumeInfusedMl") + " mL in " + SessionEntries.text(e, "infusingSeconds") + " s infusing, "
                    + SessionEntries.text(e, "pauses") + " pause(s)";
            default -> null;
        };
    }

    private static TimelineEvent marker(AuditEntry e, Instant at) {
        String kind = SessionEntries.text(e, "kind");
        String note = SessionEntries.text(e, "note");
        String label;
        try {
            label = MarkerKind.valueOf(kind).label();
        } catch (IllegalArgumentException | NullPointerException ex) {
            label = String.valueOf(kind);
        }
        boolean isNote = MarkerKind.NOTE.name().equals(kind);
        return ev(e, at, isNote ? Category.NOTE : Category.MARKER, label, note == null || note.isEmpty() ? null : note);
    }

    private String ratingTitle(AuditEntry e, String name) {
        Number total = SessionEntries.number(e, "total");
        return Summaries.formName(instruments, SessionEntries.text(e, "instrument"), SessionEntries.text(e, "shortForm")) + " at " + SessionEntries.text(e, "timePoint")
                + (total == null ? "" : ": total " + total.intValue()) + (name.equals("corrected") ? " (correction"
                + (Boolean.TRUE.equals(e.payload().get("amendment")) ? ", amendment)" : ")") : "");
    }

    private static String humanise(String snake) {
        String words = snake.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
