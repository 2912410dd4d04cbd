package org.openinfusion.station.device.asena;

import java.util.Optional;

/**
 * Maps the pump's mode and alarm words onto the {@code pump_state} and {@code pump_alarm} values.
 * The Asena's exact vocabulary is not in the public sources, so words are matched by their parts
 * (docs/asena.md lists the rules and the few words seen in public code: mode {@code HLD}, alarm flag
 * {@code -}/{@code A}, alarm codes {@code AL_NOALM}, {@code AL_NEOIN}, {@code AL_LWBAT}, ...); an unknown
 * mode maps to nothing (counted), an unknown alarm to {@code other}.
 */
final class AsenaWords {
    private AsenaWords() {
    }

    static Optional<String> state(String mode) {
        if (has(mode, "COMPLETE", "KVO", "END")) {
            return Optional.of("completed");
        }
        if (has(mode, "PAUS", "HOLD") || mode.equals("HLD")) {
            return Optional.of("paused");
        }
        if (has(mode, "STOP")) {
            return Optional.of("stopped");
        }
        if (has(mode, "INFUS", "RUN", "BOLUS")) {
            return Optional.of("infusing");
        }
        if (has(mode, "STANDBY", "IDLE", "SETUP", "READY")) {
            return Optional.of("standby");
        }
        return Optional.empty();
    }

    static String alarm(String word) {
        if (word.isEmpty() || word.equals("0") || word.equals("-") || has(word, "NONE", "NO_ALARM", "NOALARM", "NOALM")
                || word.equals("OFF")) {
            return "none";
        }
        if (has(word, "OCCL")) {
            return "occlusion";
        }
        if (has(word, "AIR")) {
            return "air_in_line";
        }
        if (has(word, "NEAR", "NEOI")) {
            return "near_end";
        }
        if (has(word, "END", "EOI", "COMPLETE", "VTBI")) {
            return "end_of_infusion";
        }
        if (has(word, "BATT", "LWBAT", "EMBAT")) {
            return "battery_low";
        }
        if (has(word, "DOOR")) {
            return "door_open";
        }
        return "other";
    }

    private static boolean has(String word, String... parts) {
        for (String p : parts) {
            if (word.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
