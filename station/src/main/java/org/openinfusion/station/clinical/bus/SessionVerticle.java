package org.openinfusion.station.clinical.bus;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.api.UnblindRequest;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.service.SessionCommandHandler;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.clinical.service.TabletHandler;
import org.openinfusion.station.clinical.session.Outcome;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.TechnicalAlarmId;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sessions on live data. Deploy as a WORKER verticle: every input is written to the audit
 * trail (fsync) before it counts, so handlers block on disk and must stay off the event loops; a
 * worker verticle also keeps them on one thread at a time, as {@link SessionService} requires.
 */
public final class SessionVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SessionVerticle.class);

    private final SessionService sessions;
    private final Duration tick;
    private final SessionCommandHandler api;

    private final BusGuard guard;
    private final TabletHandler tablets;
    private final Optional<Authenticator> signatures;

    /** {@code guard} checks the caller's sign-in and role on every request (docs/security.md); no e-signatures (no unblinding). */
    public SessionVerticle(SessionService sessions, Duration tick, BusGuard guard) {
        this(sessions, tick, guard, Optional.empty());
    }

    /** The same; {@code signatures} confirms the e-signature that emergency unblinding asks for. */
    public SessionVerticle(SessionService sessions, Duration tick, BusGuard guard, Optional<Authenticator> signatures) {
        this.signatures = signatures;
        this.sessions = sessions;
        this.tick = tick;
        this.guard = guard;
        // staff commands' outcomes (steps, acknowledgements) go on the bus too, like those of live data
        this.api = new SessionCommandHandler(sessions, this::publish);
        this.tablets = new TabletHandler(sessions, api, guard.tablets());
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.<NumericSample>localConsumer(Addresses.NUMERIC, m -> {
            api.vital(m.body());
            handle(m.body().source().bedId(), () -> sessions.numeric(m.body()));
        });
        bus.<StateSample>localConsumer(Addresses.STATE, m -> handle(m.body().source().bedId(), () -> sessions.state(m.body())));
        bus.<DeviceStatus>localConsumer(Addresses.DEVICE_STATUS, m -> deviceStatus(m.body()));
        bus.<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> stationAlarm(m.body()));
        bus.<SessionCommand>localConsumer(Addresses.SESSION_COMMAND, m -> guard.tablet(m).ifPresentOrElse(
                handover -> tablets.rate(m, handover, m.headers().get(BusGuard.TOKEN_HEADER)),
                () -> guard.admit(m, SessionCommandHandler.permission(m.body())).ifPresent(who -> api.command(m, who))));
        bus.<ViewRequest>localConsumer(Addresses.SESSION_VIEW, m -> guard.admit(m, Permission.BEDSIDE_VIEW).ifPresent(who -> api.view(m)));
        bus.<UnblindRequest>localConsumer(Addresses.SESSION_UNBLIND,
                m -> guard.admit(m, Permission.BEDSIDE_VIEW).ifPresentOrElse(who -> {
                    if (api.unblind(m, who, signatures, !guard.signedBefore(m))) {
                        guard.signatureMade(m);
                    }
                }, () -> Optional.ofNullable(m.body()).ifPresent(u -> Arrays.fill(u.password(), '\0'))));
        bus.localConsumer(Addresses.SESSION_PROTOCOLS, m -> guard.answer(m, Permission.BEDSIDE_VIEW, who -> api.protocols()));
        bus.<TabletRequest.HandOver>localConsumer(Addresses.TABLET_HANDOVER,
                m -> guard.admit(m, Permission.HAND_TO_PATIENT).ifPresent(who -> tablets.handOver(m, who)));
        bus.<TabletRequest>localConsumer(Addresses.TABLET_UNLOCK, m -> {
            if (m.body() instanceof TabletRequest.UnlockAsStaff) {
                guard.admit(m, Permission.HAND_TO_PATIENT).ifPresent(who -> tablets.unlock(m, Optional.of(who)));
            } else {
                tablets.unlock(m, Optional.empty());
            }
        });
        bus.<TabletRequest>localConsumer(Addresses.TABLET_LOCK, m -> {
            if (m.headers().get(BusGuard.TOKEN_HEADER) != null) {
                guard.admit(m, Permission.HAND_TO_PATIENT).ifPresent(who -> tablets.lock(m, Optional.of(who)));
            } else {
                tablets.lock(m, Optional.empty());
            }
        });
        bus.<TabletRequest.StillInUse>localConsumer(Addresses.TABLET_TOUCH,
                m -> m.reply(guard.tablets().resolve(m.body().tabletToken()).isPresent()));
        vertx.setPeriodic(tick.toMillis(), id -> {
            sessions.tick().forEach(this::publish);
            tablets.sweep();
        });
        return Future.succeededFuture();
    }

    private void deviceStatus(DeviceStatus s) {
        if (s.retained() && !s.online()) {
            return; // a stored "offline" handed over on subscribing is an old fact, not a fresh alarm (docs/mqtt.md)
        }
        String bed = s.source().bedId();
        handle(bed, () -> sessions.technical(bed, TechnicalAlarmId.ofDevice("DEVICE_OFFLINE", s.source().deviceId()), !s.online(), AlarmPriority.HIGH,
                s.source().deviceId() + " offline"));
    }

    /** A device's technical alarm goes to the session on that device's bed; a station-wide one to every session. */
    private void stationAlarm(TechnicalAlarm a) {
        for (var r : sessions.all()) {
            String bed = r.session().created().bedId();
            if (a.source().isPresent() && !a.source().get().bedId().equals(bed)) {
                continue;
            }
            TechnicalAlarmId id = a.source().map(src -> TechnicalAlarmId.ofDevice(a.code(), src.deviceId())).orElse(TechnicalAlarmId.of(a.code()));
            AlarmPriority priority = a.highPriority() ? AlarmPriority.HIGH : AlarmPriority.MEDIUM;
            handle(bed, () -> sessions.technical(bed, id, a.active(), priority, a.message()));
        }
    }

    private void handle(String bed, Supplier<Outcome> input) {
        try {
            publish(bed, input.get());
        } catch (RuntimeException e) {
            LOG.error("session input on bed {} failed: {}", bed, e.getMessage());
        }
    }

    private void publish(String bed, Outcome o) {
        if (!o.isEmpty()) {
            String id = sessions.onBed(bed).map(r -> r.session().id()).orElse("");
            api.observe(id, o);
            publish(new SessionUpdate(bed, id, o));
        }
    }

    /**
     * Publishes what changed on a bed; when its alarms changed, also the bed's session view after the change, so that open
     * pages show the alarm at once instead of at their next request.
     */
    private void publish(SessionUpdate update) {
        vertx.eventBus().publish(Addresses.SESSION_UPDATE, update);
        if (!update.outcome().alarms().isEmpty()) {
            try {
                api.viewOf(update.bedId()).ifPresent(v -> vertx.eventBus().publish(Addresses.SESSION_ALARMS, v));
            } catch (RuntimeException e) {
                // the change is recorded and published above; the pages then show it at their next request
                LOG.error("the view of bed {} after an alarm change could not be made: {}", update.bedId(), e.toString());
            }
        }
    }
}
