package org.openinfusion.station.device.asena;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.SequenceCounter;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;

/**
 * The pure Asena decoder: bytes in; {@code INF} and {@code ALARM} responses out as observations
 * (the pump sends no time, so the receive time is the device time). Tells the caller which response
 * arrived so a poller can match it to its request. Not thread-safe.
 */
public final class AsenaDecoder {
    private final DeviceRef source;
    private final AsenaFrameParser parser = new AsenaFrameParser();
    private final SequenceCounter sequences = new SequenceCounter();

    public AsenaDecoder(DeviceRef source) {
        this.source = source;
    }

    /** Decodes bytes; returns the query the last complete response answered, if any. */
    public Optional<AsenaQuery> decode(byte[] data, int offset, int length, Instant now, SessionOutput out) {
        AsenaQuery[] answered = new AsenaQuery[1];
        parser.accept(data, offset, length, new AsenaFrameParser.Listener() {
            @Override
            public void frame(List<String> fields) {
                AsenaQuery q = response(fields, now, out);
                answered[0] = q == null ? answered[0] : q;
            }

            @Override
            public void problem(Problem kind, String detail) {
                out.problem(kind, detail);
            }
        });
        return Optional.ofNullable(answered[0]);
    }

    public void reset() {
        parser.reset();
    }

    private AsenaQuery response(List<String> f, Instant now, SessionOutput out) {
        String command = f.get(0);
        if (command.equals(AsenaQuery.INF.name())) {
            if (f.size() < InfStatus.MIN_FIELDS) {
                out.problem(Problem.MALFORMED, "INF response with " + f.size() + " fields");
                return AsenaQuery.INF;
            }
            status(InfStatus.parse(f), now, out);
            return AsenaQuery.INF;
        }
        if (command.equals(AsenaQuery.ALARM.name())) {
            state(Stream.PUMP_ALARM, AsenaWords.alarm(f.size() > 1 ? InfStatus.word(f.get(1)) : ""), now, out);
            return AsenaQuery.ALARM;
        }
        out.problem(Problem.UNKNOWN_RECORD, "response '" + command + "'");
        return null;
    }

    private void status(InfStatus s, Instant now, SessionOutput out) {
        Optional<String> state = AsenaWords.state(s.mode());
        state.ifPresentOrElse(v -> state(Stream.PUMP_STATE, v, now, out),
                () -> out.problem(Problem.UNKNOWN_VALUE, "mode '" + s.mode() + "'"));
        state(Stream.PUMP_ALARM, AsenaWords.alarm(s.alarm()), now, out);
        boolean rateOk = unit(s.rateUnit(), "ML/H", "rate", out);
        if (rateOk) {
            numeric(Stream.PUMP_RATE, s.rate(), now, out);
        }
        if (unit(s.volumeUnit(), "ML", "volume infused", out)) {
            numeric(Stream.PUMP_VOLUME_INFUSED, s.volumeInfused(), now, out);
        }
        if (rateOk && s.rate() > 0 && s.timeRemaining().isPresent()) {
            Duration left = s.timeRemaining().get();
            // in seconds: toMillis() overflows for an absurd time remaining
            numeric(Stream.PUMP_VOLUME_TO_BE_INFUSED, s.rate() * (left.getSeconds() + left.getNano() / 1e9) / 3600.0, now, out);
        }
    }

    private static boolean unit(String unit, String expected, String what, SessionOutput out) {
        if (unit.equals(expected)) {
            return true;
        }
        out.problem(Problem.UNKNOWN_VALUE, what + " unit '" + unit + "'");
        return false;
    }

    private void numeric(Stream s, double v, Instant now, SessionOutput out) {
        if (Double.isNaN(v)) {
            out.problem(Problem.NO_VALUE, s.key() + ": empty or unreadable");
        } else if (!s.accepts(v)) {
            out.problem(Problem.OUT_OF_RANGE, s.key() + " = " + v);
        } else {
            out.observation(new NumericSample(source, s, v, now, now, sequences.next(s)));
        }
    }

    private void state(Stream s, String v, Instant now, SessionOutput out) {
        out.observation(new StateSample(source, s, v, now, now, sequences.next(s)));
    }
}
