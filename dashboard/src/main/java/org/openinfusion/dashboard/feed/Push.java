package org.openinfusion.dashboard.feed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

/** Server push from a timer or bus thread into a page. */
public final class Push {
    private Push() {
    }

    /** Runs {@code r} under the page's lock; nothing when the page has gone (its timers are being cancelled). */
    public static void access(UI ui, Runnable r) {
        try {
            ui.access(r::run);
        } catch (UIDetachedException closed) {
            // the page is gone
        }
    }
}
