package org.openinfusion.sim.asena;

import java.util.List;
import java.util.Locale;

/** The pump's answer (a frame body) to one request body. Pure. */
final class AsenaResponder {

    static final String PROTOCOL_VERSION = "1.00";
    static final int RESPONSE_MAX_MS = 500;
    private static final List<String> PROGRAMMING = List.of("INF_START", "INF_STOP", "INF_RATE", "INF_BOLUS",
            "REMOTE_CTRL", "REMQUERY");

    private AsenaResponder() {
    }

    static String respond(String body, PumpReport report) {
        String command = body.split("\\^", -1)[0];
        return switch (command) {
            case "INF" -> String.join(AsenaFrame.FIELD_SEPARATOR, report.infFields());
            case "ALARM" -> "ALARM^" + report.alarm().name();
            case "INST_SERIALNO" -> "INST_SERIALNO^" + report.serial();
            case "COMMS_PROTOCOL" -> "COMMS_PROTOCOL^" + PROTOCOL_VERSION;
            case "COMMS_RESPONSE_MAX" -> "COMMS_RESPONSE_MAX^" + RESPONSE_MAX_MS;
            case "INF_VTBI" -> body.equals("INF_VTBI") ? vtbi(report) : body;
            default -> PROGRAMMING.contains(command) ? body : "ERROR^UNKNOWN_COMMAND^" + command;
        };
    }

    static String badCrc() {
        return "ERROR^BAD_CRC";
    }

    static String malformed() {
        return "ERROR^MALFORMED";
    }

    private static String vtbi(PumpReport report) {
        return String.format(Locale.ROOT, "INF_VTBI^ACTIV^%.3f^ml^STOP", report.vtbiRemainingMl());
    }
}
