package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Shows the station's refusal as it is (id {@code refusal}); under the UI lock. */
final class Refusals {
    private Refusals() {
    }

    static void show(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("refusal");
    }
}
