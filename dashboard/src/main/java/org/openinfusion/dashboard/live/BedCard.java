package org.openinfusion.dashboard.live;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openinfusion.dashboard.AlarmWording;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.feed.BedState;
import org.openinfusion.dashboard.feed.SweepTrace;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.domain.Stream;

/**
 * One bed on the overview, in the spirit of a central station: subject code and session step, infusion progress,
 * live numbers with their units and limit colours, the most urgent active alarm in its priority colour, the next
 * rating with its countdown, and a mini pleth trace. The whole card is one link to the bed view.
 */
final class BedCard extends Anchor {
    private record Tile(Stream main, Stream second, Duration freshFor) {
    }

    private static final List<Tile> TILES = List.of(
            new Tile(Stream.HR, null, Duration.ofSeconds(10)),
            new Tile(Stream.SPO2, null, Duration.ofSeconds(10)),
            new Tile(Stream.ETCO2, null, Duration.ofSeconds(10)),
            new Tile(Stream.RESP_RATE, null, Duration.ofSeconds(10)),
            new Tile(Stream.NIBP_SYS, Stream.NIBP_DIA, Duration.ofMinutes(6)));

    private final String bedId;
    private final Map<Stream, Span> values = new EnumMap<>(Stream.class);
    private final Map<Stream, Span> ages = new EnumMap<>(Stream.class);
    private final Map<Stream, Div> tiles = new EnumMap<>(Stream.class);
    private final Span session = new Span();
    private final Span infusionText = new Span();
    private final Div progress = new Div();
    private final Div alarm = new Div();
    private final Div advice = new Div();
    private final Span next = new Span();
    private final SweepTrace trace;

    BedCard(String bedId) {
        super(Routes.bed(bedId), "");
        this.bedId = bedId;
        getElement().setAttribute("router-link", true);
        addClassName("bed-card");
        setId("bed-" + bedId);
        session.addClassName("card-session");
        session.setId(bedId + "-session");
        Div tileArea = new Div();
        tileArea.addClassName("tiles");
        for (Tile t : TILES) {
            Span value = new Span("--");
            value.addClassName("tile-value");
            value.setId(bedId + "-" + t.main().key());
            Span age = new Span();
            age.addClassName("tile-age");
            age.setId(bedId + "-" + t.main().key() + "-age");
            Span head = new Span(t.second() == null ? Text.get("stream." + t.main().key()) : "NIBP");
            head.addClassName("tile-label");
            Span unit = new Span(Text.get("unit." + t.main().key()));
            unit.addClassName("tile-unit");
            Div line = new Div(value, unit);
            line.addClassName("tile-line");
            Div tile = new Div(head, line, age);
            tile.addClassName("tile");
            tileArea.add(tile);
            values.put(t.main(), value);
            ages.put(t.main(), age);
            tiles.put(t.main(), tile);
        }
        progress.addClassName("inf-progress");
        infusionText.addClassName("card-infusion");
        infusionText.setId(bedId + "-infusion");
        alarm.addClassName("card-alarm");
        alarm.setId(bedId + "-alarm");
        advice.addClassName("card-advice");
        advice.setId(bedId + "-advice");
        advice.getElement().setAttribute("data-kind", "advisory");
        next.addClassName("card-next");
        next.setId(bedId + "-next");
        trace = new SweepTrace(bedId + "-pleth", "#00bcd4");
        trace.addClassName("mini-trace");
        H2 title = new H2(Text.get("bed.title", bedId));
        Div head = new Div(title, session);
        head.addClassName("card-head");
        Div infusion = new Div(infusionText, progress);
        infusion.addClassName("card-infusion-row");
        add(head, alarm, advice, tileArea, trace, infusion, next);
    }

    String bedId() {
        return bedId;
    }

    SweepTrace trace() {
        return trace;
    }

