package org.openinfusion.station.device.s5;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.device.DeviceOptions;

/**
 * S/5 settings ({@code device.NAME.*}): numerics interval, DRI levels to try in order (one = fixed),
 * waves to request, and how long to wait for records before sending the requests again (at the next
 * level while none has answered yet).
 */
public record S5Options(Duration interval, List<Integer> driLevels, List<WaveType> waves, Duration retryAfter) {
    public static final int MAX_WAVE_SAMPLES_PER_SECOND = 600;

    public S5Options {
        driLevels = List.copyOf(driLevels);
        waves = List.copyOf(waves);
        if (driLevels.isEmpty()) {
            throw new IllegalArgumentException("at least one DRI level");
        }
    }

    public static S5Options defaults() {
        return new S5Options(Duration.ofSeconds(5), List.of(11, 10, 9, 8, 7, 6, 5, 4, 3, 2),
                List.of(WaveType.ECG1, WaveType.PLETH, WaveType.CO2), Duration.ofSeconds(15));
    }

    static S5Options read(DeviceOptions o) {
        S5Options d = defaults();
        Duration interval = o.duration("interval", d.interval(), Duration.ofSeconds(5));
        List<Integer> levels = new ArrayList<>();
        for (String s : o.list("driLevels", "11,10,9,8,7,6,5,4,3,2")) {
            try {
                int level = Integer.decode(s);
                if (level < 0 || level > 255) {
                    throw o.error("driLevels", s, "must be 0 - 255");
                }
                levels.add(level);
            } catch (NumberFormatException e) {
                throw o.error("driLevels", s, "is not a number (decimal or 0x..)");
            }
        }
        List<WaveType> waves = new ArrayList<>();
        String waveList = o.string("waves", "ecg1,pleth,co2");
        if (!waveList.equals("none")) {
            for (String s : o.list("waves", waveList)) {
                waves.add(WaveType.byName(s).orElseThrow(() -> o.error("waves", s, "is not one of ecg1, ecg2, ecg3, pleth, co2")));
            }
        }
        int rate = waves.stream().mapToInt(WaveType::rateHz).sum();
        if (waves.size() > 8 || rate >= MAX_WAVE_SAMPLES_PER_SECOND) {
            throw o.error("waves", waveList, "asks for " + rate + " samples/s; the S/5 sends fewer than 600 in total");
        }
        Duration retry = o.duration("retryAfter", d.retryAfter(), Duration.ofSeconds(1));
        o.requireAllRead();
        return new S5Options(interval, levels, waves, retry);
    }
}
