package org.openinfusion.station.clinical.audit;

import java.io.IOException;

/** The audit file cannot take entries now (disk full, write error); the log retries on the next append and on {@link AuditLog#maintain}. */
public final class AuditUnavailableException extends IOException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
