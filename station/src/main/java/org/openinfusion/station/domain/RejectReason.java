package org.openinfusion.station.domain;

/** Why incoming data was refused. Documented in docs/mqtt.md ("Rejections"). */
public enum RejectReason {
    UNKNOWN_TOPIC,
    UNKNOWN_STREAM,
    OVERSIZED,
    MALFORMED_PAYLOAD,
    MISSING_FIELD,
    WRONG_TYPE,
    NOT_A_NUMBER,
    OUT_OF_RANGE,
    WRONG_UNIT,
    BAD_TIME,
    WRONG_SAMPLE_COUNT,
    UNKNOWN_DEVICE
}
