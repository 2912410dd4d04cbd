package org.openinfusion.station.clinical.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The patient tablet's requests and replies (docs/tablet.md). Staff hand the subject-rated items of a due rating to the
 * patient ({@link HandOver}, answered with a one-time {@link Code}); the tablet unlocks with the code or with a staff
 * sign-in ({@link Unlock}, {@link UnlockAsStaff}, answered with {@link Unlocked}), submits the rating as an ordinary
 * {@code SessionCommand.RecordRating} carrying its tablet token, and locks ({@link Lock}).
 */
public sealed interface TabletRequest {

    /** Staff: hand {@code form} of the due time point {@code timePointId} on {@code bed} to the patient. */
    record HandOver(String user, String bed, String timePointId, String form) implements TabletRequest {
        public HandOver {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(bed, "bed");
            Objects.requireNonNull(timePointId, "timePointId");
            Objects.requireNonNull(form, "form");
        }
    }

    /**
     * Staff: hand {@code form} of the open rating visit {@code visitSessionId} to the patient (docs/tablet.md, "At a
     * rating visit"); answered with a {@link Code} like a bedside hand-over.
     */
    record HandOverVisit(String user, String visitSessionId, String form) implements TabletRequest {
        public HandOverVisit {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(visitSessionId, "visitSessionId");
            Objects.requireNonNull(form, "form");
        }
    }

    /** Tablet: the one-time code staff read from the bed view. */
    record Unlock(String code) implements TabletRequest {
    }

    /** Staff signed in on the tablet itself: unlock their most recent rating handed over and not yet unlocked. */
    record UnlockAsStaff(String user) implements TabletRequest {
    }

    /**
     * Tablet: lock {@code tabletToken}. With a staff sign-in token in the request's header the tablet was taken back by
     * that member of staff; without, {@code reason} says why the tablet locked itself (e.g. "idle").
     */
    record Lock(String tabletToken, String reason) implements TabletRequest {
    }

    /** Tablet: the patient answered something; keeps an unlocked tablet from locking as idle. */
    record StillInUse(String tabletToken) implements TabletRequest {
    }

    /** The one-time code shown on the bed view, until when it can be used, and how many items the patient answers. */
    record Code(String code, Instant expiresAt, int items) {
    }

    /**
     * An unlocked tablet: its token (send it with the rating), the one rating it may submit, who handed it over (the
     * rating is recorded in their name with rater = subject) and how long the tablet may stay idle before it locks.
     * At a bed {@code bed} names it and {@code visitSessionId} is null (the tablet sends a {@code SessionCommand}); at a
     * rating visit {@code bed} is null and {@code visitSessionId} names the visit (the tablet sends a
     * {@code VisitCommand.RecordRating}). {@code itemIds}: the items the patient answers.
     */
    record Unlocked(String token, String bed, String visitSessionId, String timePointId, String form, List<String> itemIds, String staffUserId,
                    String staffRole, Duration idleLock) {
        public Unlocked {
            itemIds = List.copyOf(itemIds);
        }
    }
}
