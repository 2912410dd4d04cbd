package org.openinfusion.station.storage.compact;

/** The bytes are not a compact journal entry (damaged, or written by something else). */
public final class MalformedEntryException extends RuntimeException {
    public MalformedEntryException(String message) {
        super(message);
    }

    public MalformedEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
