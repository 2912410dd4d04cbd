package org.openinfusion.station.clinical.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.HoldRule;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.TechnicalAlarmId;

/**
 * Evaluates one bed's alarms from the protocol: physiological limits on current values only (a value
 * older than its limit's age is not current), "no NIBP" while infusing, hold advisories, and technical
 * conditions reported by the station. Acknowledge, silence (bounded) and escalation. Pure: values and
 * time come in, {@link AlarmEvent}s go out.
 */
public final class AlarmEngine {
    public static final String NIBP_OVERDUE = "NIBP_OVERDUE";

    private record Value(double v, Instant at) {
    }

    private final Protocol protocol;
    private final AlarmSettings settings;
    private final Map<Stream, Value> latest = new EnumMap<>(Stream.class);
    private final Map<String, ActiveAlarm> active = new LinkedHashMap<>();
    /** The hold advisories that apply now, by rule id, as the station advised them. */
    private final Map<String, AlarmEvent> advised = new LinkedHashMap<>();
    private boolean infusing;
    private Instant infusingSince;
    private Instant observingSince;

    public AlarmEngine(Protocol protocol, AlarmSettings settings) {
        this.protocol = protocol;
        this.settings = settings;
    }

    /**
     * A numeric value measured at {@code measuredAt} (on the station's clock: the caller corrects device
     * clocks); evaluated at {@code now}. A time in the future counts as now, so one wrong stamp cannot
     * shadow the values after it.
     */
    public List<AlarmEvent> value(Stream stream, double v, Instant measuredAt, Instant now) {
        Instant at = measuredAt.isAfter(now) ? now : measuredAt;
        Value previous = latest.get(stream);
        if (previous == null || !at.isBefore(previous.at())) {
            latest.put(stream, new Value(v, at));
        }
        return tick(now);
    }

    /** The infusion runs (or stops); "no NIBP" counts from the first start, so pauses do not reset it. */
    public List<AlarmEvent> infusing(boolean now, Instant at) {
        if (now && infusingSince == null) {
            infusingSince = at;
        }
        infusing = now;
        return tick(at);
    }

    /**
     * The infusion has ended and the participant is observed until ready for discharge ({@code false} from then on):
     * NIBP is expected every {@code nibpAfterInfusionEvery} meanwhile. Takes effect at the next evaluation
     * ({@link #infusing} or {@link #tick}).
     */
    public void observing(boolean now, Instant at) {
        observingSince = now ? (observingSince == null ? at : observingSince) : null;
    }

    /** A technical condition (device disconnected, sensor off, pump alarm, buffer filling) raised or cleared. */
    public List<AlarmEvent> technical(TechnicalAlarmId id, boolean on, AlarmPriority priority, String message, Instant now) {
        List<AlarmEvent> out = new ArrayList<>();
        condition(out, id.format(), on, priority, message, now);
        out.addAll(tick(now));
        return out;
    }

    /** Re-evaluates ages, silences and escalations at {@code now}. */
    public List<AlarmEvent> tick(Instant now) {
        List<AlarmEvent> out = new ArrayList<>();
        for (AlarmLimit limit : protocol.alarms()) {
            Optional<Double> v = current(limit.stream(), limit.maxAge(), now);
            if (v.isPresent()) {
                condition(out, limitId(limit), breached(limit, v.get()), limit.priority(), describe(limit, v.get()), now);
            } else if (!isCuff(limit.stream())) {
                condition(out, limitId(limit), false, limit.priority(), "", now);
            }
            // A cuff value that ages out ends nothing: the episode lasts until a current reading is back within the limit.
        }
        nibp(out, now);
        hold(out, now);
        escalate(out, now);
        return out;
    }

    public List<AlarmEvent> acknowledge(String alarmId, String user, Instant now) {
        ActiveAlarm a = require(alarmId);
        active.put(alarmId, a.acknowledge(user));
        return List.of(new AlarmEvent(alarmId, AlarmEvent.Kind.ACKNOWLEDGED, a.priority(), a.message(), now, user));
    }

    /** Silences for at most the configured maximum; the condition stays active and visible. */
    public List<AlarmEvent> silence(String alarmId, String user, Duration requested, Instant now) {
        ActiveAlarm a = require(alarmId);
        Duration d = requested.compareTo(settings.maxSilence()) > 0 ? settings.maxSilence() : requested;
        active.put(alarmId, a.silence(now.plus(d)));
        return List.of(new AlarmEvent(alarmId, AlarmEvent.Kind.SILENCED, a.priority(),
                a.message() + " (silenced " + d.toSeconds() + " s)", now, user));
    }

    /**
     * The hold advisories that apply now (only while infusing and while the rule's value is current and over it), in
     * the order advised: advice to staff, never an alarm and never a command to the pump.
     */
    public List<AlarmEvent> advisories() {
        return List.copyOf(advised.values());
    }

    /** Active alarms, highest priority first, then oldest first. */
    public List<ActiveAlarm> active() {
        return active.values().stream()
                .sorted(Comparator.comparing(ActiveAlarm::priority).reversed().thenComparing(ActiveAlarm::raisedAt))
                .toList();
    }

    private Optional<Double> current(Stream s, Duration maxAge, Instant now) {
        Value v = latest.get(s);
        return v == null || Duration.between(v.at(), now).compareTo(maxAge) > 0 ? Optional.empty() : Optional.of(v.v());
    }

