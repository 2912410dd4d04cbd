package org.openinfusion.station.device;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.DevicesConfig;
import org.openinfusion.station.domain.DeviceRef;

/** The device protocols the station knows, by name. */
public final class DeviceDrivers {
    private final Map<String, DeviceDriverFactory> byName = new TreeMap<>();

    public DeviceDrivers(Collection<? extends DeviceDriverFactory> factories) {
        for (DeviceDriverFactory f : factories) {
            if (byName.putIfAbsent(f.protocol(), f) != null) {
                throw new IllegalStateException("two device protocols are named " + f.protocol());
            }
        }
    }

    /** Every protocol on the class path (ServiceLoader). */
    public static DeviceDrivers discover() {
        return new DeviceDrivers(ServiceLoader.load(DeviceDriverFactory.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public DeviceDriverFactory get(String protocol) {
        DeviceDriverFactory f = byName.get(protocol);
        if (f == null) {
            throw new ConfigException("unknown device protocol '" + protocol + "' (device.NAME.protocol); known: " + byName.keySet());
        }
        return f;
    }

    /**
     * Checks every configured device's protocol and protocol options, as the station does before anything starts (a
     * bad one is a {@link ConfigException} naming the setting), without opening any port.
     */
    public void check(DevicesConfig config) {
        for (DevicesConfig.Device d : config.devices()) {
            get(d.protocol()).newSession(new DeviceRef(d.bed(), d.deviceId()), new DeviceOptions(d.name(), d.options(), d.origins()));
        }
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
