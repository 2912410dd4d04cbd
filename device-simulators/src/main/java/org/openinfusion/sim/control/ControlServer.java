package org.openinfusion.sim.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.openinfusion.sim.scenario.EventParser;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.scenario.ScenarioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP control channel on a loopback port (docs/simulation.md, "Control channel"):
 * <pre>
 * GET    /beds                     every bed's state (JSON list)
 * GET    /beds/{bed}               one bed
 * POST   /beds/{bed}/events        apply one event now, body {"action": "program-pump", "rate": 52.5, "vtbi": 35}
 * POST   /beds/{bed}/scenario      start a scenario now, body {"name": "hypertension", "pumpStart": true}
 * DELETE /beds/{bed}/scenario      drop the scenario's events still to come
 * GET    /scenarios                the shipped scenarios
 * </pre>
 * Answers 200 with the bed's state, 400 for a bad request, 404 for an unknown bed or path, 409 when
 * the pump refuses (body {@code {"error": "..."}}). Binds to loopback only: it is a test instrument.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final SimulatorControl control;

    private ControlServer(HttpServer server, SimulatorControl control) {
        this.server = server;
        this.control = control;
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port). */
    public static ControlServer start(SimulatorControl control, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ControlServer server = new ControlServer(http, control);
        http.createContext("/", server::handle);
        http.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "sim-control-http");
            thread.setDaemon(true);
            return thread;
        }));
        http.start();
        LOG.info("simulator control channel on http://127.0.0.1:{}/beds", server.port());
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String[] path = exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            try {
                Object answer = route(method, path, exchange.getRequestBody());
                send(exchange, 200, answer);
            } catch (IllegalStateException e) {
                send(exchange, 409, Map.of("error", e.getMessage()));
            } catch (NotFound e) {
                send(exchange, 404, Map.of("error", e.getMessage()));
            } catch (IllegalArgumentException e) {
                boolean unknownBed = e.getMessage() != null && e.getMessage().startsWith("no simulated bed");
                send(exchange, unknownBed ? 404 : 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                LOG.warn("control request {} {} failed", method, exchange.getRequestURI(), e);
                send(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private Object route(String method, String[] path, InputStream body) throws IOException {
        if (path.length == 1 && path[0].equals("scenarios") && method.equals("GET")) {
            List<Map<String, String>> list = new ArrayList<>();
            for (String name : Scenario.SHIPPED) {
                Scenario scenario = Scenario.load(name);
                list.add(Map.of("name", name, "title", scenario.title(), "description", scenario.description()));
            }
            return list;
        }
        if (path.length >= 1 && path[0].equals("beds")) {
            if (path.length == 1 && method.equals("GET")) {
                return control.states();
            }
            if (path.length == 2 && method.equals("GET")) {
                return control.state(path[1]);
            }
            if (path.length == 3 && path[2].equals("events") && method.equals("POST")) {
                return control.apply(path[1], EventParser.parse(read(body)));
            }
            if (path.length == 3 && path[2].equals("scenario") && method.equals("POST")) {
                JsonNode request = read(body);
                Scenario scenario = Scenario.load(request.path("name").asText(""));
                if (!request.path("pumpStart").asBoolean(true)) {
                    scenario = scenario.withoutPumpStart();
                }
                control.startScenario(scenario, List.of(path[1]));
                return control.state(path[1]);
            }
            if (path.length == 3 && path[2].equals("scenario") && method.equals("DELETE")) {
                control.stopScenario(path[1]);
                return control.state(path[1]);
            }
        }
        throw new NotFound(method + " /" + String.join("/", path) + " is not part of the control channel");
    }

    private static JsonNode read(InputStream body) throws IOException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ScenarioException("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ScenarioException("the body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A path the channel does not serve. */
    private static final class NotFound extends IllegalArgumentException {
        NotFound(String message) {
            super(message);
        }
    }
}
