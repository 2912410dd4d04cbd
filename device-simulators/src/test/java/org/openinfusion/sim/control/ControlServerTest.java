package org.openinfusion.sim.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.Pacing;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;

/** The HTTP control channel on simulated beds with idle pumps (no broker needed: nothing is acknowledged). */
class ControlServerTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEngineerListsBedsProgramsAndStartsAPumpAndSeesTheDrugArrive() throws Exception {
        try (SimulatedBeds beds = SimulatedBeds.start(SimulatorConfig.defaults("tcp://127.0.0.1:1").withBeds(2)
                .withIdlePumps(true).withPacing(Pacing.MANUAL).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withProgressInterval(Duration.ZERO));
             ControlServer server = ControlServer.start(beds, 0)) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode list = get(base + "/beds", 200);
            assertEquals(2, list.size());
            assertEquals("STANDBY", list.get(0).get("pump").get("state").asText());
            assertEquals(0, list.get(0).get("pump").get("programmedVtbiMl").asDouble());

            post(base + "/beds/bed-01/events", "{\"action\":\"program-pump\",\"rate\":52.5,\"vtbi\":35}", 200);
            JsonNode started = post(base + "/beds/bed-01/events", "{\"action\":\"start-pump\"}", 200);
            assertEquals("INFUSING", started.get("pump").get("state").asText());
            JsonNode refused = post(base + "/beds/bed-01/events", "{\"action\":\"start-pump\"}", 409);
            assertEquals("already infusing", refused.get("error").asText());

            beds.advanceTo(NOW.plusSeconds(20 * 60));
            JsonNode bed = get(base + "/beds/bed-01", 200);
            assertEquals(17.5, bed.get("pump").get("infusedMl").asDouble(), 1e-6);
            assertTrue(bed.get("plasmaUgPerMl").asDouble() > 0.1, bed.toString());
            assertEquals(0, get(base + "/beds/bed-02", 200).get("plasmaUgPerMl").asDouble());
        }
    }

    @Test
    void faultsAndScenariosAreStartedAndBadRequestsAreAnsweredClearly() throws Exception {
        try (SimulatedBeds beds = SimulatedBeds.start(SimulatorConfig.defaults("tcp://127.0.0.1:1")
                .withIdlePumps(true).withPacing(Pacing.MANUAL).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withProgressInterval(Duration.ZERO));
             ControlServer server = ControlServer.start(beds, 0)) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode scenario = post(base + "/beds/bed-01/scenario", "{\"name\":\"pump-occlusion\"}", 200);
            assertEquals("pump-occlusion", scenario.get("scenario").asText());
            beds.advanceTo(NOW.plusSeconds(16 * 60));
            assertEquals("OCCLUSION", get(base + "/beds/bed-01", 200).get("pump").get("alarm").asText());
            post(base + "/beds/bed-01/events", "{\"action\":\"artefact\",\"type\":\"lead-off\",\"for\":\"30s\"}", 200);
            // the lead-off artefact is in effect for 30 s: the bed says so
            assertTrue(get(base + "/beds/bed-01", 200).get("effectsInEffect").asBoolean());
            JsonNode stopped = delete(base + "/beds/bed-01/scenario");
            assertEquals(0, stopped.get("pendingEvents").asInt());

            assertTrue(post(base + "/beds/bed-01/events", "{\"action\":\"dance\"}", 400).get("error").asText().contains("dance"));
            assertTrue(post(base + "/beds/bed-01/events", "not json", 400).get("error").asText().contains("JSON"));
            assertTrue(post(base + "/beds/bed-09/events", "{\"action\":\"start-pump\"}", 404).get("error").asText().contains("bed-09"));
            get(base + "/nothing-here", 404);
            JsonNode scenarios = get(base + "/scenarios", 200);
            assertEquals(5, scenarios.size());
            for (JsonNode s : scenarios) {
                assertFalse(s.get("title").asText().isBlank() || s.get("title").asText().equals(s.get("name").asText()),
                        "each shipped scenario has a title for people: " + s);
            }
        }
    }

    private JsonNode get(String url, int status) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build(), status);
    }

    private JsonNode post(String url, String body, int status) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), status);
    }

    private JsonNode delete(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), 200);
    }

    private JsonNode send(HttpRequest request, int status) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
