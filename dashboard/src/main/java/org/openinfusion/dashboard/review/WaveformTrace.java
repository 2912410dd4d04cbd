package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import org.openinfusion.station.clinical.review.WaveformWindow;

/**
 * Server side of {@code <review-waveform>} (js/review-waveform.js): one stored waveform around a moment, sent as
 * base64 little-endian Float32 (times in ms from the moment, values in the stream's unit).
 */
@Tag("review-waveform")
final class WaveformTrace extends Component {
    private int samples;

    WaveformTrace(String id) {
        setId(id);
    }

    void show(String label, String color, WaveformWindow w, Instant at) {
        long atMicros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
        float[] t = new float[w.times().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (w.times()[i] - atMicros) / 1000f;
        }
        samples = w.values().length;
        getElement().callJsFunction("setData", label, unit(w), color, pack(t), pack(w.values()));
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

    private static String unit(WaveformWindow w) {
        return w.stream().unit();
    }

    /** Little-endian IEEE 754 float32, as a browser's Float32Array reads it, in base64. */
    static String pack(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }
}
