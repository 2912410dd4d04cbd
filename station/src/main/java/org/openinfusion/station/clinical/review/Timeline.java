package org.openinfusion.station.clinical.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.domain.DeviceKind;
import org.openinfusion.station.domain.Stream;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.Medication;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.infusion.StopVolume;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.TechnicalAlarmId;

/**
 * The timeline of a session record: one event per entry of its history, with a title and detail for people (staff words
 * and units, never a stream key, an alarm id or a rating id; times as UTC instants, which review shows in the site's zone).
 * A prompt's bookkeeping before its window ({@code waiting}, {@code scheduled}) is not an event staff act on and is left
 * out. A discharge override written with its unmet criteria as data carries them as data (its detail is the reason);
 * one written before has them in its detail as the station worded them. Pure.
 */
final class Timeline {
    private final InstrumentCatalog instruments;
    private final String protocolTitle;
    private boolean stoppedEarly;
    private Map<String, Rating> ratings = Map.of();
    /** Per adverse event id, its versions recorded so far and the latest term, in trail order (an amendment's wording). */
    private final Map<String, Integer> aeVersions = new HashMap<>();
    private final Map<String, String> aeTerms = new HashMap<>();
    /** The session's devices (from its technical alarms and clock offsets) by kind, to name one as staff do. */
    private Map<DeviceKind, List<String>> devices = Map.of();

    Timeline(InstrumentCatalog instruments) {
        this(instruments, null);
    }

    /** {@code protocolTitle}: the session protocol file's title (null when this station has no file for it). */
    Timeline(InstrumentCatalog instruments, String protocolTitle) {
        this.instruments = instruments;
        this.protocolTitle = protocolTitle;
    }

    /** One event per entry staff act on, in time order (entries in trail order when at the same time). */
    List<TimelineEvent> of(SessionHistory s) {
        stoppedEarly = s.entries().stream().anyMatch(r -> r.event() instanceof TrailEvent.InfusionChanged i
                && i.change() instanceof InfusionEvent.Deviation d && d.kind() == InfusionEvent.DeviationKind.EARLY_STOP);
        Map<String, Rating> byId = new HashMap<>();
        s.ratings().forEach(r -> byId.put(r.rating().id(), r.rating()));
        ratings = byId;
        devices = devicesOf(s);
        aeVersions.clear();
        aeTerms.clear();
        // in trail order (an amendment's wording counts the versions of its adverse event before it), then by time
        return s.entries().stream().filter(Timeline::shown).map(this::event).toList().stream()
                .sorted(Comparator.comparing(TimelineEvent::at)).toList();
    }

    /** False for a prompt's bookkeeping before its window opens (waiting for its anchor, or scheduled). */
    static boolean shown(Recorded r) {
        return !(r.event() instanceof TrailEvent.PromptChanged p)
                || (p.transition().to() != PromptState.WAITING && p.transition().to() != PromptState.SCHEDULED);
    }

