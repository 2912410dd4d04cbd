package org.openinfusion.station.device;

/** Kinds of trouble a device session counts (and survives). Documented in docs/s5.md and docs/asena.md. */
public enum Problem {
    /** A frame whose checksum or CRC does not match its content. */
    BAD_CHECKSUM,
    /** A frame cut short (its length field promises more, or a new frame started inside it). */
    TRUNCATED,
    /** Bytes outside any frame (line noise, a baud-rate mismatch, a partial frame at start-up). */
    STRAY_BYTES,
    /** A frame longer than the protocol allows; dropped up to the next frame start. */
    OVERSIZED,
    /** An escape sequence the protocol does not define. */
    BAD_ESCAPE,
    /** A well-formed frame of a record type or command the station does not decode. */
    UNKNOWN_RECORD,
    /** A well-formed frame whose content does not fit its declared layout. */
    MALFORMED,
    /** A field with a value the station cannot map (unknown unit, mode, number format). */
    UNKNOWN_VALUE,
    /** A value outside its stream's accepted range (never stored). */
    OUT_OF_RANGE,
    /** The device reported "no value" (a sentinel such as invalid or not updated). Not an error. */
    NO_VALUE,
    /** A polled device did not answer a request, even after the retry. */
    NO_RESPONSE,
    /** The station could not make decoded values durable. */
    STORE_FAILED
}
