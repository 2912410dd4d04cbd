package org.openinfusion.sim.s5;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the host's byte stream into DRI records: every 0x7E ends what came before it; the bytes in
 * between are unstuffed and their last byte checked as the checksum. Bad frames are dropped.
 */
final class DriFrameReader {

    private static final Logger LOG = LoggerFactory.getLogger(DriFrameReader.class);
    private static final int MAX_FRAME = 2 * 1490 + 4;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean escaped;
    private long rejected;

    /** Records completed by {@code bytes}, in order. */
    List<byte[]> accept(byte[] bytes) {
        List<byte[]> records = new ArrayList<>(1);
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (b == DriFrame.FLAG) {
                finish(records);
            } else if (b == DriFrame.ESCAPE) {
                escaped = true;
            } else {
                pending.write(escaped ? b ^ DriFrame.ESCAPE_XOR : b);
                escaped = false;
                if (pending.size() > MAX_FRAME) {
                    LOG.debug("dropping {} bytes without a frame end", pending.size());
                    pending.reset();
                }
            }
        }
        return records;
    }

    long rejected() {
        return rejected;
    }

    private void finish(List<byte[]> records) {
        byte[] frame = pending.toByteArray();
        pending.reset();
        escaped = false;
        if (frame.length == 0) {
            return;
        }
        byte[] record = Arrays.copyOf(frame, frame.length - 1);
        if (frame.length < 2 || DriFrame.checksum(record) != (frame[frame.length - 1] & 0xFF)) {
            rejected++;
            LOG.debug("dropping a {}-byte frame with a bad checksum", frame.length);
            return;
        }
        records.add(record);
    }
}