    private TimelineEvent event(Recorded r) {
        return switch (r.event()) {
            case TrailEvent.SessionStepped s -> session(r, s.step());
            case TrailEvent.InfusionChanged i -> infusion(r, i.change(), stoppedEarly);
            case TrailEvent.AlarmChanged a -> alarm(r, a.alarm(), this::deviceName);
            case TrailEvent.MarkerRecorded m -> marker(r, m);
            case TrailEvent.PreDoseVitals v -> ev(r, Category.SESSION, "Pre-dose vitals recorded", v.values().stream()
                    .map(x -> vital(x.stream(), x.value()) + " at " + x.measuredAt()).collect(Collectors.joining(", ")));
            case TrailEvent.PreDoseGateOverridden o -> ev(r, Category.SESSION, "Infusion start confirmed over the pre-dose gate",
                    String.join("; ", o.concerns()) + "; reason: " + o.reason());
            case TrailEvent.KitReturned k -> ev(r, Category.SESSION, "Kit " + k.kitId() + " returned unopened", "reason: " + k.reason());
            case TrailEvent.DischargeOverridden o -> new TimelineEvent(r.at(), Category.SESSION, "Ready for discharge by physician override",
                    (o.criteria().isEmpty() ? "unmet: " + String.join("; ", o.unmet()) + "; " : "") + "reason: " + o.reason(),
                    r.actor(), r.seq(), o.criteria());
            case TrailEvent.AdverseEventRecorded a -> {
                aeVersions.merge(a.event().id(), 1, Integer::sum);
                aeTerms.put(a.event().id(), a.event().term());
                yield ev(r, Category.ADVERSE_EVENT, "Adverse event " + a.event().id() + ": " + a.event().term(), adverseEvent(a.event()));
            }
            case TrailEvent.MedicationGiven g -> ev(r, Category.MEDICATION, (g.medication().rescue() ? "Rescue medication: " : "Medication: ")
                    + g.medication().drug(), medication(g.medication()));
            case TrailEvent.PromptChanged p -> p.transition().to() == PromptState.NOT_APPLICABLE
                    ? ev(r, Category.PROMPT, p.transition().timePointId() + ": not due", p.transition().reason())
                    : ev(r, Category.PROMPT, p.transition().timePointId() + ": " + lower(p.transition().to().name()), null);
            case TrailEvent.RatingEntered e -> ev(r, Category.RATING, ratingTitle(e), e.rating().isCorrection()
                    ? "corrects " + ratingName(e.rating().correction().originalRatingId()) + ": " + e.rating().correction().reason()
                    : score(e.score()));
            case TrailEvent.RecordSigned s -> ev(r, Category.SIGNATURE, "Signed: " + SignatureMeaning.valueOf(s.meaning().toUpperCase(Locale.ROOT))
                    .label() + " by " + s.printedName(), "covers audit entries up to " + s.lastSeq());
            case TrailEvent.RecordAmended a -> ev(r, Category.AMENDMENT, "Amendment (" + kind(a.change()).replace('_', ' ') + ")",
                    a.reason() + ": " + staffDetail(a.change()));
            case TrailEvent.Unblinded u -> other(r, u.reason());
            case TrailEvent.Unrecognised u -> other(r, u.payload().get("reason") == null ? null : u.payload().get("reason").toString());
            // Station-wide events never belong to a session; shown by their type if one ever did.
            case TrailEvent.UnblindingRefused u -> other(r, null);
            case TrailEvent.ExportCreated e -> other(r, null);
            case TrailEvent.PasswordAccepted p -> other(r, null);
            case TrailEvent.PasswordRefused p -> other(r, null);
            case TrailEvent.PasswordLocked p -> other(r, null);
            case TrailEvent.AccountLocked a -> other(r, null);
            case TrailEvent.AccountUnlocked a -> other(r, null);
            case TrailEvent.SignedOut s -> other(r, null);
            case TrailEvent.UserSaved u -> other(r, null);
            case TrailEvent.AccessDenied a -> other(r, null);
            case TrailEvent.AccountDisabled a -> other(r, null);
            case TrailEvent.PasswordReset p -> other(r, null);
            case TrailEvent.PasswordChanged p -> other(r, null);
            case TrailEvent.DisabledRefused d -> other(r, null);
            case TrailEvent.AddressThrottled a -> other(r, null);
            case TrailEvent.TornTailDiscarded t -> other(r, null);
            case TrailEvent.UnavailablePeriod u -> other(r, null);
            case TrailEvent.SubjectEnrolled e -> other(r, null);
            case TrailEvent.VisitStarted v -> other(r, v.unscheduledReason());
            case TrailEvent.VisitMissed m -> other(r, m.reason());
            case TrailEvent.VisitVitals v -> ev(r, Category.SESSION, v.corrects() != null ? "Visit vitals corrected (amendment)"
                    : "Visit vitals recorded" + (v.source() == null ? "" : " from " + v.source()),
                    v.values().stream().map(x -> vital(x.stream(), x.value()) + " at " + x.measuredAt()).collect(Collectors.joining(", "))
                            + (v.flagged().isEmpty() ? "" : "; outside the alarm limits: " + v.flagged().stream()
                            .map(f -> f.limit() + " (" + f.source() + ")").collect(Collectors.joining(", "))));
            case TrailEvent.VisitCompleted c -> other(r, null);
            case TrailEvent.RatingPartAnswered a -> ev(r, Category.RATING, Summaries.formName(instruments, a.part().instrumentId(), a.part().shortFormId())
                    + " items " + itemNumbers(a.part()) + " answered by the subject on the tablet", null);
            case TrailEvent.TabletAccess t -> ev(r, Category.SESSION, "Patient tablet " + lower(t.step().name()).replace('_', ' ')
                    + (t.form() == null ? "" : ": " + Summaries.formName(instruments, t.form(), null) + " at " + t.timePointId()), t.detail());
            case TrailEvent.DeviceClockOffset o -> ev(r, Category.SESSION, "Device clock offset", "the clock of " + o.device()
                    + " is " + Math.abs(o.offsetMillis()) + " ms " + (o.offsetMillis() >= 0 ? "behind" : "ahead of") + " the station's");
        };
    }

