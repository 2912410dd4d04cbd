package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.sim.SerialSimulatorConfig;
import org.openinfusion.sim.SerialSimulators;
import org.openinfusion.sim.s5.S5Settings;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.SerialSimulator;
import org.openinfusion.sim.serial.Transport;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.PtyPair;

/**
 * The S/5 and Asena simulators (written apart from the station's decoders) talk to the station over
 * a real socat pty pair and over TCP; values go through the bus into a real influxd. Unplugging,
 * replugging and every fault switch give the expected technical events and no crash.
 */
class SerialDevicesIT {
    /**
     * The simulated monitor answers DRI level 10 only; the station asks at level 11 first and moves on after
     * {@code retryAfter} without a record (docs/s5.md). 2 s instead of the default 15 s: the search still runs, in 2 s.
     */
    private static final String LEVEL_SEARCH_RETRY = "2s";

    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static DeviceStatusSnapshot device(StationApp station, String name) {
        return station.health().devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static long stored(InfluxQueries influx, String bed) {
        return influx.count("numeric", bed) + influx.count("waveform", bed) + influx.count("state", bed);
    }

    @Test
    void monitorOnAPtyAndPumpOverTcpReachInfluxExactlyAndSurviveUnplugging() throws Exception {
        Path dir = SERVERS.newFolder("serial");
        PtyPair socat = PtyPair.open(dir);
        try (SerialSimulator monitor = SerialSimulators.start(SerialSimulatorConfig.defaults("s5").withSeed(3)
                     .withS5(S5Settings.defaults().withMinNumericsInterval(Duration.ofSeconds(1))), Transport.pty(dir.resolve("ttyB")), Clock.systemUTC());
             SerialSimulator pump = SerialSimulators.asena(Transport.tcp(0), 4)) {
            var settings = StationFixture.settings(SERVERS, dir, "station-serial");
            settings.putAll(Map.of("health.publishInterval", "1s", "devices", "mon1,pump1",
                    "device.mon1.protocol", "s5", "device.mon1.port", dir.resolve("ttyA").toString(), "device.mon1.bed", "ser-01",
                    "device.mon1.retryAfter", LEVEL_SEARCH_RETRY, "device.pump1.protocol", "asena", "device.pump1.tcp", "127.0.0.1:" + pump.tcpPort().getAsInt(),
                    "device.pump1.bed", "ser-01", "device.pump1.pollInterval", "500ms"));
            try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
                 InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
                List<TechnicalAlarm> alarms = new CopyOnWriteArrayList<>();
                station.vertx().eventBus().<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
                // then numerics, waves and pump status arrive in InfluxDB
                Eventually.waitUntil(Duration.ofSeconds(40), "serial data stored",
                        () -> influx.count("numeric", "ser-01", "hr") >= 2 && influx.count("waveform", "ser-01", "ecg_i") >= 600
                                && influx.count("numeric", "ser-01", "pump_rate") >= 4 && influx.count("state", "ser-01", "pump_state") >= 4);
                // with plausible values (the two sides agree on units)
                List<List<Object>> hr = influx.rows("SELECT min(v), max(v) FROM numeric WHERE bed = 'ser-01' AND stream = 'hr'");
                assertTrue(((Number) hr.getFirst().get(1)).doubleValue() >= 40 && ((Number) hr.getFirst().get(2)).doubleValue() <= 140, hr.toString());
                List<List<Object>> ecg = influx.rows("SELECT min(v), max(v) FROM waveform WHERE bed = 'ser-01' AND stream = 'ecg_i'");
                assertTrue(((Number) ecg.getFirst().get(1)).doubleValue() > -5 && ((Number) ecg.getFirst().get(2)).doubleValue() < 5
                        && ((Number) ecg.getFirst().get(2)).doubleValue() > 0.3, "ECG in mV: " + ecg);
                assertEquals(0, device(station, "mon1").problems().getOrDefault("BAD_CHECKSUM", 0L));
                assertTrue(device(station, "mon1").connected() && device(station, "pump1").connected());

                // when the monitor's cable is pulled (socat dies)
                socat.close();
                Eventually.waitUntil(Duration.ofSeconds(5), "DEVICE_DISCONNECTED within 5 s",
                        () -> alarms.stream().anyMatch(a -> a.code().equals("DEVICE_DISCONNECTED") && a.active() && a.message().contains("mon1")));
                // and plugged back in
                socat = PtyPair.open(dir);
                long before = influx.count("waveform", "ser-01", "ecg_i");
                Eventually.waitUntil(Duration.ofSeconds(30), "monitor resumes after replugging",
                        () -> device(station, "mon1").connected() && influx.count("waveform", "ser-01", "ecg_i") > before + 300);

                // then, with both simulators stopped, every decoded value is stored exactly once
                monitor.close();
                pump.close();
                Eventually.waitUntil(Duration.ofSeconds(30), "stored == decoded", () -> {
                    long decoded = device(station, "mon1").valuesDecoded() + device(station, "pump1").valuesDecoded();
                    return decoded > 0 && stored(influx, "ser-01") == decoded && station.health().bufferPendingBytes() == 0;
                });
            }
        } finally {
            socat.close();
        }
    }

