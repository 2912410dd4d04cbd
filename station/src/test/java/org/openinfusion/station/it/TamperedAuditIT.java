package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.security.AuthMessages;

/**
 * A station whose audit trail was cut behind its back does not continue it: it starts with the trail refused,
 * AUDIT_UNAVAILABLE raised and /health answering 503 with the reason, and the file stays as it was found.
 */
class TamperedAuditIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    @Test
    void aStationRestartedOnATruncatedTrailRefusesItAndSaysSoOnHealth() throws Exception {
        Path data = SERVERS.newFolder("tampered");
        var settings = StationFixture.settings(SERVERS, data, "station-tampered");
        // given a station that wrote three entries (wrong sign-ins) and closed (signing its last entry)
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx())) {
            for (int i = 0; i < 3; i++) {
                station.vertx().eventBus().request(Addresses.AUTH_SIGN_IN, new AuthMessages.SignInRequest("nobody", "wrong".toCharArray()))
                        .toCompletionStage().toCompletableFuture().handle((r, e) -> e).get();
            }
        }
        Path audit = data.resolve("audit").resolve("audit.log");
        List<String> lines = Files.readAllLines(audit);
        assertEquals(3, lines.size());
        // when its last entry is cut off while it is stopped
        Files.write(audit, lines.subList(0, 2));
        byte[] cut = Files.readAllBytes(audit);
        // then the restarted station refuses the trail and says why
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx())) {
            assertFalse(station.health().auditAvailable());
            assertTrue(station.health().auditError().contains("TRUNCATED"), station.health().auditError());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + station.statusPort() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode());
            JsonObject h = new JsonObject(r.body());
            assertEquals(false, h.getBoolean("auditAvailable"));
            assertTrue(h.getString("auditError").contains("the file has 2 entries but entry 3 was signed"), h.encodePrettily());
            // and a sign-in (which must be audited) is answered at once with 503
            Throwable refused = station.vertx().eventBus().request(Addresses.AUTH_SIGN_IN,
                    new AuthMessages.SignInRequest("nobody", "wrong".toCharArray())).toCompletionStage().toCompletableFuture()
                    .handle((x, e) -> e).get();
            assertTrue(refused.getMessage().contains("cannot write its audit trail"), String.valueOf(refused));
        }
        // and the file was not touched
        assertTrue(Arrays.equals(cut, Files.readAllBytes(audit)));
    }
}
