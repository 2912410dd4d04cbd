package org.openinfusion.sim;

/** A command line that cannot be run; its message says what to change. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
