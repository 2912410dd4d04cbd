package org.openinfusion.sim.s5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a host request from a DRI record: a numerics request (maintype 0, subrecord type 0:
 * {@code phdb_rcrd_type u8, tx_interval i16, phdb_class_bf u32, reserved i16}) or a waveform
 * request (maintype 1, subrecord type 0: {@code req_type i16, reserved i16, type[8], reserved[10]}).
 */
final class HostRequestParser {

    private static final int REQUEST_SUBRECORD = 0;
    private static final int NUMERICS_BODY = 9;
    private static final int WAVE_BODY = 12;

    private HostRequestParser() {
    }

    static Optional<HostRequest> parse(byte[] record) {
        if (record.length < DriRecord.HEADER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        int level = buffer.get(3) & 0xFF;
        int maintype = buffer.getShort(14);
        int body = DriRecord.HEADER_BYTES + buffer.getShort(16);
        if ((buffer.get(18) & 0xFF) != REQUEST_SUBRECORD || body < DriRecord.HEADER_BYTES) {
            return Optional.empty();
        }
        if (maintype == DriRecord.MAINTYPE_PHDB && body + NUMERICS_BODY <= record.length) {
            return Optional.of(new HostRequest.Numerics(level, buffer.get(body) & 0xFF,
                    buffer.getShort(body + 1), buffer.getInt(body + 3) & 0xFFFFFFFFL));
        }
        if (maintype == DriRecord.MAINTYPE_WAVE && body + WAVE_BODY <= record.length) {
            return Optional.of(new HostRequest.Waveforms(level, buffer.getShort(body) == 0,
                    waveIds(record, body + 4)));
        }
        return Optional.empty();
    }

    private static List<Integer> waveIds(byte[] record, int from) {
        List<Integer> ids = new ArrayList<>(8);
        for (int i = from; i < from + 8 && (record[i] & 0xFF) != DriRecord.END_OF_LIST; i++) {
            ids.add(record[i] & 0xFF);
        }
        return ids;
    }
}
