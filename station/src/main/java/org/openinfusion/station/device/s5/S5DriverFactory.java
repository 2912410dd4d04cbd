package org.openinfusion.station.device.s5;

import org.openinfusion.station.device.DeviceDriverFactory;
import org.openinfusion.station.device.DeviceOptions;
import org.openinfusion.station.device.DeviceSession;
import org.openinfusion.station.device.LineSettings;
import org.openinfusion.station.domain.DeviceRef;

/** Protocol {@code s5}: GE Datex-Ohmeda S/5 monitors through the DRI computer interface. */
public final class S5DriverFactory implements DeviceDriverFactory {
    public static final LineSettings LINE = new LineSettings(19200, 8, LineSettings.Parity.EVEN, 1, LineSettings.FlowControl.RTS_CTS);

    @Override
    public String protocol() {
        return "s5";
    }

    @Override
    public LineSettings lineSettings() {
        return LINE;
    }

    @Override
    public DeviceSession newSession(DeviceRef source, DeviceOptions options) {
        return new S5Session(source, S5Options.read(options));
    }
}
