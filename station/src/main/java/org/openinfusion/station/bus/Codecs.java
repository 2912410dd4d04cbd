package org.openinfusion.station.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import java.util.ServiceLoader;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;

/** Registers a local codec for every record type that travels on the bus: the samples, and each feature's {@link LocalMessages}. */
public final class Codecs {
    private static final List<Class<?>> SAMPLES = List.of(NumericSample.class, StateSample.class, WaveformChunk.class,
            DeviceStatus.class);

    private Codecs() {
    }

    public static void registerAll(Vertx vertx) {
        EventBus bus = vertx.eventBus();
        SAMPLES.forEach(type -> register(bus, type));
        for (LocalMessages feature : ServiceLoader.load(LocalMessages.class, Codecs.class.getClassLoader())) {
            feature.types().forEach(type -> register(bus, type));
        }
    }

    private static <T> void register(EventBus bus, Class<T> type) {
        bus.registerDefaultCodec(type, new LocalCodec<>(type));
    }
}
