package org.openinfusion.station.device.serial;

import java.io.IOException;
import org.openinfusion.station.config.DevicesConfig;
import org.openinfusion.station.device.LineSettings;

/** Opens a device's link; called again after every loss. */
@FunctionalInterface
public interface LinkOpener {
    int READ_TIMEOUT_MILLIS = 100;

    ByteLink open() throws IOException;

    /** The configured transport: a serial port with the protocol's line settings, or serial over TCP. */
    static LinkOpener of(DevicesConfig.Device device, LineSettings line) {
        if (device.port().isPresent()) {
            return () -> SerialPortLink.open(device.port().get(), line);
        }
        return () -> TcpLink.open(device.tcpHost().orElseThrow(), device.tcpPort());
    }
}
