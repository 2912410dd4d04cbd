package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Locale;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;

/**
 * The station refused to confirm the infusion start but would take it with a reason (pretreatment lead not reached,
 * no pre-dose blood pressure, blood pressure above the protocol's gate): shows why and asks for the reason, which the
 * station records with the start.
 */
final class StartOverride extends Dialog {
    /** Whether the station's refusal is one a reason overrides (it says so). */
    static boolean offered(String refusal) {
        return refusal != null && refusal.toLowerCase(Locale.ROOT).contains("reason");
    }

    StartOverride(String refusal, Consumer<String> go) {
        setId("start-override-dialog");
        setCloseOnOutsideClick(false);
        setHeaderTitle(Text.get("start.override.title"));
        Paragraph why = new Paragraph(refusal);
        why.setId("start-override-why");
        TextField reason = new TextField(Text.get("start.override.reason"));
        reason.setId("start-override-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button(Text.get("start.override.confirm"), e -> {
            close();
            go.accept(reason.getValue().strip());
        });
        confirm.setId("start-override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button cancel = new Button(Text.get("confirm.cancel"), e -> close());
        cancel.setId("start-override-cancel");
        add(why, reason);
        getFooter().add(cancel, confirm);
    }
}
