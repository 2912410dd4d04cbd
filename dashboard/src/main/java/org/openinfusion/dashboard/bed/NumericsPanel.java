package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.dashboard.live.BedState;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.domain.Stream;

/**
 * Large numerics readable from 2 m: HR, SpO2, EtCO2, RR and NIBP with the time since it was measured. A value
 * outside the session protocol's limits takes the limit's priority colour; an old value is marked stale.
 */
final class NumericsPanel extends Div {
    private final List<NumericTile> tiles = List.of(
            new NumericTile("hr", "HR", "/min", Stream.HR, null, Duration.ofSeconds(10)),
            new NumericTile("spo2", "SpO2", "%", Stream.SPO2, null, Duration.ofSeconds(10)),
            new NumericTile("etco2", "EtCO2", "mmHg", Stream.ETCO2, null, Duration.ofSeconds(10)),
            new NumericTile("rr", "RR", "/min", Stream.RESP_RATE, null, Duration.ofSeconds(10)),
            new NumericTile("nibp", "NIBP", "mmHg", Stream.NIBP_SYS, Stream.NIBP_DIA, Duration.ofMinutes(6)));

    NumericsPanel() {
        addClassName("numerics");
        tiles.forEach(this::add);
    }

    void show(BedState state, List<AlarmLimit> limits, Instant now) {
        tiles.forEach(t -> t.show(state, limits, now));
    }

    /** One big number (or sys/dia) with its label, unit and age. */
    static final class NumericTile extends Div {
        private final Stream main;
        private final Stream second;
        private final Duration freshFor;
        private final Span value = new Span("--");
        private final Span age = new Span();

        NumericTile(String id, String label, String unit, Stream main, Stream second, Duration freshFor) {
            this.main = main;
            this.second = second;
            this.freshFor = freshFor;
            addClassName("numeric");
            setId("num-" + id);
            value.addClassName("numeric-value");
            value.setId("num-" + id + "-value");
            age.addClassName("numeric-age");
            age.setId("num-" + id + "-age");
            Span head = new Span(label + " " + unit);
            head.addClassName("numeric-label");
            add(head, value, age);
        }

        void show(BedState state, List<AlarmLimit> limits, Instant now) {
            Optional<BedState.Latest> m = state.get(main);
            if (m.isEmpty()) {
                return;
            }
            String text = m.get().text() + (second == null ? "" : "/" + state.get(second).map(BedState.Latest::text).orElse("--"));
            value.setText(text);
            Duration old = Duration.between(m.get().deviceTime(), now);
            boolean stale = old.compareTo(freshFor) > 0;
            getElement().setAttribute("data-stale", String.valueOf(stale));
            age.setText(second != null || stale ? ago(old) : "");
            String alarm = stale ? "none" : breach(state, limits);
            getElement().setAttribute("data-alarm", alarm);
        }

        private String breach(BedState state, List<AlarmLimit> limits) {
            return limits.stream()
                    .filter(l -> l.stream() == main || l.stream() == second)
                    .filter(l -> state.get(l.stream()).map(v -> outside(l, v.value())).orElse(false))
                    .map(AlarmLimit::priority).max(Comparator.naturalOrder())
                    .map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("none");
        }

        private static boolean outside(AlarmLimit l, double v) {
            return (l.low().isPresent() && v < l.low().getAsDouble()) || (l.high().isPresent() && v > l.high().getAsDouble());
        }
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + " s ago" : (s / 60) + " min " + (s % 60) + " s ago";
    }
}
