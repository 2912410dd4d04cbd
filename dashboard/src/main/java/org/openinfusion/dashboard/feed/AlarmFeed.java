package org.openinfusion.dashboard.feed;

import com.vaadin.flow.component.UI;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.SessionView;

/**
 * A page's stream of alarm changes: the session view the station publishes whenever a bed's alarms change (raised,
 * escalated, acknowledged, silenced, cleared), handed to the page under its lock as it arrives, so the banner and the
 * overview's card change at once instead of at the page's next request for the view. Opened when the page is attached,
 * closed when it is detached (which also happens when its browser session ends: sign-out or idle timeout), and closed
 * with nothing shown when a change arrives after the sign-in it was opened under has ended in this browser session. A
 * sign-in the station ended sends the page to sign-in at its next request (which detaches it).
 */
public final class AlarmFeed implements AutoCloseable {
    private final MessageConsumer<SessionView> consumer;

    /** Views of the beds {@code wanted} accepts, to {@code show} under {@code ui}'s lock. Construct under the UI lock. */
    public AlarmFeed(UI ui, Predicate<String> wanted, Consumer<SessionView> show) {
        Vertx vertx = DashboardServices.get().vertx();
        String token = CurrentUser.require().token();
        consumer = vertx.eventBus().localConsumer(Addresses.SESSION_ALARMS, m -> {
            if (wanted.test(m.body().bedId())) {
                Push.access(ui, () -> {
                    if (CurrentUser.get().map(StationUser::token).filter(token::equals).isPresent()) {
                        show.accept(m.body());
                    } else {
                        close();
                    }
                });
            }
        });
    }

    /** Whether alarm changes still reach the page. */
    public boolean isOpen() {
        return consumer.isRegistered();
    }

    @Override
    public void close() {
        consumer.unregister();
    }
}
