package org.openinfusion.dashboard.live;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.openinfusion.dashboard.bed.BedView;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.StreamKind;

/** One bed's numeric tiles. A value older than its stream's freshness limit is marked stale. */
final class BedCard extends Div {
    private record Tile(Stream stream, String label, Duration freshFor) {
    }

    private static final List<Tile> TILES = List.of(
            new Tile(Stream.HR, "HR /min", Duration.ofSeconds(10)),
            new Tile(Stream.SPO2, "SpO2 %", Duration.ofSeconds(10)),
            new Tile(Stream.PULSE_RATE, "Pulse /min", Duration.ofSeconds(10)),
            new Tile(Stream.ETCO2, "EtCO2 mmHg", Duration.ofSeconds(10)),
            new Tile(Stream.RESP_RATE, "RR /min", Duration.ofSeconds(10)),
            new Tile(Stream.NIBP_SYS, "NIBP sys", Duration.ofMinutes(6)),
            new Tile(Stream.NIBP_DIA, "NIBP dia", Duration.ofMinutes(6)),
            new Tile(Stream.NIBP_MEAN, "NIBP mean", Duration.ofMinutes(6)),
            new Tile(Stream.PUMP_RATE, "Rate mL/h", Duration.ofSeconds(10)),
            new Tile(Stream.PUMP_VOLUME_INFUSED, "Infused mL", Duration.ofSeconds(10)),
            new Tile(Stream.PUMP_VOLUME_TO_BE_INFUSED, "VTBI mL", Duration.ofSeconds(10)),
            new Tile(Stream.PUMP_STATE, "Pump", Duration.ofSeconds(10)),
            new Tile(Stream.PUMP_ALARM, "Pump alarm", Duration.ofSeconds(10)));

    private final Map<Stream, Span> values = new EnumMap<>(Stream.class);
    private final Map<Stream, Span> ages = new EnumMap<>(Stream.class);
    private final Span devices = new Span();

    BedCard(String bedId) {
        addClassName("bed-card");
        setId("bed-" + bedId);
        Div tiles = new Div();
        tiles.addClassName("tiles");
        for (Tile t : TILES) {
            Span value = new Span("--");
            value.addClassName("tile-value");
            value.setId(bedId + "-" + t.stream().key());
            if (t.stream().kind() == StreamKind.STATE) {
                value.addClassName("tile-state");
            }
            Span age = new Span();
            age.addClassName("tile-age");
            age.setId(bedId + "-" + t.stream().key() + "-age");
            Div tile = new Div(new Span(t.label()), value, age);
            tile.addClassName("tile");
            tiles.add(tile);
            values.put(t.stream(), value);
            ages.put(t.stream(), age);
        }
        devices.addClassName("devices");
        RouterLink open = new RouterLink("Open bed view", BedView.class, new RouteParameters("bedId", bedId));
        open.setId("open-" + bedId);
        add(new H2(bedId), open, devices, tiles);
    }

    void show(BedState state, Instant now) {
        for (Tile t : TILES) {
            Span value = values.get(t.stream());
            Span age = ages.get(t.stream());
            state.get(t.stream()).ifPresent(latest -> {
                value.setText(latest.text());
                Duration old = Duration.between(latest.deviceTime(), now);
                boolean stale = old.compareTo(t.freshFor()) > 0;
                value.getElement().setAttribute("data-stale", String.valueOf(stale));
                age.setText(t.stream().name().startsWith("NIBP") || stale ? ago(old) : "");
            });
        }
        StringBuilder text = new StringBuilder();
        state.devices().forEach((id, online) -> text.append(id).append(online ? " online  " : " OFFLINE  "));
        devices.setText(text.toString().trim());
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + " s ago" : (s / 60) + " min " + (s % 60) + " s ago";
    }
}
