package org.openinfusion.dashboard.rating;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * Server side of {@code <vas-line>} (js/vas-line.js, loaded by the bed view and the patient tablet): a 100 mm visual analogue line answered by
 * touch or keyboard.
 */
@Tag("vas-line")
public final class VasLine extends Component {
    public VasLine(String label, OptionalInt value, IntConsumer changed, Runnable committed) {
        setId("vas-line");
        getElement().setAttribute("aria-label", label);
        value.ifPresent(v -> getElement().setAttribute("value", String.valueOf(v)));
        getElement().addEventListener("vas-change", e -> changed.accept(e.getEventData().get("event.detail.value").asInt()))
                .addEventData("event.detail.value");
        getElement().addEventListener("vas-commit", e -> committed.run());
    }
}
