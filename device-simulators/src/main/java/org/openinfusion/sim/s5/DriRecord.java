package org.openinfusion.sim.s5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Builds DRI records: the 40-byte little-endian header ({@code r_len, r_nbr, r_dri_level, plug_id,
 * r_time, 4 reserved, r_maintype}, 8 subrecord descriptors {@code {sr_offset i16, sr_type u8}}
 * ended by sr_type 0xFF) followed by the subrecords, whose offsets count from the end of the header.
 */
final class DriRecord {

    static final int HEADER_BYTES = 40;
    static final int MAX_RECORD_BYTES = 1490;
    static final int MAX_SUBRECORDS = 8;
    static final int END_OF_LIST = 0xFF;
    static final int MAINTYPE_PHDB = 0;
    static final int MAINTYPE_WAVE = 1;
    static final int MAINTYPE_ALARM = 4;

    /** One subrecord: its type for the descriptor list and its bytes. */
    record Subrecord(int type, byte[] body) {
    }

    private DriRecord() {
    }

    static byte[] build(RecordHeader header, List<Subrecord> subrecords) {
        if (subrecords.size() > MAX_SUBRECORDS) {
            throw new IllegalArgumentException("at most 8 subrecords, got " + subrecords.size());
        }
        int length = HEADER_BYTES + subrecords.stream().mapToInt(s -> s.body().length).sum();
        if (length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("record of " + length + " bytes exceeds " + MAX_RECORD_BYTES);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) length).put((byte) header.number()).put((byte) header.driLevel())
                .putShort((short) 0).putInt((int) header.unixSeconds()).putInt(0)
                .putShort((short) header.maintype());
        int offset = 0;
        for (int i = 0; i < MAX_SUBRECORDS; i++) {
            if (i < subrecords.size()) {
                buffer.putShort((short) offset).put((byte) subrecords.get(i).type());
                offset += subrecords.get(i).body().length;
            } else {
                buffer.putShort((short) 0).put((byte) (i == subrecords.size() ? END_OF_LIST : 0));
            }
        }
        subrecords.forEach(s -> buffer.put(s.body()));
        return buffer.array();
    }

    /** The header fields the monitor chooses per record. */
    record RecordHeader(int number, int driLevel, long unixSeconds, int maintype) {
    }
}
