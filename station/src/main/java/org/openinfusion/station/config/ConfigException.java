package org.openinfusion.station.config;

/** A setting is missing, unknown or malformed; the message names the setting, its value and where it came from. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
