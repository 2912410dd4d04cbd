package org.openinfusion.station.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A technical alarm's id as a session's alarms carry it (and the audit trail records it): {@code TECH:<code>} for a
 * condition of the station or of the bed as a whole ({@code TECH:STORE_UNREACHABLE}, {@code TECH:PUMP_ALARM}), and
 * {@code TECH:<code>:<device id>} for one device of the bed ({@code TECH:DEVICE_OFFLINE:spare-monitor}). The one place
 * that writes and reads that form: the alarm engine formats it, the bed view's and the review's wording parse it. A
 * device id is an internal id: what staff read names the device by its kind ({@link DeviceKind}). Pure.
 *
 * @param code     the condition, e.g. {@code DEVICE_SILENT} (no colon)
 * @param deviceId the configured id of the device it is of, or empty for the station or the bed as a whole
 */
public record TechnicalAlarmId(String code, Optional<String> deviceId) {
    /** What every technical alarm's id starts with (a limit alarm's starts with {@code LIMIT:}). */
    public static final String PREFIX = "TECH:";

    public TechnicalAlarmId {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(deviceId, "deviceId");
        if (code.isBlank() || code.contains(":")) {
            throw new IllegalArgumentException("a technical alarm's code is one word without a colon: '" + code + "'");
        }
        if (deviceId.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("a blank device id");
        }
    }

    /** A condition of the station or of the bed as a whole. */
    public static TechnicalAlarmId of(String code) {
        return new TechnicalAlarmId(code, Optional.empty());
    }

    /** A condition of one device ({@code deviceId}, its configured id). */
    public static TechnicalAlarmId ofDevice(String code, String deviceId) {
        return new TechnicalAlarmId(code, Optional.of(deviceId));
    }

    /** The technical alarm {@code alarmId} names, or empty when it names another alarm (a limit, a hold, NIBP due). */
    public static Optional<TechnicalAlarmId> parse(String alarmId) {
        if (alarmId == null || !alarmId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = alarmId.substring(PREFIX.length()).split(":", 2);
        if (parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
            return Optional.empty();
        }
        return Optional.of(new TechnicalAlarmId(parts[0], parts.length == 2 ? Optional.of(parts[1]) : Optional.empty()));
    }

    /** The id as alarms carry it: {@code TECH:<code>} or {@code TECH:<code>:<device id>}. */
    public String format() {
        return PREFIX + code + deviceId.map(d -> ":" + d).orElse("");
    }

    /** Whether {@code alarmId} is this alarm's id. */
    public boolean is(String alarmId) {
        return format().equals(alarmId);
    }

    /**
     * The station's message for this alarm without the device's id, which words for staff name otherwise (by the
     * device's kind and its bed): its "bed/device" form and the bare id dropped, then any colon or space they leave at
     * the start ("bed-01/mon-s5-7: 12 damaged frames" reads "12 damaged frames"). Empty when nothing else is left, and
     * the message as it is for an alarm of no device.
     */
    public String messageWithoutDevice(String message) {
        if (deviceId.isEmpty()) {
            return message;
        }
        String id = Pattern.quote(deviceId.get());
        return message.replaceAll("[A-Za-z0-9_-]+/" + id + "(?![\\w-])", "").replaceAll("(?<![\\w-])" + id + "(?![\\w-])", "")
                .replaceAll("^[\\s:]+", "").strip();
    }
}
