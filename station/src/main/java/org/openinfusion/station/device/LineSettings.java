package org.openinfusion.station.device;

/** Serial line settings a protocol needs. Ignored by the serial-over-TCP transport (the device server sets them). */
public record LineSettings(int baud, int dataBits, Parity parity, int stopBits, FlowControl flowControl) {
    public enum Parity { NONE, EVEN, ODD }

    public enum FlowControl { NONE, RTS_CTS }

    public LineSettings {
        if (baud <= 0 || dataBits < 5 || dataBits > 8 || stopBits < 1 || stopBits > 2) {
            throw new IllegalArgumentException("bad line settings");
        }
    }

    /** Bytes per second the line carries at most (start + data + parity + stop bits per byte). */
    public double bytesPerSecond() {
        int bits = 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
        return (double) baud / bits;
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + parity.name().charAt(0) + stopBits + (flowControl == FlowControl.RTS_CTS ? " RTS/CTS" : "");
    }
}
