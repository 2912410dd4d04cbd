package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;

/** Starts a session: protocol, subject code (a study code, never a name), weight and kit id. */
final class StartSessionForm extends Div {
    private final Actions actions;
    final Select<ProtocolChoices.Choice> protocol = new Select<>();
    final TextField subject = new TextField("Subject code");
    final NumberField weight = new NumberField("Weight kg");
    final TextField kit = new TextField("Kit id");

    StartSessionForm(Actions actions) {
        this.actions = actions;
        addClassName("start-session");
        setId("start-session");
        protocol.setLabel("Protocol");
        protocol.setId("start-protocol");
        protocol.setItemLabelGenerator(c -> c.label() + " (" + c.id() + " v" + c.version() + ")");
        subject.setId("start-subject");
        subject.setPlaceholder("e.g. KET-014");
        subject.setHelperText("Study code only, never a name");
        subject.setPattern("[A-Z0-9-]{2,20}");
        weight.setId("start-weight");
        weight.setMin(20);
        weight.setMax(300);
        kit.setId("start-kit");
        Button start = new Button("Start session", e -> start());
        start.setId("start-button");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("No session on this bed"), protocol, subject, weight, kit, start);
    }

    void protocols(ProtocolChoices choices) {
        protocol.setItems(choices.protocols());
        if (!choices.protocols().isEmpty() && protocol.isEmpty()) {
            protocol.setValue(choices.protocols().getFirst());
        }
    }

    private void start() {
        if (protocol.isEmpty() || weight.isEmpty()) {
            actions.refuse("Choose a protocol and give the weight in kg.");
            return;
        }
        actions.send(new SessionCommand.CreateSession(actions.user(), actions.bed(), protocol.getValue().id(),
                subject.getValue().strip().toUpperCase(Locale.ROOT), weight.getValue(), kit.getValue().strip()));
    }
}
