package org.openinfusion.station.domain;

/** How a stream's values travel: one number, one enumerated word, or a chunk of regularly spaced samples. */
public enum StreamKind {
    NUMERIC,
    STATE,
    WAVEFORM
}
