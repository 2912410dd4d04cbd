package org.openinfusion.dashboard.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openinfusion.dashboard.DeviceWording;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;

/**
 * The latest value of every stream of one bed, which device sent it, and each device's link and sensor state: what a
 * page needs to show a value with its age, or why there is none ({@link Signal}). Thread-safe.
 */
public final class BedState {
    public record Latest(String text, Instant deviceTime, double value) {
    }

    /** Why a trace or tile shows no current value, or {@code OK}. */
    public enum Signal {
        OK,
        /** Nothing received yet from any device for this stream. */
        WAITING,
        /** The device is connected but sends nothing for this stream. */
        NO_SIGNAL,
        /** The device reports the sensor off (e.g. SpO2 probe off). */
        SENSOR_OFF,
        /** The device's link is down. */
        DISCONNECTED;

        /** What a trace or tile says in this state (empty when OK). */
        public String words() {
            return switch (this) {
                case OK -> "";
                case WAITING -> Text.get("signal.waiting");
                case NO_SIGNAL -> Text.get("signal.noSignal");
                case SENSOR_OFF -> Text.get("signal.sensorOff");
                case DISCONNECTED -> Text.get("signal.disconnected");
            };
        }
    }

    private final Map<Stream, Latest> latest = new ConcurrentHashMap<>();
    private final Map<Stream, String> deviceOf = new ConcurrentHashMap<>();
    private final Map<Stream, Instant> lastWave = new ConcurrentHashMap<>();
    private final Map<String, Boolean> devicesOnline = new ConcurrentHashMap<>();
    private final Set<String> sensorOff = ConcurrentHashMap.newKeySet();

    void update(NumericSample s) {
        latest.put(s.stream(), new Latest(format(s.value()), s.deviceTime(), s.value()));
        seen(s.stream(), s.source());
    }

    void update(StateSample s) {
        latest.put(s.stream(), new Latest(s.value(), s.deviceTime(), Double.NaN));
        seen(s.stream(), s.source());
    }

    void wave(Stream stream, DeviceRef source, Instant arrived) {
        lastWave.put(stream, arrived);
        seen(stream, source);
    }

    private void seen(Stream stream, DeviceRef source) {
        deviceOf.put(stream, source.deviceId());
    }

    void device(String deviceId, boolean online) {
        devicesOnline.put(deviceId, online);
    }

    void sensor(String deviceId, boolean off) {
        if (off) {
            sensorOff.add(deviceId);
        } else {
            sensorOff.remove(deviceId);
        }
    }

    public Optional<Latest> get(Stream stream) {
        return Optional.ofNullable(latest.get(stream));
    }

    public Map<String, Boolean> devices() {
        return Map.copyOf(devicesOnline);
    }

    /**
     * Every device known on this bed with its kind: a pump when it sent pump streams, a monitor when it sent others; one
     * that sent nothing yet (only its link state is known) by the words of its id.
     */
    public Map<String, DeviceWording.Kind> deviceKinds() {
        Map<String, DeviceWording.Kind> out = new HashMap<>();
        devicesOnline.keySet().forEach(d -> out.put(d, DeviceWording.guess(d)));
        sensorOff.forEach(d -> out.putIfAbsent(d, DeviceWording.guess(d)));
        deviceOf.forEach((stream, d) -> out.put(d, stream.name().startsWith("PUMP_") ? DeviceWording.Kind.PUMP : DeviceWording.Kind.MONITOR));
        return out;
    }

    /** A device of this bed as staff name it ("Monitor", "Monitor 2", "Pump"), never its configured id. */
    public String deviceName(String deviceId) {
        Map<String, DeviceWording.Kind> kinds = deviceKinds();
        kinds.putIfAbsent(deviceId, DeviceWording.guess(deviceId));
        return DeviceWording.name(deviceId, kinds);
    }

    /**
     * The signal of a numeric stream at {@code now}: its device disconnected or its sensor off, else no signal when
     * its latest value is older than {@code freshFor}, else OK.
     */
    public Signal numeric(Stream stream, Duration freshFor, Instant now) {
        Latest l = latest.get(stream);
        return signal(stream, l == null ? null : l.deviceTime(), freshFor, now);
    }

    /** The signal of a waveform stream: as {@link #numeric}, by the arrival of its last chunk. */
    public Signal wave(Stream stream, Duration freshFor, Instant now) {
        return signal(stream, lastWave.get(stream), freshFor, now);
    }

    private Signal signal(Stream stream, Instant last, Duration freshFor, Instant now) {
        String device = deviceOf.get(stream);
        if (device != null && Boolean.FALSE.equals(devicesOnline.get(device))) {
            return Signal.DISCONNECTED;
        }
        if (device != null && sensorOff.contains(device)) {
            return Signal.SENSOR_OFF;
        }
        if (last == null) {
            return Signal.WAITING;
        }
        return Duration.between(last, now).compareTo(freshFor) > 0 ? Signal.NO_SIGNAL : Signal.OK;
    }

    /**
     * The highest priority of the limits that the latest value of {@code main} (or {@code second}, e.g. NIBP
     * diastolic) is outside, in lower case ("high", "medium", "low"), or "none".
     */
    public String breach(List<AlarmLimit> limits, Stream main, Stream second) {
        return limits.stream()
                .filter(l -> l.stream() == main || l.stream() == second)
                .filter(l -> get(l.stream()).map(v -> (l.low().isPresent() && v.value() < l.low().getAsDouble())
                        || (l.high().isPresent() && v.value() > l.high().getAsDouble())).orElse(false))
                .map(AlarmLimit::priority).max(Comparator.naturalOrder())
                .map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("none");
    }

    static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 0.05 ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
