package org.openinfusion.sim.scenario;

/** A scenario file or control request that cannot be used, with the reason. */
public final class ScenarioException extends IllegalArgumentException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