    @Test
    void everyFaultSwitchGivesItsEventAndTheStationKeepsRunning() throws Exception {
        Path dir = SERVERS.newFolder("faults");
        try (SerialSimulator monitor = SerialSimulators.start(SerialSimulatorConfig.defaults("s5").withSeed(5)
                     .withS5(S5Settings.defaults().withMinNumericsInterval(Duration.ofSeconds(1))), Transport.tcp(0), Clock.systemUTC());
             SerialSimulator pump = SerialSimulators.asena(Transport.tcp(0), 6)) {
            var settings = StationFixture.settings(SERVERS, dir, "station-faults");
            settings.putAll(Map.of("health.publishInterval", "1s", "devices", "mon2,pump2",
                    "device.mon2.protocol", "s5", "device.mon2.tcp", "127.0.0.1:" + monitor.tcpPort().getAsInt(),
                    "device.mon2.bed", "flt-01", "device.mon2.silentAfter", "2s",
                    "device.pump2.protocol", "asena", "device.pump2.tcp", "127.0.0.1:" + pump.tcpPort().getAsInt(),
                    "device.pump2.bed", "flt-01", "device.pump2.pollInterval", "500ms"));
            settings.put("device.mon2.retryAfter", LEVEL_SEARCH_RETRY);
            try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
                 InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
                List<TechnicalAlarm> alarms = new CopyOnWriteArrayList<>();
                station.vertx().eventBus().<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
                Eventually.waitUntil(Duration.ofSeconds(30), "data flowing", () -> influx.count("waveform", "flt-01", "ecg_i") > 300);

                fault(monitor, Fault.CORRUPT_CHECKSUM, () -> problems(station, "mon2", "BAD_CHECKSUM") > 0);
                fault(monitor, Fault.GARBAGE, () -> problems(station, "mon2", "STRAY_BYTES") > 0);
                fault(monitor, Fault.DROP_BYTES, () -> problems(station, "mon2", "BAD_CHECKSUM") + problems(station, "mon2", "TRUNCATED")
                        + problems(station, "mon2", "MALFORMED") > 0);
                fault(monitor, Fault.SENSOR_OFF, () -> problems(station, "mon2", "NO_VALUE") > 0
                        && alarms.stream().anyMatch(a -> a.code().equals("SENSOR_OFF") && a.active() && a.message().contains("spo2")));
                Eventually.waitUntil(Duration.ofSeconds(15), "SENSOR_OFF cleared when the sensor is back",
                        () -> alarms.stream().anyMatch(a -> a.code().equals("SENSOR_OFF") && !a.active()));
                fault(pump, Fault.OCCLUSION, () -> !influx.rows("SELECT vs FROM state WHERE bed = 'flt-01' AND stream = 'pump_alarm' AND vs = 'occlusion'").isEmpty());
                fault(pump, Fault.AIR_IN_LINE, () -> !influx.rows("SELECT vs FROM state WHERE bed = 'flt-01' AND stream = 'pump_alarm' AND vs = 'air_in_line'").isEmpty());

                monitor.faults().stall(Duration.ofSeconds(4));
                Eventually.waitUntil(Duration.ofSeconds(10), "DEVICE_SILENT on a stall",
                        () -> alarms.stream().anyMatch(a -> a.code().equals("DEVICE_SILENT") && a.active()));
                Eventually.waitUntil(Duration.ofSeconds(15), "DEVICE_SILENT cleared when data returns",
                        () -> alarms.stream().anyMatch(a -> a.code().equals("DEVICE_SILENT") && !a.active()));

                pump.faults().disconnect();
                Eventually.waitUntil(Duration.ofSeconds(5), "DEVICE_DISCONNECTED on a disconnect",
                        () -> alarms.stream().anyMatch(a -> a.code().equals("DEVICE_DISCONNECTED") && a.active() && a.message().contains("pump2")));
                Eventually.waitUntil(Duration.ofSeconds(20), "pump reconnected", () -> device(station, "pump2").connected());

                // and the station is still taking data from both
                long ecg = influx.count("waveform", "flt-01", "ecg_i");
                long rate = influx.count("numeric", "flt-01", "pump_rate");
                Eventually.waitUntil(Duration.ofSeconds(20), "still flowing",
                        () -> influx.count("waveform", "flt-01", "ecg_i") > ecg && influx.count("numeric", "flt-01", "pump_rate") > rate);
            }
        }
    }

    private static long problems(StationApp station, String device, String kind) {
        return device(station, device).problems().getOrDefault(kind, 0L);
    }

    private static void fault(SerialSimulator sim, Fault fault, BooleanSupplier seen) throws InterruptedException {
        sim.faults().enable(fault);
        try {
            Eventually.waitUntil(Duration.ofSeconds(20), fault + " observed by the station", seen);
        } finally {
            sim.faults().disable(fault);
        }
    }

}
