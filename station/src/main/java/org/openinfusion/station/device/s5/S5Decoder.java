package org.openinfusion.station.device.s5;

import java.time.Instant;
import java.util.List;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.SequenceCounter;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

/**
 * The pure S/5 DRI decoder: bytes in, observations and counted problems out. Frames are found by
 * {@link S5FrameParser}; physiological records become numerics (NIBP only when a new reading
 * appears), waveform records become chunks, alarm records are parsed and counted. No threads, no I/O.
 * Not thread-safe: one decoder per device.
 */
public final class S5Decoder {
    private static final List<Stream> EVERY_RECORD = List.of(Stream.HR, Stream.SPO2, Stream.PULSE_RATE, Stream.ETCO2, Stream.RESP_RATE);
    private static final List<Stream> NIBP = List.of(Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN);

    private final DeviceRef source;
    private final S5FrameParser parser = new S5FrameParser();
    private final SequenceCounter sequences = new SequenceCounter();
    private final NibpTracker nibp = new NibpTracker();
    private final WaveDecoder waves;
    private double ambientMmHg = Double.NaN;
    private long records;
    private long alarmRecords;
    private int lastDriLevel = -1;

    public S5Decoder(DeviceRef source) {
        this.source = source;
        this.waves = new WaveDecoder(source, sequences);
    }

    public void decode(byte[] data, int offset, int length, Instant receiveTime, SessionOutput out) {
        parser.accept(data, offset, length, new S5FrameParser.Listener() {
            @Override
            public void record(byte[] record, int len) {
                S5Decoder.this.record(record, len, receiveTime, out);
            }

            @Override
            public void problem(Problem kind, String detail) {
                out.problem(kind, detail);
            }
        });
    }

    /** Forgets a partial frame (the link reopened). Sequence numbers and NIBP state are kept. */
    public void reset() {
        parser.reset();
    }

    /** Valid records decoded so far. */
    public long records() {
        return records;
    }

    /** Alarm records (maintype 4) seen so far: parsed and counted, not yet mapped to streams. */
    public long alarmRecords() {
        return alarmRecords;
    }

    /** DRI level of the last valid record, or -1. */
    public int lastDriLevel() {
        return lastDriLevel;
    }

    void record(byte[] rec, int length, Instant receiveTime, SessionOutput out) {
        RecordHeader h;
        try {
            h = RecordHeader.parse(rec, length);
        } catch (S5FormatException e) {
            out.problem(e.kind(), e.getMessage());
            return;
        }
        records++;
        lastDriLevel = h.driLevel();
        switch (h.mainType()) {
            case RecordHeader.MAINTYPE_PHDB -> phdb(rec, h, receiveTime, out);
            case RecordHeader.MAINTYPE_WAVEFORM -> waves.decode(rec, h, receiveTime, ambientMmHg, out);
            case RecordHeader.MAINTYPE_ALARM -> alarmRecords++;
            default -> out.problem(Problem.UNKNOWN_RECORD, "maintype " + h.mainType());
        }
    }

    private void phdb(byte[] rec, RecordHeader h, Instant receiveTime, SessionOutput out) {
        for (RecordHeader.Subrecord sub : h.subrecords()) {
            if (sub.type() != S5Requests.DISPLAYED_VALUES) {
                out.problem(Problem.UNKNOWN_RECORD, "physiological subrecord type " + sub.type());
            } else if (sub.length() < 4 + BasicClass.SIZE) {
                out.problem(Problem.MALFORMED, "displayed-values subrecord of " + sub.length() + " bytes");
            } else {
                numerics(PhdbValues.decode(rec, sub.start()), h.time(), receiveTime, out);
            }
        }
    }

    private void numerics(PhdbValues v, Instant recordTime, Instant receiveTime, SessionOutput out) {
        Instant time = v.time().getEpochSecond() > 0 ? v.time() : recordTime;
        if (!Double.isNaN(v.ambientPressureMmHg())) {
            ambientMmHg = v.ambientPressureMmHg();
        }
        for (Stream s : EVERY_RECORD) {
            emit(s, v.readings().get(s), time, receiveTime, out);
        }
        if (NIBP.stream().allMatch(s -> v.readings().get(s) instanceof Reading.Value)
                && nibp.isNew(value(v, Stream.NIBP_SYS), value(v, Stream.NIBP_DIA), value(v, Stream.NIBP_MEAN))) {
            NIBP.forEach(s -> emit(s, v.readings().get(s), time, receiveTime, out));
        }
    }

    private static double value(PhdbValues v, Stream s) {
        return ((Reading.Value) v.readings().get(s)).value();
    }

    private void emit(Stream s, Reading r, Instant time, Instant receiveTime, SessionOutput out) {
        if (r instanceof Reading.NoValue nv) {
            out.problem(Problem.NO_VALUE, s.key() + ": " + nv.reason());
        } else if (r instanceof Reading.Value val && !s.accepts(val.value())) {
            out.problem(Problem.OUT_OF_RANGE, s.key() + " = " + val.value());
        } else if (r instanceof Reading.Value val) {
            out.observation(new NumericSample(source, s, val.value(), time, receiveTime, sequences.next(s)));
        }
    }
}
