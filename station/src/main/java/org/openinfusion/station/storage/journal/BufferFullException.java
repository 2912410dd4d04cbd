package org.openinfusion.station.storage.journal;

/** The journal has no room for an entry until the drain frees some. Retry later; nothing was written. */
public final class BufferFullException extends RuntimeException {
    public BufferFullException(long pending, long capacity) {
        super("durable buffer full: " + pending + " of " + capacity + " bytes pending");
    }
}
