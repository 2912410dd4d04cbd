package org.openinfusion.station.device.serial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.device.DeviceAlarms;
import org.openinfusion.station.device.asena.AsenaOptions;
import org.openinfusion.station.device.asena.AsenaSession;
import org.openinfusion.station.device.asena.Crc16;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Stream;

/** Serial over TCP: the test plays a serial device server with a pump behind it. */
class TcpLinkTest {
    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump1");
    private static final byte[] ALARM_NONE = "!ALARM^NONE|".concat(String.format("%04X",
            Crc16.of("ALARM^NONE"))).concat("\r").getBytes();

    @Test
    void decodesOverTcpRaisesDisconnectedWhenTheServerDropsAndResumesAfterReconnecting() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingEvents events = new RecordingEvents();
            AsenaSession session = new AsenaSession(PUMP, new AsenaOptions(Duration.ofMillis(500), Duration.ofMillis(200), 1));
            LinkOpener opener = () -> TcpLink.open("127.0.0.1", server.getLocalPort());
            try (DeviceRunner runner = new DeviceRunner(PUMP, session, opener, events, Clock.systemUTC(), Duration.ofSeconds(30),
                    new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), Optional.empty()).start()) {
                try (Socket device = server.accept()) {
                    OutputStream out = device.getOutputStream();
                    out.write(ALARM_NONE);
                    out.flush();
                    events.await(e -> e instanceof Observation o && o.stream() == Stream.PUMP_ALARM, Duration.ofSeconds(5), "pump alarm");
                }
                events.await(RecordingEvents.alarm(DeviceAlarms.DEVICE_DISCONNECTED, true), Duration.ofSeconds(5), "disconnect alarm");
                try (Socket device = server.accept()) {
                    events.await(RecordingEvents.alarm(DeviceAlarms.DEVICE_DISCONNECTED, false), Duration.ofSeconds(5), "reconnect");
                    device.getOutputStream().write(ALARM_NONE);
                    device.getOutputStream().flush();
                    assertTrue(events.await(e -> e instanceof Observation, Duration.ofSeconds(5), "value after reconnect") != null);
                }
            }
        }
    }
}
