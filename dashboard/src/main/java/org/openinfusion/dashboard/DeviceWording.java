package org.openinfusion.dashboard;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openinfusion.station.domain.DeviceKind;

/**
 * A device and a bed as staff name them: the device's kind ("Monitor", "Pump"; numbered, "Monitor 2", when the bed has
 * more than one of that kind) and "bed 1", never the configured device id (an internal id; docs/dashboard.md, Wording).
 */
public final class DeviceWording {
    /** What a device is, as staff see it at the bed. */
    public enum Kind {
        MONITOR,
        PUMP,
        DEVICE
    }

    private static final Pattern NUMBERED_BED = Pattern.compile("(?i)bed[-_ ]?0*(\\d+)");

    private DeviceWording() {
    }

    /** "bed 1" for {@code bed-01}; another id with its dashes and underscores as spaces. */
    public static String bed(String bedId) {
        Matcher m = NUMBERED_BED.matcher(bedId);
        return m.matches() ? Text.get("device.bed", m.group(1)) : bedId.replace('-', ' ').replace('_', ' ');
    }

    /**
     * The kind of a device that has sent nothing yet (only its link state is known), from the words of its id; a device
     * that has sent values is known by what it sent ({@code feed.BedState}).
     */
    public static Kind guess(String deviceId) {
        return Kind.valueOf(DeviceKind.guess(deviceId).name());
    }

    /**
     * The device as staff name it, from the kinds of the devices known on its bed: "Monitor", or "Monitor 2" for the
     * second of two monitors (in the order of their ids).
     */
    public static String name(String deviceId, Map<String, Kind> kindsOnBed) {
        Kind kind = kindsOnBed.getOrDefault(deviceId, guess(deviceId));
        String word = Text.get("device." + kind.name());
        int number = DeviceKind.number(deviceId, kindsOnBed.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList());
        return number <= 1 ? word : Text.get("device.numbered", word, number);
    }
}
