package org.openinfusion.station.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;

class SilenceWatchTest {
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump");
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(10));

    private List<String> check(int second) {
        return watch.check(T0.plusSeconds(second)).stream().map(c -> c.device() + (c.silent() ? " silent" : " back")).toList();
    }

    @Test
    void aDeviceThatStopsSendingIsSilentAfterTheConfiguredTimeAndBackWithItsNextValue() {
        watch.values(MONITOR, 3, T0);
        assertEquals(List.of(), check(9));
        assertEquals(List.of("bed-01/monitor silent"), check(10));
        assertEquals(List.of(), check(30), "reported once");
        watch.values(MONITOR, 1, T0.plusSeconds(31));
        assertEquals(List.of("bed-01/monitor back"), check(31));
    }

    @Test
    void aDeviceThatSaysItIsOnlineButNeverSendsIsSilentToo() {
        watch.status(new DeviceStatus(PUMP, true, T0, true), T0);
        assertEquals(List.of(), check(5));
        assertEquals(List.of("bed-01/pump silent"), check(10));
        assertTrue(watch.check(T0.plusSeconds(11)).isEmpty());
    }

    @Test
    void aWholeBedGoingQuietRaisesOneAlarmPerDevice() {
        watch.values(MONITOR, 1, T0);
        watch.values(PUMP, 1, T0.plusSeconds(1));
        assertEquals(List.of("bed-01/monitor silent"), check(10));
        assertEquals(List.of("bed-01/pump silent"), check(11));
    }

    @Test
    void anOfflineDeviceIsNotWatchedAndAnAlarmItHadIsCleared() {
        watch.values(MONITOR, 1, T0);
        assertEquals(List.of("bed-01/monitor silent"), check(10));
        watch.status(new DeviceStatus(MONITOR, false, T0.plusSeconds(12)), T0.plusSeconds(12));
        assertEquals(List.of("bed-01/monitor back"), check(12));
        assertEquals(List.of(), check(100));
        watch.status(new DeviceStatus(MONITOR, true, T0.plusSeconds(100)), T0.plusSeconds(100));
        assertEquals(List.of("bed-01/monitor silent"), check(110), "online again but nothing sent");
    }

    @Test
    void aRetainedStatusHandedOverAgainOnReconnectingDoesNotResetTheSilenceClock() {
        watch.status(new DeviceStatus(PUMP, true, T0, true), T0);
        watch.status(new DeviceStatus(PUMP, true, T0.plusSeconds(8), true), T0.plusSeconds(8));
        assertEquals(List.of("bed-01/pump silent"), check(10));
        watch.status(new DeviceStatus(PUMP, true, T0.plusSeconds(12), true), T0.plusSeconds(12));
        assertEquals(List.of(), check(12), "still silent: a stored status is no sign of life");
    }

    @Test
    void afterABrokerReconnectTheDevicesThatWereFineGetTheFullTimeAgainAndSilentOnesStaySilent() {
        watch.values(MONITOR, 1, T0);
        watch.values(PUMP, 1, T0.plusSeconds(5));
        assertEquals(List.of("bed-01/monitor silent"), check(10));
        watch.reconnected(T0.plusSeconds(30)); // the broker was away from 11 s to 30 s: the pump could not send
        assertEquals(List.of(), check(35));
        assertEquals(List.of("bed-01/pump silent"), check(40));
    }

    @Test
    void healthListsEveryDeviceHeardOfWithItsValuesAndSilence() {
        watch.values(MONITOR, 128, T0);
        watch.status(new DeviceStatus(PUMP, false, T0, true), T0);
        check(10);
        var snapshots = watch.snapshots();
        assertEquals(List.of("bed-01/monitor", "bed-01/pump"), snapshots.stream().map(s -> s.name()).toList());
        assertTrue(snapshots.get(0).silent());
        assertEquals(128, snapshots.get(0).valuesDecoded());
        assertEquals(false, snapshots.get(1).connected());
        assertEquals(false, snapshots.get(1).silent());
    }

    @Test
    void eachMqttDeviceShowsItsPayloadBytesTheBrokerAndItsTopicNotMqttThreeTimes() {
        watch.broker("tcp://127.0.0.1:1883");
        watch.received(MONITOR, "station/bed-01/monitor/numeric", 412, T0);
        watch.values(MONITOR, 3, T0);
        watch.received(MONITOR, "station/bed-01/monitor/waveform", 1200, T0.plusSeconds(1));
        watch.values(MONITOR, 250, T0.plusSeconds(1));
        var monitor = watch.snapshots().getFirst();
        assertEquals(1612, monitor.bytesReceived(), "every payload byte of the device's messages");
        assertEquals(253, monitor.valuesDecoded());
        assertEquals("MQTT", monitor.protocol());
        assertEquals("tcp://127.0.0.1:1883", monitor.endpoint());
        assertEquals("topic station/bed-01/monitor/waveform", monitor.link());
    }
}
