package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.audit.AuditTail;
import org.openinfusion.station.clinical.audit.AuditVerifier;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.testing.Eventually;

/**
 * The station on a small real filesystem (a 8 MiB tmpfs) that fills up: DISK_LOW before anything fails, then
 * AUDIT_UNAVAILABLE when the audit file cannot be written, both high-priority on the open session's bed and in
 * /health (503); both clear and the audit trail continues, intact, once space returns.
 */
class DiskFullIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final String BED = "disk-01";
    private static final long SIZE = 8L << 20;

    @Test
    void aFillingDiskRaisesDiskLowThenAuditUnavailableOnTheBedAndInHealthAndTheTrailReopensIntactWhenSpaceReturns()
            throws Exception {
        SmallFilesystem.Attempt attempt = SmallFilesystem.mount(SIZE);
        Assumptions.assumeTrue(attempt.filesystem().isPresent(),
                "assumption: the test can mount a size-limited tmpfs (it runs as root on the project's machines); here: "
                        + attempt.problem() + ". AuditLogTest covers the same logic with a fault-injecting channel.");
        try (SmallFilesystem fs = attempt.filesystem().get()) {
            Path data = fs.dir().resolve("station");
            Path auditFile = data.resolve("audit").resolve("audit.log");
            Map<String, String> settings = StationFixture.settings(SERVERS, data, "station-disk");
            settings.put("health.diskLowBytes", "4MiB");
            settings.put("health.diskCheckInterval", "200ms");
            settings.put("buffer.maxBytes", "2MiB");
            settings.put("buffer.segmentBytes", "256KiB");
            Path filler = fs.dir().resolve("filler");
            AuditTail review = new AuditTail(auditFile);
            try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx())) {
                StationFixture.awaitSubscribed(station);
                List<TechnicalAlarm> alarms = new CopyOnWriteArrayList<>();
                station.vertx().eventBus().<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
                SessionService sessions = station.sessions();
                blocking(station, () -> sessions.create("nurse-1", BED, "ketamine-buprenorphine-double-dummy", "KET-301",
                        SubjectMeasures.weight(75), "KIT-0009"));
                review.refresh();
                assertEquals(200, status(station).statusCode());

                // when the disk fills to below the threshold (nothing has failed yet)
                fill(filler, fs, 3L << 20);
                // then DISK_LOW is raised as a high-priority alarm, on the open session's bed too, and /health is 503
                Eventually.waitUntil(Duration.ofSeconds(10), "DISK_LOW raised", () -> active(alarms, TechnicalAlarm.DISK_LOW));
                assertTrue(alarms.stream().filter(a -> a.code().equals(TechnicalAlarm.DISK_LOW)).allMatch(TechnicalAlarm::highPriority));
                Eventually.waitUntil(Duration.ofSeconds(10), "DISK_LOW on the bed", () -> onBed(sessions, TechnicalAlarm.DISK_LOW).isPresent());
                assertEquals(AlarmPriority.HIGH, onBed(sessions, TechnicalAlarm.DISK_LOW).orElseThrow().priority());
                HttpResponse<String> low = status(station);
                assertEquals(503, low.statusCode());
                assertTrue(new JsonObject(low.body()).getBoolean("diskLow"));
                assertTrue(new JsonObject(low.body()).getBoolean("auditAvailable"));

                // when the disk is full and nurses record markers until the audit file has no room left in its last page
                fill(filler, fs, 0);
                ExecutionException refused = null;
                for (int i = 0; i < 100 && refused == null; i++) {
                    try {
                        blocking(station, () -> sessions.mark(BED, "nurse-1", "note", "x"));
                    } catch (ExecutionException e) {
                        refused = e;
                    }
                }
                assertTrue(refused != null, "a marker was refused on the full disk");
                // then the step is refused, AUDIT_UNAVAILABLE is raised (high priority, on the bed) and /health says why
                assertTrue(String.valueOf(refused.getCause().getMessage()).contains("audit"), refused.toString());
                Eventually.waitUntil(Duration.ofSeconds(10), "AUDIT_UNAVAILABLE raised",
                        () -> active(alarms, TechnicalAlarm.AUDIT_UNAVAILABLE));
                Eventually.waitUntil(Duration.ofSeconds(10), "AUDIT_UNAVAILABLE on the bed",
                        () -> onBed(sessions, TechnicalAlarm.AUDIT_UNAVAILABLE).isPresent());
                assertEquals(AlarmPriority.HIGH, onBed(sessions, TechnicalAlarm.AUDIT_UNAVAILABLE).orElseThrow().priority());
                JsonObject full = new JsonObject(status(station).body());
                assertFalse(full.getBoolean("auditAvailable"));
                assertTrue(full.getString("auditError").contains("No space left on device"), full.getString("auditError"));
                review.refresh();

                // when space returns
                Files.delete(filler);
                // then both alarms clear, /health is 200, and the trail reopened on its own (the periodic disk check)
                Eventually.waitUntil(Duration.ofSeconds(10), "both alarms cleared",
                        () -> !active(alarms, TechnicalAlarm.DISK_LOW) && !active(alarms, TechnicalAlarm.AUDIT_UNAVAILABLE));
                assertEquals(200, status(station).statusCode());
                blocking(station, () -> sessions.mark(BED, "nurse-1", "note", "after the disk emptied"));
                Eventually.waitUntil(Duration.ofSeconds(10), "alarms off the bed",
                        () -> onBed(sessions, TechnicalAlarm.DISK_LOW).isEmpty() && onBed(sessions, TechnicalAlarm.AUDIT_UNAVAILABLE).isEmpty());
            }
            // and the trail is one intact chain that records the gap, without the refused marker, followed by review throughout
            assertTrue(AuditVerifier.verify(auditFile).intact(), AuditVerifier.verify(auditFile).toString());
            List<AuditEntry> trail = AuditReader.readVerified(auditFile);
            AuditEntry gap = trail.stream().filter(e -> e.type().equals(AuditLog.UNAVAILABLE_PERIOD)).findFirst().orElseThrow();
            assertTrue(((Number) gap.payload().get("refusedEntries")).longValue() >= 1, gap.payload().toString());
            assertEquals(1, trail.stream().filter(e -> e.type().equals("marker.recorded")
                    && "after the disk emptied".equals(e.payload().get("note"))).count());
            assertEquals(trail.size(), refreshed(auditFile));
            review.refresh();
            assertTrue(review.broken().isEmpty(), review.broken().toString());
            assertEquals(trail.size(), review.entries());
        }
    }

    private static long refreshed(Path auditFile) throws IOException {
        AuditTail tail = new AuditTail(auditFile);
        tail.refresh();
        return tail.entries();
    }

    /** Writes to {@code filler} until the filesystem has at most {@code leaveFree} bytes free (or is full). */
    private static void fill(Path filler, SmallFilesystem fs, long leaveFree) throws IOException {
        byte[] block = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            while (fs.free() > leaveFree) {
                out.write(block, 0, (int) Math.min(block.length, Math.max(4096, fs.free() - leaveFree)));
                out.flush();
            }
        } catch (IOException full) {
            if (leaveFree > 0) {
                throw full;
            }
        }
    }

    private static boolean active(List<TechnicalAlarm> alarms, String code) {
        boolean on = false;
        for (TechnicalAlarm a : alarms) {
            if (a.code().equals(code)) {
                on = a.active();
            }
        }
        return on;
    }

    private static Optional<ActiveAlarm> onBed(SessionService sessions, String code) {
        return sessions.onBed(BED).flatMap(r -> r.alarms().active().stream().filter(a -> a.id().equals("TECH:" + code)).findFirst());
    }

    private static HttpResponse<String> status(StationApp station) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + station.statusPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T blocking(StationApp station, Callable<T> work) throws Exception {
        return station.vertx().executeBlocking(work).toCompletionStage().toCompletableFuture().get();
    }
}
