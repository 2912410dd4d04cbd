package org.openinfusion.station.clinical.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Permission;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.TabletGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Study visits on the bus (docs/visits.md): the clinic list and a subject's timeline (bedside view), and the rating-visit
 * commands (session run), each admitted by the {@link BusGuard} first (401 signed out, 403 wrong role). Deploy as a
 * WORKER verticle: every command is fsynced in the audit trail before it is answered. Refusals fail with 400 and the
 * reason; logs name the address and the user, never a subject.
 */
public final class VisitVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(VisitVerticle.class);
    public static final int REFUSED = 400;
    public static final int FAILED = 500;

    private final VisitService visits;
    private final BusGuard guard;

    public VisitVerticle(VisitService visits, BusGuard guard) {
        this.visits = visits;
        this.guard = guard;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.<VisitCommand>localConsumer(Addresses.VISIT_COMMAND, m -> guard.tablet(m).ifPresentOrElse(h -> fromTablet(m, h),
                () -> serve(m, m.body() instanceof VisitCommand.Amend ? Permission.RECORD_AMEND : Permission.SESSION_RUN,
                        who -> visits.handle(who.userId(), m.body()))));
        bus.<TabletRequest.HandOverVisit>localConsumer(Addresses.TABLET_HANDOVER_VISIT, m -> guard.admit(m, Permission.HAND_TO_PATIENT).ifPresent(who -> {
            if (m.body() == null || !m.body().user().equals(who.userId())) {
                m.fail(BusGuard.FORBIDDEN, "a rating is handed over in the signed-in user's own name");
                return;
            }
            try {
                m.reply(visits.handOver(who, m.body().visitSessionId(), m.body().form(), guard.tablets()));
            } catch (VisitService.VisitRefused e) {
                m.fail(REFUSED, e.getMessage());
            }
        }));
        bus.<VisitQuery>localConsumer(Addresses.VISIT_QUERY, m -> serve(m, Permission.BEDSIDE_VIEW, who -> switch (m.body()) {
            case VisitQuery.ClinicDay d -> new VisitReply.ClinicDayList(d.day(), visits.clinicList(d.day()));
            case VisitQuery.Timeline t -> new VisitReply.Timeline(visits.timeline(t.subject(), t.protocolId(), t.day()));
            case VisitQuery.Day d -> visits.daySheet(d.day() == null ? visits.today() : d.day());
            case VisitQuery.Visit v -> visits.visitSheet(v.visitSessionId());
            case VisitQuery.Monitors mo -> visits.monitors(mo.visitSessionId());
        }));
        // the latest value of each bed's vital signs, for "Take from monitor" at a rating visit (kept in memory only)
        bus.<NumericSample>localConsumer(Addresses.NUMERIC, m -> visits.sample(m.body()));
        return Future.succeededFuture();
    }

    /** A patient tablet's request: only the rating it was handed (recorded with rater = subject), then it locks. */
    private void fromTablet(Message<VisitCommand> m, TabletGrants.Handover h) {
        try {
            Optional<VisitReply.Done> done = visits.rateFromTablet(h, m.body(), m.address());
            if (done.isEmpty()) {
                m.fail(BusGuard.FORBIDDEN, "This tablet may only submit the rating it was handed.");
                return;
            }
            guard.tablets().lock(m.headers().get(BusGuard.TOKEN_HEADER));
            visits.tablet(h, h.staff().userId(), TrailEvent.TabletStep.LOCKED, "rating recorded");
            m.reply(done.get());
        } catch (VisitService.VisitRefused e) {
            m.fail(REFUSED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("tablet rating on {} failed: {}", m.address(), e.getClass().getName());
            m.fail(FAILED, "The station could not do this (" + e.getClass().getSimpleName() + ").");
        }
    }

    private <T> void serve(Message<T> m, Permission permission, Function<Principal, VisitReply> work) {
        guard.admit(m, permission).ifPresent(who -> {
            try {
                if (m.body() == null) {
                    throw new VisitService.VisitRefused("empty visit request");
                }
                m.reply(work.apply(who));
            } catch (VisitService.VisitRefused e) {
                LOG.info("visit request on {} by {} refused", m.address(), who.userId());
                m.fail(REFUSED, e.getMessage());
            } catch (ClassCastException | IllegalArgumentException e) {
                m.fail(REFUSED, "Bad visit request: " + e.getMessage());
            } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
                LOG.error("visit request on {} by {} failed: {}", m.address(), who.userId(), e.getClass().getName());
                m.fail(FAILED, "The station could not do this: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("visit request on {} by {} failed: {}", m.address(), who.userId(), e.getClass().getName());
                m.fail(FAILED, "The station could not do this (" + e.getClass().getSimpleName() + ").");
            }
        });
    }
}
