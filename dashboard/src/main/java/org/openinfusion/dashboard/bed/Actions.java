package org.openinfusion.dashboard.bed;

import java.util.function.Consumer;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;

/** What the bed view's panels ask for: who is signed in, which bed, and a way to send commands. */
interface Actions {
    String user();

    String bed();

    /** Sends the command; the view refreshes on the reply and shows a refusal as a notification. */
    void send(SessionCommand command);

    /** Sends the command; the view refreshes on the reply, and a refusal goes to {@code refused} instead. */
    void send(SessionCommand command, Consumer<String> refused);

    /** Asks the station for the bed's session now, shows it, then hands it to {@code then} (not called when there is none). */
    void fresh(Consumer<SessionView> then);

    /** Shows why something cannot be done (e.g. a missing field). */
    void refuse(String message);
}
