package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

/** When a monitor's value was measured, on the station's clock: its age is judged on the earlier of receipt and corrected device time. */
class MonitorReadingsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    /** The monitor's clock runs 90 s behind the station's. */
    private static final Duration BEHIND = Duration.ofSeconds(90);
    private static final DeviceRef MONITOR = new DeviceRef("bed-02", "mon-1");
    private final MonitorReadings readings = new MonitorReadings();
    private long seq;

    private void sample(DeviceRef device, Stream stream, double value, Instant deviceTime, Instant receiveTime) {
        readings.sample(new NumericSample(device, stream, value, deviceTime, receiveTime, ++seq));
    }

    private MonitorReadings.Reading latest(Stream stream) {
        return readings.latest("bed-02").stream().filter(r -> r.stream() == stream).findFirst().orElseThrow();
    }

    @Test
    void aContinuousValueIsMeasuredWhenReceivedWhateverTheDevicesClockSays() {
        sample(MONITOR, Stream.HR, 72, NOW.minus(BEHIND), NOW);
        assertEquals(NOW, latest(Stream.HR).measuredAt());
    }

    @Test
    void aCuffReadingDeliveredLateIsAsOldAsTheCuffSaysOnTheStationsClock() {
        sample(MONITOR, Stream.HR, 72, NOW.minus(BEHIND), NOW); // teaches the monitor's clock offset: +90 s
        // measured 5 min ago by the device's clock, sent again after a reconnect and received now
        Instant measured = NOW.minus(Duration.ofMinutes(5));
        sample(MONITOR, Stream.NIBP_SYS, 128, measured.minus(BEHIND), NOW);
        assertEquals(measured, latest(Stream.NIBP_SYS).measuredAt(), "the corrected device time, not the arrival");
        assertEquals(NOW, latest(Stream.NIBP_SYS).receivedAt());
    }

    @Test
    void aLateFlushOfValuesDoesNotTeachTheOffsetSoACuffReadingInItStaysOld() {
        sample(MONITOR, Stream.HR, 72, NOW.minus(BEHIND), NOW); // delivered at once: the monitor's clock offset is +90 s
        // the station was away 4 min; the broker then delivers what the monitor sent meanwhile, all at once
        Instant flush = NOW.plus(Duration.ofMinutes(4));
        for (int s = 10; s <= 230; s += 10) {
            sample(MONITOR, Stream.HR, 74, NOW.plusSeconds(s).minus(BEHIND), flush);
        }
        Instant cuffMeasured = NOW.plusSeconds(60);
        sample(MONITOR, Stream.NIBP_SYS, 131, cuffMeasured.minus(BEHIND), flush);
        assertEquals(cuffMeasured, latest(Stream.NIBP_SYS).measuredAt(), "as old as the cuff says, not as fresh as the flush");
        assertEquals(NOW.plusSeconds(230), latest(Stream.HR).measuredAt(), "the last heart rate of the flush, as measured");
    }

    @Test
    void aDeviceClockSetBackCountsOnceTheWindowHasPassed() {
        sample(MONITOR, Stream.HR, 72, NOW.minus(BEHIND), NOW);
        // the monitor's clock is set back 60 s more: until the older, smaller offset leaves the window its values look older
        Duration later = MonitorReadings.OFFSET_WINDOW.plusSeconds(1);
        Instant at = NOW.plus(later);
        sample(MONITOR, Stream.HR, 73, at.minus(BEHIND).minusSeconds(60), at);
        assertEquals(at, latest(Stream.HR).measuredAt());
        Instant cuff = at.plusSeconds(1);
        sample(MONITOR, Stream.NIBP_SYS, 128, cuff.minus(BEHIND).minusSeconds(60), cuff);
        assertEquals(cuff, latest(Stream.NIBP_SYS).measuredAt(), "the new offset is the least in the window");
    }

    @Test
    void aCorrectedDeviceTimeAfterTheArrivalCannotMakeAValueYoungerThanItsArrival() {
        sample(MONITOR, Stream.HR, 72, NOW.minus(BEHIND), NOW);
        Instant received = NOW.plusSeconds(30);
        // the device clock drifted 2 s ahead since the offset was learnt: corrected, the reading would be from the future
        sample(MONITOR, Stream.NIBP_SYS, 128, received.minus(BEHIND).plusSeconds(2), received);
        assertEquals(received, latest(Stream.NIBP_SYS).measuredAt());
    }

    @Test
    void withoutALearntOffsetTheDevicesOwnClockIsNotTrustedAndTheArrivalCounts() {
        DeviceRef cuff = new DeviceRef("bed-02", "cuff-1"); // sends no continuous value: its offset is unknown
        sample(cuff, Stream.NIBP_SYS, 128, NOW.minus(Duration.ofHours(2)), NOW);
        assertEquals(NOW, latest(Stream.NIBP_SYS).measuredAt());
    }

    @Test
    void aReadingDeliveredLateNeverReplacesALaterOneOfTheStream() {
        sample(MONITOR, Stream.HR, 72, NOW.minus(BEHIND), NOW);
        sample(MONITOR, Stream.NIBP_SYS, 130, NOW.minus(BEHIND).minusSeconds(60), NOW);
        sample(MONITOR, Stream.NIBP_SYS, 150, NOW.minus(BEHIND).minusSeconds(400), NOW.plusSeconds(1)); // an older one, arriving after
        assertEquals(130.0, latest(Stream.NIBP_SYS).value());
        assertEquals(List.of("bed-02"), readings.beds());
    }
}
