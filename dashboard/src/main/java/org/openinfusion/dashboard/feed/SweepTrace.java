package org.openinfusion.dashboard.feed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * Server side of the {@code <sweep-trace>} element (js/sweep-trace.js): sends chunks as packed base64 Float32, with the
 * device time of the first sample and the station's receive time (which the page records only for a benchmark).
 */
@Tag("sweep-trace")
public class SweepTrace extends Component {
    public SweepTrace(String id, String color) {
        setId(id);
        getElement().setAttribute("color", color);
        getElement().getClassList().add("sweep-trace");
    }

    public void push(WaveformChunk chunk) {
        double firstMs = chunk.deviceTime().toEpochMilli() + (chunk.deviceTime().getNano() % 1_000_000) / 1e6;
        getElement().callJsFunction("push", pack(chunk.samples()), chunk.sampleRateHz(), firstMs, chunk.receiveTime().toEpochMilli());
    }

    /** Little-endian IEEE 754 float32, as a browser's Float32Array reads it, in base64. */
    static String pack(float[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(samples);
        return Base64.getEncoder().encodeToString(b.array());
    }
}
