package org.openinfusion.station.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/** Passes an immutable record by reference inside the process; never serialised. */
final class LocalCodec<T> implements MessageCodec<T, T> {
    private final String name;

    LocalCodec(Class<T> type) {
        this.name = "local:" + type.getName();
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        throw new UnsupportedOperationException(name + " is a local-only codec");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(name + " is a local-only codec");
    }

    @Override
    public T transform(T t) {
        return t;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
