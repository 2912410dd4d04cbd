package org.openinfusion.station.device;

import org.openinfusion.station.domain.DeviceRef;

/**
 * A device protocol, found by name. Implementations are listed in
 * {@code META-INF/services/org.openinfusion.station.device.DeviceDriverFactory} and loaded with
 * {@link java.util.ServiceLoader}: adding a protocol adds a package and one line there, and edits no switch.
 */
public interface DeviceDriverFactory {
    /** The name used in configuration ({@code device.NAME.protocol}), e.g. {@code s5}. */
    String protocol();

    LineSettings lineSettings();

    /** A new session; reads and checks its protocol's options (throws ConfigException when one is bad). */
    DeviceSession newSession(DeviceRef source, DeviceOptions options);
}
