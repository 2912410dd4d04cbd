package org.openinfusion.station.device.asena;

import org.openinfusion.station.device.DeviceDriverFactory;
import org.openinfusion.station.device.DeviceOptions;
import org.openinfusion.station.device.DeviceSession;
import org.openinfusion.station.device.LineSettings;
import org.openinfusion.station.domain.DeviceRef;

/** Protocol {@code asena}: BD Alaris Asena GH/CC syringe pumps, ASCII protocol, monitoring only. */
public final class AsenaDriverFactory implements DeviceDriverFactory {
    public static final LineSettings LINE = new LineSettings(38400, 8, LineSettings.Parity.NONE, 1, LineSettings.FlowControl.NONE);

    @Override
    public String protocol() {
        return "asena";
    }

    @Override
    public LineSettings lineSettings() {
        return LINE;
    }

    @Override
    public DeviceSession newSession(DeviceRef source, DeviceOptions options) {
        return new AsenaSession(source, AsenaOptions.read(options));
    }
}