    private static boolean breached(AlarmLimit l, double v) {
        return VitalCheck.breached(l, v);
    }

    /** One wording of a breach, at the bed and for vitals entered at a rating visit. */
    private static String describe(AlarmLimit l, double v) {
        return VitalCheck.describe(l, v);
    }

    /** Unique per limit: two tiers on one stream (e.g. SpO2 < 92 and < 85) are two alarms. */
    private static String limitId(AlarmLimit l) {
        return "LIMIT:" + l.stream().key() + (l.low().isPresent() ? ":lo" + fmt(l.low().getAsDouble()) : "")
                + (l.high().isPresent() ? ":hi" + fmt(l.high().getAsDouble()) : "");
    }

    private static boolean isCuff(Stream s) {
        return s == Stream.NIBP_SYS || s == Stream.NIBP_DIA || s == Stream.NIBP_MEAN;
    }

    /**
     * While infusing: no NIBP for longer than {@code nibpMaxAge}. After the infusion until ready for discharge: no NIBP
     * for longer than {@code nibpAfterInfusionEvery} plus the same slack ({@code nibpMaxAge - nibpEvery}).
     */
    private void nibp(List<AlarmEvent> out, Instant now) {
        Duration maxAge = protocol.vitals().nibpMaxAge();
        Value last = latest.get(Stream.NIBP_SYS);
        Instant since = last == null || (infusingSince != null && last.at().isBefore(infusingSince)) ? infusingSince : last.at();
        boolean overdue = infusing && since != null && Duration.between(since, now).compareTo(maxAge) > 0;
        String message = "no NIBP for more than " + maxAge.toMinutes() + " min during the infusion";
        if (!infusing && observingSince != null) {
            maxAge = protocol.vitals().nibpAfterInfusionEvery().plus(protocol.vitals().nibpMaxAge().minus(protocol.vitals().nibpEvery()));
            since = last == null || last.at().isBefore(observingSince) ? observingSince : last.at();
            overdue = Duration.between(since, now).compareTo(maxAge) > 0;
            message = "no NIBP for more than " + maxAge.toMinutes() + " min after the infusion (until discharge)";
        }
        condition(out, NIBP_OVERDUE, overdue, AlarmPriority.MEDIUM, message, now);
    }

    private void hold(List<AlarmEvent> out, Instant now) {
        for (HoldRule rule : protocol.holdRules()) {
            Optional<Double> v = current(rule.stream(), maxAgeFor(rule.stream()), now);
            // Advice to pause the infusion makes sense only while it runs.
            boolean on = infusing && v.isPresent() && rule.triggeredBy(v.get());
            if (on && !advised.containsKey(rule.id())) {
                AlarmEvent advice = new AlarmEvent("HOLD:" + rule.id(), AlarmEvent.Kind.HOLD_ADVISED, AlarmPriority.HIGH,
                        String.format("%s %s %s %s: %s", label(rule.stream()), fmt(v.get()), rule.comparison().symbol(),
                                fmt(rule.threshold()), rule.advice()), now, "station");
                advised.put(rule.id(), advice);
                out.add(advice);
            } else if (!on) {
                advised.remove(rule.id());
            }
        }
    }

    private Duration maxAgeFor(Stream s) {
        return protocol.alarms().stream().filter(l -> l.stream() == s).map(AlarmLimit::maxAge).findFirst()
                .orElse(s.name().startsWith("NIBP") ? protocol.vitals().nibpMaxAge() : Duration.ofSeconds(30));
    }

    private static String label(Stream s) {
        return switch (s) {
            case NIBP_SYS -> "SBP";
            case NIBP_DIA -> "DBP";
            case NIBP_MEAN -> "MAP";
            default -> s.key().toUpperCase(Locale.ROOT);
        };
    }

    private void escalate(List<AlarmEvent> out, Instant now) {
        for (ActiveAlarm a : List.copyOf(active.values())) {
            if (!a.escalated() && a.acknowledgedBy().isEmpty()
                    && Duration.between(a.raisedAt(), now).compareTo(settings.escalateAfter(a.priority())) >= 0) {
                active.put(a.id(), a.escalate());
                out.add(new AlarmEvent(a.id(), AlarmEvent.Kind.ESCALATED, a.priority(), a.message() + " (unacknowledged)", now, "station"));
            }
        }
    }

    private void condition(List<AlarmEvent> out, String id, boolean on, AlarmPriority p, String message, Instant now) {
        ActiveAlarm a = active.get(id);
        if (on && a == null) {
            active.put(id, new ActiveAlarm(id, p, message, now, Optional.empty(), Optional.empty(), false));
            out.add(new AlarmEvent(id, AlarmEvent.Kind.RAISED, p, message, now, "station"));
        } else if (on) {
            active.put(id, a.message(message));
        } else if (a != null) {
            active.remove(id);
            out.add(new AlarmEvent(id, AlarmEvent.Kind.CLEARED, a.priority(), a.message(), now, "station"));
        }
    }

    private ActiveAlarm require(String alarmId) {
        ActiveAlarm a = active.get(alarmId);
        if (a == null) {
            throw new IllegalArgumentException("no active alarm " + alarmId);
        }
        return a;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
