package org.openinfusion.station.device.serial;

/** One technical alarm of one device: reports only changes. Used from the runner's thread. */
final class AlarmState {
    private final String code;
    private final DeviceEvents events;
    private boolean active;

    AlarmState(String code, DeviceEvents events) {
        this.code = code;
        this.events = events;
    }

    void set(boolean nowActive, String message) {
        if (nowActive != active) {
            active = nowActive;
            events.alarm(code, nowActive, message);
        }
    }
}
