package org.openinfusion.station.health;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Serves {@code GET /health} as JSON, computed when asked: 200 when broker, store, disk and audit trail are fine, 503
 * otherwise; and {@code GET /metrics}: the same counters in Prometheus' text format ({@link StatusMetrics}).
 */
public final class StatusHttpVerticle extends VerticleBase {
    private final String host;
    private final int port;
    private final Supplier<HealthSnapshot> health;
    private final StatusMetrics metrics;
    private HttpServer server;

    public StatusHttpVerticle(String host, int port, Supplier<HealthSnapshot> health) {
        this.host = host;
        this.port = port;
        this.health = health;
        this.metrics = new StatusMetrics(health);
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer().requestHandler(this::handle);
        return server.listen(port, host);
    }

    /** The port actually bound (useful when configured as 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest req) {
        if ("/metrics".equals(req.path())) {
            req.response().setStatusCode(200).putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
            return;
        }
        if (!"/health".equals(req.path())) {
            req.response().setStatusCode(404).end("not found; try /health or /metrics\n");
            return;
        }
        HealthSnapshot s = health.get();
        req.response()
                .setStatusCode(s.healthy() ? 200 : 503)
                .putHeader("content-type", "application/json")
                .end(toJson(s).encodePrettily());
    }

    static JsonObject toJson(HealthSnapshot s) {
        return new JsonObject()
                .put("time", s.time().toString())
                .put("status", s.healthy() ? "UP" : "DEGRADED")
                .put("brokerConnected", s.brokerConnected())
                .put("storeReachable", s.storeReachable())
                .put("storeError", s.storeError())
                .put("bufferPendingBytes", s.bufferPendingBytes())
                .put("bufferCapacityBytes", s.bufferCapacityBytes())
                .put("valuesPerSecond", new JsonObject(new TreeMap<>(s.valuesPerSecond())))
                .put("valuesTotal", new JsonObject(new TreeMap<>(s.valuesTotal())))
                .put("rejects", new JsonObject(new TreeMap<>(s.rejects())))
                .put("sequenceMissing", s.sequenceMissing())
                .put("sequenceRepeated", s.sequenceRepeated())
                .put("pointsWritten", s.pointsWritten())
                .put("pointsDeadLettered", s.pointsDeadLettered())
                .put("brokerDisconnects", s.brokerDisconnects())
                .put("lastBrokerDisconnect", s.lastBrokerDisconnect().map(Object::toString).orElse(null))
                .put("diskFreeBytes", s.diskFreeBytes())
                .put("diskLow", s.diskLow())
                .put("auditAvailable", s.auditAvailable())
                .put("auditError", s.auditError())
                .put("timeCollisions", new JsonObject(new TreeMap<>(s.timeCollisions())))
                .put("devices", new JsonArray(s.devices().stream().map(d -> new JsonObject()
                        .put("name", d.name()).put("endpoint", d.endpoint()).put("protocol", d.protocol()).put("link", d.link())
                        .put("connected", d.connected()).put("silent", d.silent()).put("bytesReceived", d.bytesReceived())
                        .put("valuesDecoded", d.valuesDecoded()).put("lastData", d.lastData().map(Object::toString).orElse(null))
                        .put("problems", new JsonObject(new TreeMap<>(d.problems())))).toList()));
    }
}
