package org.openinfusion.station.bus;

import java.util.List;

/**
 * The record types one feature sends on the bus. Each feature lists its own in one implementation, named in
 * {@code META-INF/services/org.openinfusion.station.bus.LocalMessages}; {@link Codecs#registerAll} finds them
 * all, so the bus package never imports a feature.
 */
public interface LocalMessages {
    List<Class<?>> types();
}
