package org.openinfusion.station.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** Where a value comes from: a bed and one device at that bed. Neither ever identifies a patient. */
public record DeviceRef(String bedId, String deviceId) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public DeviceRef {
        requireId("bedId", bedId);
        requireId("deviceId", deviceId);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static void requireId(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!isValidId(value)) {
            throw new IllegalArgumentException(name + " must match " + ID.pattern() + ": '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return bedId + "/" + deviceId;
    }
}
