package org.openinfusion.dashboard.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client of the simulator's HTTP control channel (docs/simulation.md, "Control channel") for the
 * engineer's page. It reads only what an engineer may see at a bedside: the pump, the scenario and
 * the underlying vital signs; never the bag's drug, the concentrations or the sedation, which would
 * reveal the sealed arm. A refusal or a bad request comes back as {@link ControlException} with the
 * simulator's own message.
 */
public final class ControlChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * One simulated bed as the simulator reports it ({@code pumpState}, {@code pumpAlarm}: the simulator's names;
     * {@code scenario}: the scenario's name; {@code effectsInEffect}: a change, artefact or apnoea still in effect).
     * The page words it ({@link SimulatorView}).
     */
    public record SimulatedBedRow(String bedId, double simulatedMinutes, String pumpState, String pumpAlarm,
                                  double rateMlPerHour, double infusedMl, double vtbiMl, String scenario, int pendingEvents,
                                  boolean effectsInEffect, double heartRate, double systolic, double diastolic, double spo2,
                                  double respiratoryRate) {
    }

    /** A shipped scenario: its name (what the simulator is asked for) and its title (what people read). */
    public record ScenarioChoice(String name, String title, String description) {
    }

    /** The simulator refused or did not answer; the message says why. */
    public static final class ControlException extends Exception {
        public ControlException(String message) {
            super(message);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** {@code base} e.g. {@code http://127.0.0.1:8099/}. */
    public ControlChannel(URI base) {
        this.base = base;
    }

    public List<SimulatedBedRow> beds() throws ControlException {
        List<SimulatedBedRow> rows = new ArrayList<>();
        for (JsonNode bed : call("GET", "beds", null)) {
            JsonNode pump = bed.path("pump");
            rows.add(new SimulatedBedRow(bed.path("bedId").asText(), bed.path("simulatedSeconds").asDouble() / 60,
                    pump.path("state").asText(), pump.path("alarm").asText("NONE"), pump.path("rateMlPerHour").asDouble(),
                    pump.path("infusedMl").asDouble(), pump.path("programmedVtbiMl").asDouble(),
                    bed.path("scenario").asText(""), bed.path("pendingEvents").asInt(), bed.path("effectsInEffect").asBoolean(false),
                    bed.path("heartRate").asDouble(),
                    bed.path("systolic").asDouble(), bed.path("diastolic").asDouble(), bed.path("spo2").asDouble(),
                    bed.path("respiratoryRate").asDouble()));
        }
        return rows;
    }

    /** The shipped scenarios; a scenario without a title is titled by its name. */
    public List<ScenarioChoice> scenarios() throws ControlException {
        List<ScenarioChoice> choices = new ArrayList<>();
        call("GET", "scenarios", null).forEach(s -> choices.add(new ScenarioChoice(s.path("name").asText(),
                s.path("title").asText(s.path("name").asText()), s.path("description").asText(""))));
        return choices;
    }

    /** Applies one event now, as in a scenario without {@code at}: {@code {"action": "pump-alarm", "alarm": "occlusion"}}. */
    public void event(String bedId, Map<String, Object> event) throws ControlException {
        call("POST", "beds/" + bedId + "/events", event);
    }

    /** Starts a shipped scenario on the bed now (with its own pump events). */
    public void startScenario(String bedId, String name) throws ControlException {
        call("POST", "beds/" + bedId + "/scenario", Map.of("name", name, "pumpStart", true));
    }

    public void stopScenario(String bedId) throws ControlException {
        call("DELETE", "beds/" + bedId + "/scenario", null);
    }

    private JsonNode call(String method, String path, Object body) throws ControlException {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").method(method, publisher).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new ControlException(answer.path("error").asText("the simulator answered " + response.statusCode()));
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new ControlException("the simulator's answer is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ControlException("the simulator's control channel does not answer at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException("interrupted");
        }
    }
}
