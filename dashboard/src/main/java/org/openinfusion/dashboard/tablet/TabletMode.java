package org.openinfusion.dashboard.tablet;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.Optional;
import org.openinfusion.dashboard.rating.RatingDraft;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.clinical.api.TabletRequest;

/**
 * The patient tablet's hold on its browser, bound to a hand-over: while the tablet page holds an unlocked rating (from
 * the unlock until it is sent, taken back by staff or locked idle), every other page of this browser session is
 * rerouted to the tablet page, which shows that same questionnaire again with the answers given so far (so neither a
 * typed address nor the browser's back button reaches a staff page or drops the hand-over). A locked tablet holds
 * nothing: staff may sign in on that browser (its sign-in page, or another tab) as on any other. Opening the tablet
 * page, and every unlock, closes a staff sign-in held in the browser session, so that a tablet never leaves one behind
 * it. A hand-over left untouched for the station's idle lock no longer holds the browser, even when its page has gone.
 * Registered through META-INF/services (docs/tablet.md).
 */
public final class TabletMode implements VaadinServiceInitListener {
    private static final String ATTRIBUTE = "patient-tablet-handover";

    /** A hand-over held by a browser session: the unlocked rating, the answers given so far, and when last touched. */
    static final class Held {
        final TabletRequest.Unlocked unlocked;
        final RatingDraft draft;
        private Instant touched;

        Held(TabletRequest.Unlocked unlocked, RatingDraft draft, Instant touched) {
            this.unlocked = unlocked;
            this.draft = draft;
            this.touched = touched;
        }

        void touched(Instant at) {
            touched = at;
        }

        boolean live(Instant now) {
            return now.isBefore(touched.plus(unlocked.idleLock()));
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(e -> {
            if (isTablet(init.getUI().getSession()) && e.getNavigationTarget() != TabletView.class) {
                e.rerouteTo(TabletView.class);
            }
        }));
    }

    /** Whether this browser session holds a hand-over now (its pages are the tablet's). */
    static boolean isTablet(VaadinSession session) {
        return held(session, Instant.now()).isPresent();
    }

    /** The hand-over this browser session holds, unless none or left idle past the idle lock. */
    static Optional<Held> held(VaadinSession session, Instant now) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Held h)) {
            return Optional.empty();
        }
        if (!h.live(now)) {
            session.setAttribute(ATTRIBUTE, null);
            return Optional.empty();
        }
        return Optional.of(h);
    }

    /** The tablet page is open in this browser session: a staff member signed in on it is signed out. */
    static void opened(VaadinSession session) {
        if (session == null) {
            return;
        }
        StationUser staff = session.getAttribute(StationUser.class);
        if (staff != null) {
            SignOutButton.signOutAtStation(staff.token(), "browser became a patient tablet");
            session.setAttribute(StationUser.class, null);
        }
    }

    /** A rating was handed to this browser's tablet page: the browser session holds it until it is released. */
    static Held handOver(VaadinSession session, TabletRequest.Unlocked unlocked, RatingDraft draft, Instant now) {
        Held h = new Held(unlocked, draft, now);
        if (session != null) {
            opened(session);
            session.setAttribute(ATTRIBUTE, h);
        }
        return h;
    }

    /** The hand-over ended (sent, taken back, locked): the browser session no longer holds it. */
    static void release(VaadinSession session, TabletRequest.Unlocked unlocked) {
        if (session != null && unlocked != null && session.getAttribute(ATTRIBUTE) instanceof Held h && h.unlocked == unlocked) {
            session.setAttribute(ATTRIBUTE, null);
        }
    }
}