    static String adverseEvent(AdverseEvent e) {
        return lower(e.severity().name()) + (e.serious() ? ", serious" : ", not serious") + ", " + humanise(lower(e.relationship().name()))
                + ", action: " + lower(e.action().name()).replace('_', ' ') + ", outcome: " + lower(e.outcome().name()).replace('_', ' ')
                + ", from " + e.start() + e.end().map(end -> " to " + end).orElse(" (ongoing)")
                + e.fromAlarm().map(a -> ", proposed by the station from an alarm").orElse("");
    }

    static String medication(Medication m) {
        return BigDecimal.valueOf(m.dose()).stripTrailingZeros().toPlainString() + " " + m.unit() + " " + m.route() + " at "
                + m.givenAt() + ", given by " + m.givenBy() + ", ordered by " + m.orderedBy();
    }

    /** The kind of an amendment as review shows it: "note" or "rating". */
    static String kind(TrailEvent.Amendment change) {
        return switch (change) {
            case TrailEvent.NoteAdded n -> lower(ReviewRequest.AmendmentKind.NOTE.name());
            case TrailEvent.RatingReplaced r -> lower(ReviewRequest.AmendmentKind.RATING.name());
            case TrailEvent.AdverseEventAdded a -> lower(ReviewRequest.AmendmentKind.ADVERSE_EVENT.name());
            case TrailEvent.VitalsReplaced v -> "vital_signs"; // a rating visit's (docs/visits.md), not offered in review
        };
    }

    static String detail(TrailEvent.Amendment change) {
        return switch (change) {
            case TrailEvent.NoteAdded n -> n.text();
            case TrailEvent.RatingReplaced r -> "rating " + r.ratingId() + " corrected by " + r.correctionId();
            case TrailEvent.AdverseEventAdded a -> "adverse event " + a.adverseEventId() + " recorded after closing";
            case TrailEvent.VitalsReplaced v -> "vital signs of entry " + v.originalSeq() + " corrected";
        };
    }

    private TimelineEvent session(Recorded r, SessionEvent e) {
        String name = snake(e.getClass().getSimpleName());
        String title = e instanceof SessionEvent.Created || e instanceof SessionEvent.Closed ? "Session " + name
                : e instanceof SessionEvent.InfusionCompleted && stoppedEarly ? "Infusion stopped early" : humanise(name);
        String detail = switch (e) {
            case SessionEvent.Created c -> "protocol " + (protocolTitle == null || protocolTitle.isBlank()
                    ? humanise(c.protocolId().replace('-', ' ')) + " (this station has no file for it)" : protocolTitle)
                    + " (version " + c.protocolVersion() + "), bed " + c.bedId() + ", " + number(c.measures().weightKg()) + " kg, kit " + c.kitId();
            case SessionEvent.InfusionStarted s -> "pump".equals(s.source()) ? "start taken from the pump" : "start confirmed by hand";
            case SessionEvent.InfusionCompleted c -> number(c.volumeInfusedMl()) + " mL infused";
            case SessionEvent.Closed c -> c.reason();
            default -> null;
        };
        return ev(r, Category.SESSION, title, detail);
    }

    private static TimelineEvent infusion(Recorded r, InfusionEvent e, boolean stoppedEarly) {
        if (e instanceof InfusionEvent.Deviation d) {
            String title = d.kind() == InfusionEvent.DeviationKind.EARLY_STOP ? "Infusion stopped early" : humanise(lower(d.kind().name()));
            return ev(r, Category.DEVIATION, title, d.detail());
        }
        String detail = switch (e) {
            case InfusionEvent.Started s -> number(s.rateMlPerHour()) + " mL/h";
            case InfusionEvent.Paused p -> "pause " + p.pauseNumber() + " at " + number(p.volumeInfusedMl()) + " mL";
            case InfusionEvent.Resumed p -> "after " + p.pausedFor().toSeconds() + " s";
            case InfusionEvent.Completed c -> number(c.volumeInfusedMl()) + " mL in " + minutes(c.infusingTime()) + " infusing, "
                    + c.pauses() + (c.pauses() == 1 ? " pause" : " pauses");
            case InfusionEvent.Deviation d -> null;
            case InfusionEvent.FinalVolume f -> StopVolume.ml(f.volumeInfusedMl()) + " mL by the pump's count after it stopped ("
                    + StopVolume.ml(f.atEndMl()) + " mL when the end was recorded)";
            case InfusionEvent.RunningAtClose c -> "infusing at " + number(c.rateMlPerHour()) + " mL/h, " + number(c.volumeInfusedMl())
                    + " mL infused, as the pump last reported " + ago(Duration.between(c.reportedAt(), c.at()))
                    + "; the station does not stop the pump and stops following it at the close: its stop is not in this record";
        };
        String title = e instanceof InfusionEvent.FinalVolume ? "Pump stopped after the end"
                : e instanceof InfusionEvent.RunningAtClose ? "Closed while the pump was infusing"
                : e instanceof InfusionEvent.Completed && stoppedEarly ? "Pump stopped early" : "Pump " + lower(e.getClass().getSimpleName());
        return ev(r, Category.INFUSION, title, detail);
    }

