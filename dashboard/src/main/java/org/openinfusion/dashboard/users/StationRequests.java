package org.openinfusion.dashboard.users;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.station.security.BusGuard;

/**
 * Requests from a page to the station on behalf of the signed-in user: the sign-in token goes with each request,
 * the answer comes back under the UI lock. When the station says the sign-in has expired, the page goes to the
 * sign-in page; any other refusal reaches {@code failed} with the station's message.
 */
public final class StationRequests {
    private final Vertx vertx;
    private final UI ui;
    private final String token;

    /** Construct under the UI lock (e.g. in a view's constructor or onAttach): it takes the signed-in user's token. */
    public StationRequests(Vertx vertx, UI ui) {
        this.vertx = vertx;
        this.ui = ui;
        this.token = CurrentUser.get().map(u -> u.token()).orElse(null);
    }

    /** Sends {@code body} to {@code address}; any thread. */
    public <T> void request(String address, Object body, Consumer<T> done, Consumer<String> failed) {
        deliver(send(address, body), done, failed);
    }

    /** The raw reply future, for callers that need to recover from particular failures; any thread. */
    public <T> Future<T> send(String address, Object body) {
        return this.<T>ask(address, body, CurrentUser.TIMEOUT_MILLIS).map(m -> m.body());
    }

    /**
     * The reply message itself, waited for up to {@code timeoutMillis} instead of the ordinary
     * {@link CurrentUser#TIMEOUT_MILLIS}: for a request that takes long by nature (an export) and whose answer the
     * caller acknowledges; any thread.
     */
    public <T> Future<Message<T>> ask(String address, Object body, long timeoutMillis) {
        if (token == null) {
            return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, BusGuard.SIGNED_OUT, "Not signed in."));
        }
        DeliveryOptions options = BusGuard.options(token, timeoutMillis);
        return vertx.eventBus().request(address, body, options);
    }

    /** Hands the outcome to the UI thread; an expired sign-in sends the page to the sign-in page. */
    public <T> void deliver(Future<T> f, Consumer<T> done, Consumer<String> failed) {
        f.onComplete(ar -> {
            try {
                ui.access(() -> {
                    if (ar.succeeded()) {
                        done.accept(ar.result());
                    } else if (ar.cause() instanceof ReplyException r && r.failureCode() == BusGuard.SIGNED_OUT) {
                        ui.navigate(Routes.LOGIN);
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
