package org.openinfusion.station.device;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.openinfusion.station.config.ConfigException;

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
            throw new ConfigException("unknown device protocol '" + protocol + "'; known: " + byName.keySet());
        }
        return f;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
