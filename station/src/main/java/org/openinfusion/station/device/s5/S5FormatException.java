package org.openinfusion.station.device.s5;

import org.openinfusion.station.device.Problem;

/** A checksum-valid record whose content does not fit the DRI layout. */
public final class S5FormatException extends Exception {
    private final Problem kind;

    public S5FormatException(Problem kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Problem kind() {
        return kind;
    }
}
