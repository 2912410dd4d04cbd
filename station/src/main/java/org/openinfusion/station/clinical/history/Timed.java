package org.openinfusion.station.clinical.history;

import java.time.Instant;

/** An event that states when it happened (which may be earlier than when it was written). */
public interface Timed {
    Instant at();
}
