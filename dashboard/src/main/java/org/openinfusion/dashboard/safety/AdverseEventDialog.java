package org.openinfusion.dashboard.safety;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.protocol.AeTerm;
import org.openinfusion.station.clinical.session.AdverseEvent;

/**
 * A dialog over the bed view (which therefore never scrolls) to record a new adverse event, confirm a station proposal
 * or update one already recorded. The station's refusal shows in the dialog, which stays open.
 */
public final class AdverseEventDialog extends Dialog {
    private final AdverseEventForm form;
    private final Span error = new Span();

    /**
     * @param save sends the adverse event; on a refusal it calls the given consumer with the station's words
     */
    public AdverseEventDialog(String title, String id, Optional<String> fromAlarm, BiConsumer<AdverseEvent, Consumer<String>> save) {
        this(title, id, fromAlarm, List.of(), save);
    }

    /**
     * @param expected the protocol's expected adverse event terms (offered first, their sources folded below the term)
     * @param save sends the adverse event; on a refusal it calls the given consumer with the station's words
     */
    public AdverseEventDialog(String title, String id, Optional<String> fromAlarm, List<AeTerm> expected,
                              BiConsumer<AdverseEvent, Consumer<String>> save) {
        form = new AdverseEventForm(expected);
        setId("ae-dialog");
        setHeaderTitle(title);
        setWidth("min(640px, 95vw)");
        setCloseOnOutsideClick(false);
        error.setId("ae-error");
        error.addClassName("dialog-error");
        add(form, error);
        Button cancel = new Button(Text.get("confirm.cancel"), e -> close());
        cancel.setId("ae-cancel");
        Button ok = new Button(Text.get("ae.save"), e -> {
            try {
                save.accept(form.read(id, fromAlarm), error::setText);
            } catch (IllegalArgumentException problem) {
                error.setText(problem.getMessage());
            }
        });
        ok.setId("ae-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, ok);
    }

    public AdverseEventForm form() {
        return form;
    }

    public String error() {
        return error.getText();
    }
}
