package org.openinfusion.station.clinical.api;

import java.util.Optional;
import org.openinfusion.station.clinical.rating.Score;

/** The reply to a {@link SessionCommand}: the session as it is now, and the station's score when a rating was recorded. */
public record CommandReply(SessionView view, Optional<Score> score) {
}
