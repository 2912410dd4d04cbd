package org.openinfusion.station.device.s5;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.device.Problem;

/**
 * The 40-byte DRI record header (little-endian): r_len i16, r_nbr u8, r_dri_level u8, plug_id u16,
 * r_time u32, 4 reserved bytes, r_maintype i16, then 8 subrecord descriptors {sr_offset i16, sr_type u8}
 * ended by sr_type 0xFF. Subrecord offsets count from the end of the header.
 */
public record RecordHeader(int length, int number, int driLevel, int plugId, Instant time, int mainType,
                           List<Subrecord> subrecords) {
    public static final int SIZE = 40;
    public static final int MAINTYPE_PHDB = 0;
    public static final int MAINTYPE_WAVEFORM = 1;
    public static final int MAINTYPE_ALARM = 4;

    /** One subrecord: its type and where its data lies in the record (absolute offsets). */
    public record Subrecord(int type, int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** Parses and checks the header of a record of {@code length} bytes. */
    public static RecordHeader parse(byte[] rec, int length) throws S5FormatException {
        int declared = Le.u16(rec, 0);
        if (declared != length) {
            throw new S5FormatException(Problem.MALFORMED, "r_len " + declared + " but " + length + " bytes");
        }
        List<Integer> offsets = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int type = rec[16 + 3 * i + 2] & 0xFF;
            if (type == 0xFF) {
                break;
            }
            int offset = Le.i16(rec, 16 + 3 * i);
            if (offset < 0 || SIZE + offset > length || (!offsets.isEmpty() && offset < offsets.get(offsets.size() - 1))) {
                throw new S5FormatException(Problem.MALFORMED, "subrecord " + i + " offset " + offset + " outside the record");
            }
            offsets.add(offset);
            types.add(type);
        }
        List<Subrecord> subs = new ArrayList<>(offsets.size());
        for (int i = 0; i < offsets.size(); i++) {
            int end = i + 1 < offsets.size() ? SIZE + offsets.get(i + 1) : length;
            subs.add(new Subrecord(types.get(i), SIZE + offsets.get(i), end));
        }
        return new RecordHeader(length, rec[2] & 0xFF, rec[3] & 0xFF, Le.u16(rec, 4), Instant.ofEpochSecond(Le.u32(rec, 6)),
                Le.i16(rec, 14), List.copyOf(subs));
    }
}
