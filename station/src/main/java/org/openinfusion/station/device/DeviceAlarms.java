package org.openinfusion.station.device;

/**
 * Technical alarm codes raised by device transports (published as {@code health.TechnicalAlarm} on
 * {@code Addresses.TECHNICAL_ALARM}; the message names the device by bed and device id).
 */
public final class DeviceAlarms {
    /** The device's port or connection vanished; the station reconnects with back-off. */
    public static final String DEVICE_DISCONNECTED = "DEVICE_DISCONNECTED";
    /** The link is open but the device sent nothing for longer than {@code device.NAME.silentAfter}. */
    public static final String DEVICE_SILENT = "DEVICE_SILENT";
    /** A sensor reports "no value" (e.g. SpO2 probe off): raised while a stream keeps reporting no value, cleared by a value. */
    public static final String SENSOR_OFF = "SENSOR_OFF";

    private DeviceAlarms() {
    }
}
