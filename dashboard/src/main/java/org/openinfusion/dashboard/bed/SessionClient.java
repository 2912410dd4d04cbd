package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.util.Optional;
import java.util.function.Consumer;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionCommandHandler;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.ViewRequest;

/**
 * The dashboard's only way to the sessions: requests on the event bus, answered by the station's session worker.
 * Replies come back on a Vert.x thread and are handed to the UI with {@code ui.access}.
 */
final class SessionClient {
    private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(10_000);
    private final Vertx vertx;
    private final UI ui;

    SessionClient(Vertx vertx, UI ui) {
        this.vertx = vertx;
        this.ui = ui;
    }

    /** Sends a command; {@code done} or {@code failed} (with the station's message) then run under the UI lock. */
    void send(SessionCommand c, Consumer<CommandReply> done, Consumer<String> failed) {
        deliver(vertx.eventBus().<CommandReply>request(Addresses.SESSION_COMMAND, c, TIMEOUT).map(m -> m.body()), done, failed);
    }

    /** The bed's session view, or empty when no session is open there. */
    void view(String bed, Consumer<Optional<SessionView>> done, Consumer<String> failed) {
        Future<Optional<SessionView>> f = vertx.eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(bed), TIMEOUT)
                .map(m -> Optional.of(m.body()))
                .recover(e -> e instanceof ReplyException r && r.failureCode() == SessionCommandHandler.NO_SESSION
                        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
        deliver(f, done, failed);
    }

    void protocols(Consumer<ProtocolChoices> done, Consumer<String> failed) {
        deliver(vertx.eventBus().<ProtocolChoices>request(Addresses.SESSION_PROTOCOLS, "", TIMEOUT).map(m -> m.body()), done, failed);
    }

    private <T> void deliver(Future<T> f, Consumer<T> done, Consumer<String> failed) {
        f.onComplete(ar -> {
            try {
                ui.access(() -> {
                    if (ar.succeeded()) {
                        done.accept(ar.result());
                    } else {
                        failed.accept(ar.cause().getMessage());
                    }
                });
            } catch (UIDetachedException closed) {
                // the page was closed meanwhile: nothing to show
            }
        });
    }
}