    private static TimelineEvent alarm(Recorded r, AlarmEvent a, UnaryOperator<String> deviceName) {
        Category c = switch (a.kind()) {
            case RAISED -> Category.ALARM_RAISED;
            case ACKNOWLEDGED -> Category.ALARM_ACKNOWLEDGED;
            default -> Category.ALARM_OTHER;
        };
        String message = alarmText(a.alarmId(), a.message(), deviceName);
        String title = a.kind() == AlarmEvent.Kind.RAISED ? message : humanise(lower(a.kind().name())) + ": " + message;
        return ev(r, c, title, humanise(lower(a.priority().name())) + " priority");
    }

    /**
     * An alarm's text as the physician reads it: a device's technical alarm ({@code TECH:<code>:<device id>}) names the
     * device by its kind ("Monitor disconnected", "Pump 2 silent"), never by its configured id, which the station's
     * message (kept as recorded in the trail and the audit export) holds; any other alarm's message as recorded.
     */
    static String alarmText(String alarmId, String message, UnaryOperator<String> deviceName) {
        Optional<TechnicalAlarmId> tech = TechnicalAlarmId.parse(alarmId).filter(t -> t.deviceId().isPresent());
        if (tech.isEmpty()) {
            return message;
        }
        TechnicalAlarmId id = tech.get();
        String device = deviceName.apply(id.deviceId().get());
        return switch (id.code()) {
            case "DEVICE_OFFLINE", "DEVICE_DISCONNECTED" -> device + " disconnected";
            case "DEVICE_SILENT" -> device + " silent";
            case "SENSOR_OFF" -> device + ": sensor off";
            case "TIME_COLLISIONS" -> device + ": repeated time stamps";
            default -> {
                String rest = id.messageWithoutDevice(message);
                yield rest.isEmpty() ? device + ": technical alarm" : device + ": " + rest;
            }
        };
    }

    /** "Monitor", or "Monitor 2" for the second of the session's monitors (by the order of their ids). */
    private String deviceName(String deviceId) {
        DeviceKind kind = DeviceKind.guess(deviceId);
        int n = DeviceKind.number(deviceId, devices.getOrDefault(kind, List.of()));
        return n <= 1 ? kind.word() : kind.word() + " " + n;
    }

    private static Map<DeviceKind, List<String>> devicesOf(SessionHistory s) {
        TreeSet<String> ids = new TreeSet<>();
        for (Recorded r : s.entries()) {
            if (r.event() instanceof TrailEvent.AlarmChanged a) {
                TechnicalAlarmId.parse(a.alarm().alarmId()).flatMap(TechnicalAlarmId::deviceId).ifPresent(ids::add);
            } else if (r.event() instanceof TrailEvent.DeviceClockOffset o) {
                ids.add(o.device());
            }
        }
        return ids.stream().collect(Collectors.groupingBy(DeviceKind::guess));
    }

    private static TimelineEvent marker(Recorded r, TrailEvent.MarkerRecorded m) {
        String label;
        try {
            label = MarkerKind.valueOf(m.kind()).label();
        } catch (IllegalArgumentException | NullPointerException ex) {
            label = String.valueOf(m.kind());
        }
        boolean isNote = MarkerKind.NOTE.name().equals(m.kind());
        return ev(r, isNote ? Category.NOTE : Category.MARKER, label, m.note() == null || m.note().isEmpty() ? null : m.note());
    }

    private String ratingTitle(TrailEvent.RatingEntered e) {
        Rating r = e.rating();
        Integer total = e.score().total();
        return Summaries.formName(instruments, r.instrumentId(), r.shortFormId()) + " at " + r.timePointId()
                + (r.isCorrection() ? " (correction"
                + (e.amendment() ? ", amendment)" : ")") : "") + (e.rater() == Rater.SUBJECT ? " (answered by the subject on the tablet)" : "");
    }

