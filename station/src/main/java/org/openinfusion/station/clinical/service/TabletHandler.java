package org.openinfusion.station.clinical.service;

import io.vertx.core.eventbus.Message;
import java.util.List;
import java.util.Optional;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.TrailEvent.TabletStep;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.SubjectPart;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.TabletGrants;

/**
 * The patient tablet (docs/tablet.md) on the session verticle's worker thread: hands a due rating to the patient with
 * a one-time code, unlocks a tablet for exactly that rating, records the patient's answers with rater = subject in the
 * name of the member of staff who handed it over, and locks the tablet. Every code issued, unlock, lock and refused
 * code is audited; the code itself never is.
 */
public final class TabletHandler {
    /** The actor of a tablet's own requests (a code typed on it, an idle lock): nobody signed in. */
    public static final String TABLET = "tablet";

    private final SessionService sessions;
    private final SessionCommandHandler api;
    private final TabletGrants grants;

    public TabletHandler(SessionService sessions, SessionCommandHandler api, TabletGrants grants) {
        this.sessions = sessions;
        this.api = api;
        this.grants = grants;
    }

    /**
     * Staff hand a due form to the patient: only its subject-rated items (a form staff complete, CADSS, goes with items
     * 1-19 and staff rate 20-23 at the bedside), only while due, not yet rated and its subject part not yet answered.
     */
    public void handOver(Message<TabletRequest.HandOver> m, Principal who) {
        TabletRequest.HandOver h = m.body();
        if (!h.user().equals(who.userId())) {
            m.fail(BusGuard.FORBIDDEN, "a rating is handed over in the signed-in user's own name, not as " + h.user());
            return;
        }
        SessionCommandHandler.reply(m, h.bed(), () -> {
            SessionView v = api.view(h.bed());
            Prompt p = v.prompts().stream().filter(x -> x.timePointId().equals(h.timePointId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no time point '" + h.timePointId() + "' in this session"));
            if (p.state() != PromptState.DUE && p.state() != PromptState.OVERDUE) {
                throw new IllegalStateException("the " + h.timePointId() + " ratings are not due now");
            }
            if (!p.instruments().contains(h.form())) {
                throw new IllegalArgumentException("time point " + h.timePointId() + " asks for " + p.instruments() + ", not " + h.form());
            }
            if (v.ratings().stream().anyMatch(r -> !r.correction() && r.timePointId().equals(h.timePointId()) && r.form().equals(h.form()))) {
                throw new IllegalStateException(h.form() + " at " + h.timePointId() + " is already recorded");
            }
            if (v.tabletParts().stream().anyMatch(x -> x.timePointId().equals(h.timePointId()) && BedHistory.formOf(x).equals(h.form()))) {
                throw new IllegalStateException("the subject has answered " + h.form() + " at " + h.timePointId()
                        + " on the tablet: staff rate its observer items");
            }
            List<Item> items = tabletItems(sessions.instruments(), h.form());
            var handover = new TabletGrants.Handover(grants.newHandoverId(), h.bed(), v.sessionId(), h.timePointId(), h.form(), who);
            TabletGrants.Issued issued = grants.issue(handover);
            audit(handover, who.userId(), TabletStep.CODE_ISSUED, "valid until " + issued.expiresAt());
            return new TabletRequest.Code(issued.code(), issued.expiresAt(), items.size());
        });
    }

    /** A tablet unlocks with a one-time code, or a member of staff signed in on it unlocks their latest handover. */
    public void unlock(Message<TabletRequest> m, Optional<Principal> staff) {
        SessionCommandHandler.reply(m, TABLET, () -> switch (m.body()) {
            case TabletRequest.Unlock u -> withCode(u.code());
            case TabletRequest.UnlockAsStaff s -> {
                Principal who = staff.orElseThrow(() -> new SecurityException("sign in to unlock the tablet"));
                if (!s.user().equals(who.userId())) {
                    throw new SecurityException("a tablet is unlocked in the signed-in user's own name, not as " + s.user());
                }
                TabletGrants.Handover h = grants.outstanding(who.userId()).stream().findFirst().orElseThrow(() ->
                        new IllegalStateException("nothing handed to a patient: use \"Hand to patient\" at a due rating first"));
                yield unlocked(grants.unlock(h), "staff sign-in");
            }
            default -> throw new IllegalArgumentException("not an unlock request");
        });
    }

    private TabletRequest.Unlocked withCode(String code) {
        return switch (grants.redeem(code)) {
            case TabletGrants.Unlocked u -> unlocked(u, "code");
            case TabletGrants.Refused r -> {
                String why = switch (r.why()) {
                    case UNKNOWN -> "unknown code";
                    case USED -> "code already used";
                    case EXPIRED -> "code expired";
                    case WITHDRAWN -> "unknown code; too many wrong codes: every outstanding code withdrawn";
                };
                var refusal = new TrailEvent.TabletAccess(sessions.now(), TabletStep.CODE_REFUSED,
                        r.handover().map(TabletGrants.Handover::id).orElse(null), r.handover().map(TabletGrants.Handover::timePointId).orElse(null),
                        r.handover().map(TabletGrants.Handover::form).orElse(null), why);
                sessions.tablet(r.handover().map(TabletGrants.Handover::sessionId).orElse(null), TABLET, refusal);
                r.withdrawn().forEach(h -> audit(h, TABLET, TabletStep.LOCKED, "code withdrawn after too many wrong codes"));
                throw new SecurityException("This code cannot unlock the tablet (" + why + "). Ask staff for a new code.");
            }
        };
    }

    private TabletRequest.Unlocked unlocked(TabletGrants.Unlocked u, String how) {
        TabletGrants.Handover h = u.handover();
        audit(h, h.staff().userId(), TabletStep.UNLOCKED, how);
        List<String> items = tabletItems(sessions.instruments(), h.form()).stream().map(Item::id).toList();
        return new TabletRequest.Unlocked(u.token(), h.bed(), h.atVisit() ? h.sessionId() : null, h.timePointId(), h.form(), items, h.staff().userId(),
                h.staff().role().key(), grants.idleLock());
    }

    /**
     * The tablet's rating, through the ordinary rating command: only the handed-over rating, in the name of who handed it
     * over, recorded with rater = subject; the tablet locks once it is recorded (its token is single-use).
     */
    public void rate(Message<SessionCommand> m, TabletGrants.Handover h, String token) {
        if (!(m.body() instanceof SessionCommand.RecordRating r) || !permitted(r, h)) {
            sessions.accessDenied(TABLET, TABLET, "TABLET:" + h.form() + "@" + h.timePointId(), m.address());
            m.fail(BusGuard.FORBIDDEN, "This tablet may only submit the rating it was handed.");
            return;
        }
        SessionCommandHandler.reply(m, r.bed(), () -> {
            var reply = api.rate(r, Rater.SUBJECT);
            grants.lock(token);
            audit(h, h.staff().userId(), TabletStep.LOCKED, "rating recorded");
            return reply;
        });
    }

    private boolean permitted(SessionCommand.RecordRating r, TabletGrants.Handover h) {
        if (h.atVisit()) {
            return false; // a rating visit's tablet sends a VisitCommand, never a bed's command
        }
        Rating rating = r.rating();
        String form = rating.shortFormId() == null ? rating.instrumentId() : rating.shortFormId();
        boolean sameSession = sessions.onBed(h.bed()).map(x -> x.session().id().equals(h.sessionId())).orElse(false);
        return sameSession && r.bed().equals(h.bed()) && rating.timePointId().equals(h.timePointId()) && form.equals(h.form())
                && !rating.isCorrection() && rating.raterUserId().equals(h.staff().userId())
                && rating.raterRole().equals(h.staff().role().key());
    }

    /** Locks a tablet: taken back by a member of staff (signed in), or locking itself (e.g. idle). */
    public void lock(Message<TabletRequest> m, Optional<Principal> staff) {
        if (!(m.body() instanceof TabletRequest.Lock l)) {
            m.fail(SessionCommandHandler.REFUSED, "not a lock request");
            return;
        }
        Optional<TabletGrants.Handover> h = grants.lock(l.tabletToken());
        h.ifPresent(x -> audit(x, staff.map(Principal::userId).orElse(TABLET), TabletStep.LOCKED,
                staff.map(s -> "taken back by staff").orElse(l.reason() == null || l.reason().isBlank() ? "locked" : l.reason().strip())));
        m.reply(h.isPresent());
    }

    /** Locks tablets left idle too long (audited); call periodically. */
    public void sweep() {
        grants.sweep().forEach(h -> audit(h, TABLET, TabletStep.LOCKED, "idle"));
    }

    /**
     * The items the patient answers on the tablet: the form's subject-rated items. A form the subject rates entirely
     * (VAS, PSI, OCS) becomes a rating with rater = subject; a form with observer items too (CADSS: 1-19 by the
     * subject, 20-23 by staff) goes with its subject-rated items only, recorded as the subject's part, and staff rate
     * the others at the bedside or on the visit page ({@link SubjectPart}); the same at a bed and at a rating visit.
     */
    static List<Item> tabletItems(InstrumentCatalog instruments, String formKey) {
        FormKey form = FormKey.resolve(instruments, formKey).orElseThrow(() -> new IllegalArgumentException("unknown form " + formKey));
        List<Item> items = SubjectPart.items(instruments.get(form.instrumentId()), form.shortFormId());
        if (items.isEmpty()) {
            throw new IllegalArgumentException(formKey + " has no subject-rated item: staff rate it");
        }
        return items;
    }

    private void audit(TabletGrants.Handover h, String actor, TabletStep step, String detail) {
        sessions.tablet(h.sessionId(), actor, new TrailEvent.TabletAccess(sessions.now(), step, h.id(), h.timePointId(), h.form(), detail));
    }
}
