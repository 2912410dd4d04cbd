package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimelineDataTest {
    private final TimelineData data = new TimelineData(CannedRecords.record(), id -> id.toUpperCase(Locale.ROOT));

    private static JsonObject series(JsonObject o, String panel, String key) {
        return o.getJsonArray("panels").stream().map(JsonObject.class::cast).filter(p -> p.getString("id").equals(panel)).findFirst()
                .orElseThrow().getJsonArray("series").stream().map(JsonObject.class::cast).filter(s -> s.getString("key").equals(key))
                .findFirst().orElseThrow();
    }

    @Test
    void theAxisIsInMinutesFromTheInfusionStart() {
        JsonObject o = new JsonObject(data.overview());

        assertEquals(-60.0, o.getDouble("from"));
        assertEquals(180.0, o.getDouble("to"));
        assertEquals("Minutes from infusion start", o.getString("axis"));
        // the bar's words come with the data from the bundle; the page's script holds none of its own
        assertEquals("Reset zoom", o.getString("resetZoom"));
        assertEquals("Auto-scale values", o.getString("autoScale"));
        assertTrue(o.getString("zoomHint").startsWith("Drag across a panel"), o.getString("zoomHint"));
    }

    @Test
    void aZoomedWindowIsSentAtFullResolution() {
        JsonObject d = new JsonObject(data.detail(10, 20));

        JsonArray t = series(d, "vitals", "hr").getJsonArray("t");
        // 10 minutes plus half a window either side, at 1 Hz, plus one sample beyond each edge
        assertEquals(20 * 60 + 1 + 2, t.size());
        assertEquals(5.0 - 1 / 60.0, t.getDouble(0), 1e-3);
    }

    @Test
    void thePlannedVolumeRisesAtThePlannedRateUpToThePlannedVolume() {
        JsonObject plan = series(new JsonObject(data.overview()), "infusion", "plan");

        assertEquals(List.of(0.0, 40.0, 180.0), plan.getJsonArray("t").getList());
        assertEquals(List.of(0.0, 100.0, 100.0), plan.getJsonArray("v").getList());
    }

    @Test
    void ratingTotalsLeaveOutSupersededRatings() {
        JsonObject cadss = series(new JsonObject(data.overview()), "ratings", "rating-0");

        assertEquals("CADSS", cadss.getString("label"));
        assertEquals(List.of(2.0, 23.0), cadss.getJsonArray("v").getList());
    }

    @Test
    void signaturesAndPromptsAreListedButNotDrawn() {
        JsonArray events = new JsonObject(data.overview()).getJsonArray("events");

        assertEquals(6, events.size());
        assertFalse(events.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("c").equals("SIGNATURE")));
        assertTrue(events.stream().map(JsonObject.class::cast).filter(e -> e.getString("c").equals("MARKER"))
                .allMatch(e -> e.getString("label").contains("T+20.0 min") && e.getBoolean("clickable")));
    }

    @Test
    void vitalsHaveClinicallyFixedScalesSoASmallChangeLooksSmall() {
        JsonObject vitals = new JsonObject(data.overview()).getJsonArray("panels").getJsonObject(0);

        assertEquals("vitals", vitals.getString("id"));
        assertEquals(List.of(40.0, 160.0), vitals.getJsonArray("yRange").getList());
        assertEquals(List.of(80.0, 100.0), vitals.getJsonArray("y2Range").getList());
        assertEquals("SpO2 %", vitals.getString("y2"));
    }
}
