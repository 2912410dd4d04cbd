package org.openinfusion.dashboard;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openinfusion.station.domain.TechnicalAlarmId;

/**
 * An alarm's text as staff read it, from the alarm's id and the station's message: a limit alarm names the value
 * with its unit and the limit ("SpO2 88 %: below the limit 92 %"), a device's technical alarm the device by its kind
 * and its bed ("Monitor silent (bed 1)"); never a stream key or a configured device id.
 */
public final class AlarmWording {
    /** The bed's pump reporting an alarm of its own ("pump alarm: OCCLUSION"). */
    private static final TechnicalAlarmId PUMP_ALARM = TechnicalAlarmId.of("PUMP_ALARM");

    private AlarmWording() {
    }

    /** Where the bed and its devices are not at hand: a device is named by the kind its id suggests. */
    public static String of(String alarmId, String message) {
        return of(alarmId, message, null, id -> DeviceWording.name(id, Map.of()));
    }

    /**
     * The alarm on {@code bedId} (null: not named), its device named by {@code deviceName} (from its configured id to
     * staff words, e.g. {@code feed.BedState#deviceName}).
     */
    public static String of(String alarmId, String message, String bedId, UnaryOperator<String> deviceName) {
        if (alarmId.startsWith("LIMIT:")) {
            String key = alarmId.split(":")[1];
            String[] words = message.split(" ");
            if (words.length == 4) {
                String name = Text.orElse("stream." + key, key);
                String unit = Text.orElse("unit." + key, "");
                return Text.get(words[2].equals("<") ? "alarm.limitLow" : "alarm.limitHigh", name, words[1], unit, words[3]);
            }
        }
        Optional<TechnicalAlarmId> tech = TechnicalAlarmId.parse(alarmId);
        if (tech.filter(PUMP_ALARM::equals).isPresent() && message.startsWith("pump alarm: ")) {
            return Text.get("alarm.pump", message.substring("pump alarm: ".length()).replace('_', ' '));
        }
        // a device's technical alarm: the station's message names the device by its id, staff read its kind
        if (tech.isPresent() && tech.get().deviceId().isPresent()) {
            TechnicalAlarmId id = tech.get();
            String device = deviceName.apply(id.deviceId().get());
            String text = switch (id.code()) {
                case "DEVICE_OFFLINE", "DEVICE_DISCONNECTED" -> Text.get("alarm.deviceOffline", device);
                case "DEVICE_SILENT" -> Text.get("alarm.deviceSilent", device);
                case "SENSOR_OFF" -> Text.get("alarm.sensorOff", device);
                case "TIME_COLLISIONS" -> Text.get("alarm.timeCollisions", device);
                default -> {
                    String rest = id.messageWithoutDevice(message);
                    yield Text.get("alarm.deviceOther", device, rest.isEmpty() ? Text.get("alarm.technical") : rest);
                }
            };
            return bedId == null ? text : Text.get("alarm.onBed", text, DeviceWording.bed(bedId));
        }
        return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }
}
