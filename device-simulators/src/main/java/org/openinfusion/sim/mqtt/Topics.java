package org.openinfusion.sim.mqtt;

import java.util.Objects;
import java.util.regex.Pattern;

/** The topic tree of one bed: {@code {prefix}/beds/{bed}/devices/{device}/...} (docs/mqtt.md). */
public record Topics(String prefix, String bed) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public Topics {
        requireValidPrefix(prefix);
        requireId("bed", bed);
    }

    /** A prefix is one or more topic levels, without wildcards or empty levels. */
    public static void requireValidPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/")
                || prefix.contains("+") || prefix.contains("#") || prefix.contains("//")) {
            throw new IllegalArgumentException("topic prefix must be levels like station/v1: '" + prefix + "'");
        }
    }

    /** True when {@code id} may be a bed or device id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String numerics(String device) {
        return device(device) + "/numerics";
    }

    public String waveform(String device, WaveformStream stream) {
        return device(device) + "/waveforms/" + stream.wireName();
    }

    public String status(String device) {
        return device(device) + "/status";
    }

    private String device(String device) {
        requireId("device", device);
        return prefix + "/beds/" + bed + "/devices/" + device;
    }

    private static void requireId(String what, String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(what + " id must match [A-Za-z0-9_-]{1,32}: '" + id + "'");
        }
    }
}