    void show(BedState state, Optional<SessionView> view, Instant now) {
        List<AlarmLimit> limits = view.map(SessionView::limits).orElse(List.of());
        for (Tile t : TILES) {
            Div tile = tiles.get(t.main());
            Span value = values.get(t.main());
            Span age = ages.get(t.main());
            BedState.Signal signal = state.numeric(t.main(), t.freshFor(), now);
            boolean periodic = t.second() != null;
            boolean problem = periodic ? signal == BedState.Signal.DISCONNECTED || signal == BedState.Signal.SENSOR_OFF
                    : signal != BedState.Signal.OK;
            tile.getElement().setAttribute("data-signal", problem ? signal.name().toLowerCase(Locale.ROOT) : "ok");
            state.get(t.main()).ifPresentOrElse(latest -> {
                value.setText(latest.text() + (t.second() == null ? "" : "/" + state.get(t.second()).map(BedState.Latest::text).orElse("--")));
                Duration old = Duration.between(latest.deviceTime(), now);
                boolean stale = old.compareTo(t.freshFor()) > 0;
                tile.getElement().setAttribute("data-stale", String.valueOf(stale));
                tile.getElement().setAttribute("data-alarm", stale ? "none" : state.breach(limits, t.main(), t.second()));
                age.setText(problem ? signal.words() : periodic || stale ? Text.ago(old) : "");
            }, () -> age.setText(problem ? signal.words()
                    // a cuff that has not taken its first reading reads as on the bed view, not as a missing data link
                    : periodic ? Text.get("signal.noReading") : signal == BedState.Signal.WAITING ? signal.words() : ""));
        }
        trace.getElement().setAttribute("data-signal-label", state.wave(Stream.PLETH, Duration.ofMillis(1500), now).words());
        session.setText(view.map(v -> v.subjectCode() + "  " + Text.state(v)).orElse(Text.get("bed.noSession")));
        // each figure kept on one line with its unit (no-break spaces): a narrow card wraps between time and volume only,
        // never "60.0" / "mL"
        infusionText.setText(view.map(v -> (Text.minutes(v.infusion().infusing()) + " / " + Text.minutes(v.plan().duration()) + " min").replace(' ', '\u00a0')
                + "   " + (Text.decimal(v.infusion().volumeInfusedMl()) + " / " + Text.decimal(v.plan().volumeMl()) + " mL").replace(' ', '\u00a0'))
                .orElse(""));
        double fraction = view.map(v -> v.plan().volumeMl() <= 0 ? 0 : Math.min(1, v.infusion().volumeInfusedMl() / v.plan().volumeMl())).orElse(0.0);
        progress.getStyle().set("--fraction", String.format(Locale.ROOT, "%.3f", fraction));
        progress.setVisible(view.isPresent());
        showAlarm(view.flatMap(v -> v.activeAlarms().stream().max(Comparator.comparing(ActiveAlarm::priority)
                .thenComparing(a -> a.acknowledgedBy().isEmpty()))), state, now);
        List<AlarmEvent> advisories = view.map(SessionView::holdAdvisories).orElse(List.of());
        advice.setText(advisories.stream().map(a -> Text.get("hold.advisory", AlarmWording.of(a.alarmId(), a.message(), bedId, state::deviceName)))
                .collect(Collectors.joining("\n")));
        advice.setVisible(!advisories.isEmpty());
        showNext(view, now);
    }

    private void showAlarm(Optional<ActiveAlarm> a, BedState state, Instant now) {
        // who acknowledged and until when it is silenced follow the alarm after a dot, not in brackets: the name already
        // carries the role in brackets ("Demo Nurse (nurse)"), never "(acknowledged by Demo Nurse (nurse))"
        alarm.setText(a.map(x -> Text.of("priority", x.priority()) + ": " + AlarmWording.of(x.id(), x.message(), bedId, state::deviceName)
                + x.acknowledgedBy().map(by -> " " + Text.get("overview.alarmAcknowledged", StaffNames.named(by))).orElse("")
                + (x.audible(now) ? "" : " " + Text.get("overview.alarmSilenced", Text.clock(x.silencedUntil().orElseThrow())))).orElse(""));
        alarm.setVisible(a.isPresent());
        alarm.getElement().setAttribute("data-priority", a.map(x -> x.priority().name().toLowerCase(Locale.ROOT)).orElse("none"));
        alarm.getElement().setAttribute("data-acknowledged", String.valueOf(a.map(x -> x.acknowledgedBy().isPresent()).orElse(false)));
    }

    private void showNext(Optional<SessionView> view, Instant now) {
        Optional<Prompt> p = view.flatMap(v -> next(v.prompts()));
        next.setText(p.map(x -> Text.get("overview.next", Text.formsToRate(x, view.orElseThrow()),
                Text.timePoint(x.timePointId()), Text.due(x, now))).orElse(""));
        next.getElement().setAttribute("data-state", p.map(x -> x.state().name().toLowerCase(Locale.ROOT)).orElse("none"));
    }

    /**
     * The time point the card names: one overdue first, then one open now (due), then the scheduled one due soonest; the
     * bed view's banner says the same. By due time alone a baseline overdue from an early infusion start (its due time
     * the capsule + 45 min, still ahead) gave way to "T+20 min: due in 19 min" (seen in the demo, session 13).
     */
    static Optional<Prompt> next(List<Prompt> prompts) {
        Comparator<Prompt> byDue = Comparator.comparing(x -> x.due().orElse(Instant.MAX));
        for (PromptState state : List.of(PromptState.OVERDUE, PromptState.DUE)) {
            Optional<Prompt> open = prompts.stream().filter(x -> x.state() == state).min(byDue);
            if (open.isPresent()) {
                return open;
            }
        }
        return prompts.stream().filter(x -> x.state() == PromptState.SCHEDULED && x.due().isPresent()).min(byDue);
    }
}
