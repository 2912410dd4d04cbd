package org.openinfusion.station.domain;

import java.util.Collection;
import java.util.Locale;

/**
 * What a device is, as staff name it: a monitor, a pump, or another device. Staff never read a configured device id (an
 * internal id): screens and the review name a device by its kind, numbered when a bed has more than one of that kind
 * ("Monitor 2"). Pure.
 */
public enum DeviceKind {
    MONITOR("Monitor"),
    PUMP("Pump"),
    DEVICE("Device");

    private final String word;

    DeviceKind(String word) {
        this.word = word;
    }

    /** The English word ("Monitor"); screens take theirs from their message bundle. */
    public String word() {
        return word;
    }

    /**
     * The kind a device's id suggests, for a device known only by its id (no value of it seen): the words of the device
     * families the station reads (docs/s5.md, docs/asena.md) and of the demo's ids.
     */
    public static DeviceKind guess(String deviceId) {
        String id = deviceId.toLowerCase(Locale.ROOT);
        if (id.contains("pump") || id.contains("asena") || id.contains("alaris")) {
            return PUMP;
        }
        if (id.contains("mon") || id.contains("s5") || id.contains("datex")) {
            return MONITOR;
        }
        return DEVICE;
    }

    /**
     * Which of the devices of this kind on a bed {@code deviceId} is, counting by the order of their ids: 1 for the first,
     * 0 when it is the only one of its kind (then it is not numbered). {@code sameKind}: the ids of the bed's devices of
     * that kind, {@code deviceId} among them or not.
     */
    public static int number(String deviceId, Collection<String> sameKind) {
        long others = sameKind.stream().filter(id -> !id.equals(deviceId)).count();
        if (others == 0) {
            return 0;
        }
        return 1 + (int) sameKind.stream().filter(id -> !id.equals(deviceId) && id.compareTo(deviceId) < 0).count();
    }
}
