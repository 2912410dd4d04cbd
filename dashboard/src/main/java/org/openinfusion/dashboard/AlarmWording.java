package org.openinfusion.dashboard;

import java.util.Locale;

/**
 * An alarm's text as staff read it, from the alarm's id and the station's message: a limit alarm names the value
 * with its unit and the limit ("SpO2 88 %: below the limit 92 %"), a device alarm the device; never a stream key.
 */
public final class AlarmWording {
    private AlarmWording() {
    }

    public static String of(String alarmId, String message) {
        if (alarmId.startsWith("LIMIT:")) {
            String key = alarmId.split(":")[1];
            String[] words = message.split(" ");
            if (words.length == 4) {
                String name = Text.orElse("stream." + key, key);
                String unit = Text.orElse("unit." + key, "");
                return Text.get(words[2].equals("<") ? "alarm.limitLow" : "alarm.limitHigh", name, words[1], unit, words[3]);
            }
        }
        if (alarmId.startsWith("TECH:DEVICE_OFFLINE:")) {
            return Text.get("alarm.deviceOffline", alarmId.substring("TECH:DEVICE_OFFLINE:".length()));
        }
        if (alarmId.equals("TECH:PUMP_ALARM") && message.startsWith("pump alarm: ")) {
            return Text.get("alarm.pump", message.substring("pump alarm: ".length()).replace('_', ' '));
        }
        return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }
}
