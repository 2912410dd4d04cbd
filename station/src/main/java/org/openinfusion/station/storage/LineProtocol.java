package org.openinfusion.station.storage;

import java.time.Instant;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * Maps observations to InfluxDB line protocol, one point per value, nanosecond timestamps.
 * The schema is documented in docs/storage.md.
 *
 * <p>A point's identity is (measurement, tags, timestamp). The timestamp is the device time in whole
 * microseconds followed by three digits that hold the sample's sequence number modulo 1000, so two
 * samples of one stream that share a device time but not a sequence number are two points, while the
 * same sample written twice (a broker redelivery, a journal replay) is one point, even after a
 * restart: the identity follows from the sample alone. A sample the station knows would land on a
 * stored point with other content is written with a {@code rev} tag (see
 * {@code device.SampleIdentities}), so it is kept beside the stored one instead of replacing it.
 */
public final class LineProtocol {
    public static final String NUMERIC = "numeric";
    public static final String STATE = "state";
    public static final String WAVEFORM = "waveform";
    /** Tag of a sample kept beside a stored one with the same identity but other content: 1, 2, ... */
    public static final String REVISION_TAG = "rev";
    /** At most this many digits: a microsecond timestamp (see {@link #withNanosecondTimes}). */
    static final int MICROSECOND_DIGITS = 16;

    private LineProtocol() {
    }

    /** Appends one line per value, each ended by '\n'. */
    public static void append(Observation o, StringBuilder out) {
        append(o, 0, out);
    }

    /** As {@link #append(Observation, StringBuilder)}, with a revision tag when {@code revision > 0}. */
    public static void append(Observation o, int revision, StringBuilder out) {
        switch (o) {
            case NumericSample n -> {
                series(out, NUMERIC, o, revision);
                out.append(" v=").append(n.value());
                common(out, n.seq(), o.receiveTime(), micros(n.deviceTime()));
            }
            case StateSample s -> {
                series(out, STATE, o, revision);
                out.append(" vs=\"").append(escapeString(s.value())).append('"');
                common(out, s.seq(), o.receiveTime(), micros(s.deviceTime()));
            }
            case WaveformChunk w -> {
                for (int i = 0; i < w.valueCount(); i++) {
                    series(out, WAVEFORM, o, revision);
                    out.append(" v=").append(w.sample(i));
                    common(out, w.seq() + i, o.receiveTime(), w.sampleTimeMicros(i));
                }
            }
        }
    }

    /** The stored timestamp (nanoseconds) of a value with this device time and sequence number. */
    public static long identityNanos(long deviceTimeMicros, long seq) {
        return Math.addExact(Math.multiplyExact(deviceTimeMicros, 1000L), seq % 1000);
    }

    /** The line protocol of one store request, each observation with its revision. */
    public static String toLines(StoreRequest request) {
        StringBuilder out = new StringBuilder(256);
        for (int i = 0; i < request.observations().size(); i++) {
            append(request.observations().get(i), request.revision(i), out);
        }
        return out.toString();
    }

    public static String toLines(Iterable<? extends Observation> observations) {
        StringBuilder out = new StringBuilder(256);
        for (Observation o : observations) {
            append(o, out);
        }
        return out.toString();
    }

    private static void series(StringBuilder out, String measurement, Observation o, int revision) {
        out.append(measurement)
                .append(",bed=").append(escapeTag(o.source().bedId()))
                .append(",device=").append(escapeTag(o.source().deviceId()))
                .append(",stream=").append(o.stream().key());
        if (o.stream().mdc().isTerm()) {
            out.append(",mdc=").append(o.stream().mdc().code());
        }
        if (!o.stream().unit().isEmpty()) {
            out.append(",unit=").append(escapeTag(o.stream().unit()));
        }
        if (revision > 0) {
            out.append(',').append(REVISION_TAG).append('=').append(revision);
        }
    }

    private static void common(StringBuilder out, long seq, Instant received, long timeMicros) {
        out.append(",seq=").append(seq).append("i,rx=").append(micros(received)).append("i ")
                .append(identityNanos(timeMicros, seq)).append('\n');
    }

    /**
     * Lines whose timestamp has at most 16 digits were written in microseconds (journal entries of
     * earlier versions, the audit mirror): they get three zeros so that a whole batch can be written with
     * nanosecond precision. Every microsecond time InfluxDB can hold (up to 2262) has at most 16 digits;
     * every nanosecond time from 1970-04-26 on has 17 or more (MQTT refuses device times before 2001; a
     * serial device whose clock reads the first months of 1970 would be misread). Returns {@code lines}
     * itself when nothing needed changing.
     */
    public static String withNanosecondTimes(String lines) {
        StringBuilder out = null;
        int start = 0;
        int length = lines.length();
        while (start < length) {
            int end = lines.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int space = lines.lastIndexOf(' ', end - 1);
            boolean micros = space >= start && end - space - 1 <= MICROSECOND_DIGITS && end - space - 1 > 0 && isDigits(lines, space + 1, end);
            if (micros && out == null) {
                out = new StringBuilder(lines.length() + 64).append(lines, 0, start);
            }
            if (out != null) {
                out.append(lines, start, end);
                if (micros) {
                    out.append("000");
                }
                if (end < length) {
                    out.append('\n');
                }
            }
            start = end + 1;
        }
        return out == null ? lines : out.toString();
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(c == '-' && i == from)) {
                return false;
            }
        }
        return true;
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
