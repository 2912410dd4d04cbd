package org.openinfusion.dashboard.feed;

import com.vaadin.flow.component.UI;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.util.Optional;
import java.util.function.Consumer;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.api.UnblindRequest;
import org.openinfusion.station.clinical.api.UnblindedArm;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.clinical.service.SessionCommandHandler;

/**
 * The dashboard's only way to the sessions: requests on the event bus, answered by the station's session worker
 * after it checked the signed-in user's role. Replies are handed to the UI with {@code ui.access}.
 */
public final class SessionClient {
    private final StationRequests station;

    public SessionClient(Vertx vertx, UI ui) {
        this.station = new StationRequests(vertx, ui);
    }

    /** Sends a command; {@code done} or {@code failed} (with the station's message) then run under the UI lock. */
    public void send(SessionCommand c, Consumer<CommandReply> done, Consumer<String> failed) {
        station.request(Addresses.SESSION_COMMAND, c, done, failed);
    }

    /** The bed's session view, or empty when no session is open there. */
    public void view(String bed, Consumer<Optional<SessionView>> done, Consumer<String> failed) {
        Future<Optional<SessionView>> f = station.<SessionView>send(Addresses.SESSION_VIEW, new ViewRequest(bed))
                .map(Optional::of)
                .recover(e -> e instanceof ReplyException r && r.failureCode() == SessionCommandHandler.NO_SESSION
                        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
        station.deliver(f, done, failed);
    }

    /** Hands a due form to the patient tablet; {@code done} gets the one-time code. */
    public void handOver(TabletRequest.HandOver h, Consumer<TabletRequest.Code> done, Consumer<String> failed) {
        station.request(Addresses.TABLET_HANDOVER, h, done, failed);
    }

    /** Emergency unblinding (authorised roles, with a reason and an e-signature); {@code done} gets the arm for this screen only. */
    public void unblind(UnblindRequest u, Consumer<UnblindedArm> done, Consumer<String> failed) {
        station.request(Addresses.SESSION_UNBLIND, u, done, failed);
    }

    public void protocols(Consumer<ProtocolChoices> done, Consumer<String> failed) {
        station.request(Addresses.SESSION_PROTOCOLS, "", done, failed);
    }
}
