package org.openinfusion.station.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.Rejection;
import org.openinfusion.station.testing.CapturedLog;

class IngestMetricsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final IngestMetrics metrics = new IngestMetrics(clock, Duration.ofSeconds(10));

    @Test
    void aTopicAndADetailWithLineBreaksAreLoggedOnOneEscapedLine() {
        try (CapturedLog log = new CapturedLog(IngestMetrics.class)) {
            // given a topic and a SenML name from the network carrying CR/LF and a forged log line
            String topic = "station/v1/beds/b1\r\n12:00:00.000 INFO  station started/devices/d";
            // when the message is rejected
            metrics.rejected(topic, new Rejection(RejectReason.UNKNOWN_STREAM, "unknown name 'x\nERROR audit file deleted'"));
            // then one log line shows both with their line breaks written out, nothing starts a new line
            String line = log.lines().getLast();
            assertTrue(line.contains("beds/b1\\r\\n12:00:00.000 INFO"), line);
            assertTrue(line.contains("'x\\nERROR audit file deleted'"), line);
            assertTrue(line.chars().noneMatch(c -> c == '\r' || c == '\n'), line);
        }
    }

    @Test
    void theFirstRejectionIsLoggedAtOnceWithItsTopicAndReason() {
        try (CapturedLog log = new CapturedLog(IngestMetrics.class)) {
            metrics.rejected("station/v1/hello", new Rejection(RejectReason.UNKNOWN_TOPIC, "not beds/{bed}/devices/{device}/..."));

            assertEquals(List.of("rejected UNKNOWN_TOPIC on station/v1/hello: not beds/{bed}/devices/{device}/..."), log.lines());
            assertEquals(1, metrics.rejects(RejectReason.UNKNOWN_TOPIC));
        }
    }

    @Test
    void oneReasonIsLoggedAtMostOncePerIntervalAndTheNextLineSaysHowManyWereSuppressed() {
        try (CapturedLog log = new CapturedLog(IngestMetrics.class)) {
            for (int second = 0; second < 25; second++) {
                metrics.rejected("station/v1/beds/b/devices/d/numerics", new Rejection(RejectReason.OUT_OF_RANGE, "spo2 = 140"));
                clock.advance(Duration.ofSeconds(1));
            }
            // 25 rejections over 25 s with a 10 s interval: lines at 0 s, 10 s and 20 s
            assertEquals(List.of(
                    "rejected OUT_OF_RANGE on station/v1/beds/b/devices/d/numerics: spo2 = 140",
                    "rejected OUT_OF_RANGE on station/v1/beds/b/devices/d/numerics: spo2 = 140 (9 more OUT_OF_RANGE since the last report)",
                    "rejected OUT_OF_RANGE on station/v1/beds/b/devices/d/numerics: spo2 = 140 (9 more OUT_OF_RANGE since the last report)"),
                    log.lines());
            assertEquals(25, metrics.rejects(RejectReason.OUT_OF_RANGE));
        }
    }

    @Test
    void timeCollisionsAreCountedPerStreamAndLoggedAtTheSameBoundedRate() {
        var monitor = new DeviceRef("bed-01", "monitor");
        try (CapturedLog log = new CapturedLog(IngestMetrics.class)) {
            for (int i = 0; i < 3; i++) {
                metrics.collided(monitor, Stream.HR, "two samples at device time T: seq 5 and 6");
            }
            clock.advance(Duration.ofSeconds(10));
            metrics.collided(monitor, Stream.HR, "two samples at device time T: seq 5 and 7");
            metrics.collided(monitor, Stream.SPO2, "two samples at device time T: seq 1 and 2");

            assertEquals(Map.of("bed-01/monitor/hr", 4L, "bed-01/monitor/spo2", 1L), metrics.collisionsTotal());
            assertEquals(List.of("time collision on bed-01/monitor/hr: two samples at device time T: seq 5 and 6",
                    "time collision on bed-01/monitor/hr: two samples at device time T: seq 5 and 7 (2 more on bed-01/monitor/hr since the last report)",
                    "time collision on bed-01/monitor/spo2: two samples at device time T: seq 1 and 2"), log.lines());
        }
    }

    @Test
    void eachReasonHasItsOwnInterval() {
        try (CapturedLog log = new CapturedLog(IngestMetrics.class)) {
            metrics.rejected("t/a", new Rejection(RejectReason.BAD_TIME, "relative time"));
            metrics.rejected("t/b", new Rejection(RejectReason.WRONG_UNIT, "u = mmHg"));
            metrics.rejected("t/c", new Rejection(RejectReason.BAD_TIME, "relative time"));

            assertEquals(2, log.lines().size());
            assertTrue(log.lines().get(1).startsWith("rejected WRONG_UNIT on t/b"));
        }
    }
}
