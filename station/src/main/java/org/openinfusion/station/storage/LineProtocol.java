package org.openinfusion.station.storage;

import java.time.Instant;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * Maps observations to InfluxDB line protocol, one point per value, microsecond precision.
 * The schema is documented in docs/storage.md. A point's identity is (measurement, tags, device
 * time), so writing the same observation twice stores it once.
 */
public final class LineProtocol {
    public static final String NUMERIC = "numeric";
    public static final String STATE = "state";
    public static final String WAVEFORM = "waveform";

    private LineProtocol() {
    }

    /** Appends one line per value, each ended by '\n'. */
    public static void append(Observation o, StringBuilder out) {
        switch (o) {
            case NumericSample n -> {
                series(out, NUMERIC, o);
                out.append(" v=").append(n.value());
                common(out, n.seq(), o.receiveTime(), micros(n.deviceTime()));
            }
            case StateSample s -> {
                series(out, STATE, o);
                out.append(" vs=\"").append(escapeString(s.value())).append('"');
                common(out, s.seq(), o.receiveTime(), micros(s.deviceTime()));
            }
            case WaveformChunk w -> {
                for (int i = 0; i < w.valueCount(); i++) {
                    series(out, WAVEFORM, o);
                    out.append(" v=").append(w.sample(i));
                    common(out, w.seq() + i, o.receiveTime(), w.sampleTimeMicros(i));
                }
            }
        }
    }

    public static String toLines(Iterable<? extends Observation> observations) {
        StringBuilder out = new StringBuilder(256);
        for (Observation o : observations) {
            append(o, out);
        }
        return out.toString();
    }

    private static void series(StringBuilder out, String measurement, Observation o) {
        out.append(measurement)
                .append(",bed=").append(escapeTag(o.source().bedId()))
                .append(",device=").append(escapeTag(o.source().deviceId()))
                .append(",stream=").append(o.stream().key())
                .append(",mdc=").append(o.stream().mdc().code());
        if (!o.stream().unit().isEmpty()) {
            out.append(",unit=").append(escapeTag(o.stream().unit()));
        }
    }

    private static void common(StringBuilder out, long seq, Instant received, long timeMicros) {
        out.append(",seq=").append(seq).append("i,rx=").append(micros(received)).append("i ")
                .append(timeMicros).append('\n');
    }

    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static String escapeTag(String s) {
        if (s.indexOf(',') < 0 && s.indexOf(' ') < 0 && s.indexOf('=') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(" ", "\\ ").replace("=", "\\=");
    }

    static String escapeString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
