package org.openinfusion.dashboard.tablet;

import com.vaadin.flow.component.UI;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.openinfusion.dashboard.feed.Push;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;

/**
 * The tablet page's requests to the station: with the tablet's own token (never a staff sign-in held by the page), or
 * with a staff sign-in made for one request and closed at once (unlock, take back). Answers come back under the UI lock.
 */
final class TabletClient {
    private final Vertx vertx;
    private final UI ui;

    TabletClient(Vertx vertx, UI ui) {
        this.vertx = vertx;
        this.ui = ui;
    }

    /** Sends {@code body}; {@code token} null for a request that carries its own credential (a one-time code). */
    <T> void request(String address, Object body, String token, Consumer<T> done, Consumer<String> failed) {
        deliver(send(address, body, token), done, failed);
    }

    private <T> Future<T> send(String address, Object body, String token) {
        DeliveryOptions o = token == null ? new DeliveryOptions().setSendTimeout(CurrentUser.TIMEOUT_MILLIS)
                : BusGuard.options(token, CurrentUser.TIMEOUT_MILLIS);
        return vertx.eventBus().<T>request(address, body, o).map(m -> m.body());
    }

    /**
     * Signs the member of staff in for one request: {@code then} gets the staff token and user id and returns the
     * request's future; the sign-in is closed when it completes, whatever the outcome.
     */
    <T> void asStaff(String user, char[] password, BiFunction<String, String, Future<T>> then, Consumer<T> done,
                     Consumer<String> failed) {
        String address = ui.getSession() == null ? null : ui.getSession().getBrowser().getAddress();
        Future<T> f = vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN,
                        new AuthMessages.SignInRequest(user, password, address), new DeliveryOptions().setSendTimeout(CurrentUser.TIMEOUT_MILLIS))
                .map(m -> m.body())
                .compose(s -> then.apply(s.token(), s.principal().userId())
                        .andThen(ar -> SignOutButton.signOutAtStation(s.token(), "patient tablet: one request done")));
        deliver(f, done, failed);
    }

    <T> Future<T> sendAs(String address, Object body, String token) {
        return send(address, body, token);
    }

    private <T> void deliver(Future<T> f, Consumer<T> done, Consumer<String> failed) {
        f.onComplete(ar -> Push.access(ui, () -> {
            if (ar.succeeded()) {
                done.accept(ar.result());
            } else {
                failed.accept(ar.cause().getMessage());
            }
        }));
    }
}
