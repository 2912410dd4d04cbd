package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import org.openinfusion.station.clinical.review.WaveformWindow;

/**
 * Server side of {@code <review-waveform>} (js/review-waveform.js): one stored waveform around a moment, its values sent as
 * base64 little-endian Float32 in the stream's unit. Evenly spaced samples (a monitor's waveform without a gap) are sent
 * as their first time and spacing in ms from the moment ({@code setRegular}), half the bytes of sending every time;
 * others with every time as Float32 ({@code setData}).
 */
@Tag("review-waveform")
final class WaveformTrace extends Component {
    private int samples;

    /**
     * A window as the browser gets it, made once when the station answers (the page keeps these, {@link WaveformCache}):
     * {@code times} null when the samples are evenly spaced, {@code firstMs} and {@code stepMs} then give them.
     */
    record Packed(String unit, int samples, String problem, String values, String times, double firstMs, double stepMs) {
    }

    WaveformTrace(String id) {
        setId(id);
    }

    /** Packs {@code w} with its times in ms from {@code at}. */
    static Packed pack(WaveformWindow w, Instant at) {
        long atMicros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
        long[] micros = w.times();
        String values = pack(w.values());
        if (evenlySpaced(micros)) {
            double first = micros.length == 0 ? 0 : (micros[0] - atMicros) / 1000.0;
            double step = micros.length < 2 ? 0 : (micros[1] - micros[0]) / 1000.0;
            return new Packed(w.stream().unit(), w.values().length, w.problem(), values, null, first, step);
        }
        float[] t = new float[micros.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (micros[i] - atMicros) / 1000f;
        }
        return new Packed(w.stream().unit(), w.values().length, w.problem(), values, pack(t), 0, 0);
    }

    /** Whether every sample follows the one before by the same number of microseconds. */
    static boolean evenlySpaced(long[] micros) {
        for (int i = 2; i < micros.length; i++) {
            if (micros[i] - micros[i - 1] != micros[1] - micros[0]) {
                return false;
            }
        }
        return true;
    }

    void show(String label, String color, Packed p) {
        samples = p.samples();
        if (p.times() == null) {
            getElement().callJsFunction("setRegular", label, p.unit(), color, p.firstMs(), p.stepMs(), p.values());
        } else {
            getElement().callJsFunction("setData", label, p.unit(), color, p.times(), p.values());
        }
    }

    /** Empties the trace (before another window is asked for), so that no earlier window shows meanwhile. */
    void clear() {
        samples = 0;
        getElement().callJsFunction("clear");
    }

    /** How many samples were sent last, for tests. */
    int samples() {
        return samples;
    }

    /** Little-endian IEEE 754 float32, as a browser's Float32Array reads it, in base64. */
    static String pack(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }
}