    /** A rating's score: "total 24 (range 0-92)", or "no total"; and how many items were not assessed when incomplete. */
    static String score(TrailEvent.RatingScore s) {
        Matcher range = SCORE_RANGE.matcher(s.summary() == null ? "" : s.summary());
        String head = s.total() == null ? "no total" : "total " + s.total() + (range.find() ? " (range " + range.group(1) + ")" : "");
        Matcher missing = INCOMPLETE.matcher(s.summary() == null ? "" : s.summary());
        return s.complete() ? head : head + ", incomplete: " + (missing.find() ? missing.group(1) : s.notAssessed() + " items") + " not assessed";
    }

    private static final Pattern SCORE_RANGE = Pattern.compile("^-?\\d+ \\((-?\\d+-\\d+)\\)");
    private static final Pattern INCOMPLETE = Pattern.compile("INCOMPLETE: (\\d+ of \\d+ items)");

    /** A rating as staff name it ("the CADSS at t40"), never its id. */
    private String ratingName(String ratingId) {
        Rating r = ratings.get(ratingId);
        return r == null ? "an earlier rating" : "the " + Summaries.formName(instruments, r.instrumentId(), r.shortFormId()) + " at " + r.timePointId();
    }

    private String staffDetail(TrailEvent.Amendment change) {
        return switch (change) {
            case TrailEvent.NoteAdded n -> n.text();
            case TrailEvent.RatingReplaced r -> ratingName(r.ratingId()) + " corrected";
            // the amendment follows the version it wrote: more than one version of the id means it changed one
            case TrailEvent.AdverseEventAdded a -> "adverse event " + a.adverseEventId()
                    + (aeTerms.containsKey(a.adverseEventId()) ? " (" + aeTerms.get(a.adverseEventId()) + ")" : "")
                    + (aeVersions.getOrDefault(a.adverseEventId(), 0) > 1 ? " amended" : " added as an amendment");
            case TrailEvent.VitalsReplaced v -> "vital signs corrected";
        };
    }

    /** A vital sign in staff words with its unit, e.g. "Heart rate 74 /min", "Systolic BP 128 mmHg". */
    static String vital(String key, double value) {
        Stream s = Stream.byKey(key).orElse(null);
        if (s == null) {
            return humanise(key) + " " + Math.round(value);
        }
        String name = switch (s) {
            case HR -> "Heart rate";
            case SPO2 -> "SpO2";
            case PULSE_RATE -> "Pulse rate";
            case ETCO2 -> "EtCO2";
            case RESP_RATE -> "Respiratory rate";
            case NIBP_SYS -> "Systolic BP";
            case NIBP_DIA -> "Diastolic BP";
            case NIBP_MEAN -> "Mean BP";
            default -> humanise(s.key());
        };
        String unit = s.unit().replace("mm[Hg]", "mmHg");
        return name + " " + Math.round(value) + (unit.isEmpty() ? "" : unit.equals("%") ? " %" : " " + unit);
    }

    /** How long before the close the pump's last report came: "at the close", "4 s before the close", "2 min before the close". */
    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s == 0 ? "at the close" : s < 120 ? s + " s before the close" : s / 60 + " min before the close";
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    /** Any other event of the session (an unblinding...): titled by its written type. */
    private static TimelineEvent other(Recorded r, String detail) {
        return ev(r, Category.SESSION, humanise(r.written().type().replace('.', ' ')), detail);
    }

    private static TimelineEvent ev(Recorded r, Category c, String title, String detail) {
        Instant at = r.at();
        return new TimelineEvent(at, c, title, detail, r.actor(), r.seq());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String humanise(String snake) {
        String words = snake.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The items of a part rating by their numbers in numeric order, a run as a range: "1-19", "1, 3, 5" (never the text
     * order "1, 10, 11, ..., 2" nor item ids). An item the catalogue does not know keeps its id, after the numbered ones.
     */
    private String itemNumbers(Rating part) {
        Optional<Instrument> instrument = instrument(part.instrumentId());
        List<Integer> numbers = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : part.answers().keySet()) {
            Optional<Item> item = instrument.flatMap(i -> i.item(id));
            item.map(Item::number).ifPresentOrElse(numbers::add, () -> unknown.add(id));
        }
        numbers.sort(null);
        unknown.sort(null);
        boolean run = numbers.size() > 2 && numbers.getLast() - numbers.getFirst() == numbers.size() - 1;
        List<String> words = new ArrayList<>(run ? List.of(numbers.getFirst() + "-" + numbers.getLast()) : numbers.stream().map(String::valueOf).toList());
        words.addAll(unknown);
        return String.join(", ", words);
    }

    private Optional<Instrument> instrument(String instrumentId) {
        try {
            return Optional.of(instruments.get(instrumentId));
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
