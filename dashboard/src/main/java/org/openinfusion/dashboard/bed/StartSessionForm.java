package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.OptionalInt;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;

/**
 * Starts a session: protocol, subject code (a study code, never a name), the participant's age in whole years (never a
 * birth date; the protocol's pre-dose gate reads it), weight and kit id.
 */
final class StartSessionForm extends Div {
    private static final int MIN_AGE = 1;
    private static final int MAX_AGE = 120;
    private final Actions actions;
    final Select<ProtocolChoices.Choice> protocol = new Select<>();
    final TextField subject = new TextField(Text.get("start.subject"));
    final IntegerField age = new IntegerField(Text.get("start.age"));
    final NumberField weight = new NumberField(Text.get("start.weight"));
    final TextField kit = new TextField(Text.get("start.kit"));

    StartSessionForm(Actions actions) {
        this.actions = actions;
        addClassName("start-session");
        setId("start-session");
        protocol.setLabel(Text.get("start.protocol"));
        protocol.setId("start-protocol");
        protocol.setItemLabelGenerator(c -> Text.get("start.protocolChoice", c.label(), c.version()));
        subject.setId("start-subject");
        subject.setPlaceholder("e.g. KET-014");
        subject.setHelperText(Text.get("start.subjectHelp"));
        subject.setPattern("[A-Z0-9-]{2,20}");
        age.setId("start-age");
        age.setMin(MIN_AGE);
        age.setMax(MAX_AGE);
        age.setHelperText(Text.get("start.ageHelp"));
        age.setErrorMessage(Text.get("start.ageError"));
        age.setSuffixComponent(new Span(Text.get("start.ageUnit")));
        weight.setId("start-weight");
        weight.setMin(20);
        weight.setMax(300);
        weight.setStep(0.1);
        weight.setErrorMessage(Text.get("start.weightError"));
        weight.setSuffixComponent(new Span("kg"));
        kit.setId("start-kit");
        kit.setErrorMessage(Text.get("start.kitError"));
        kit.setHelperText(Text.get("start.kitHelp"));
        subject.setErrorMessage(Text.get("start.subjectError"));
        Button start = new Button(Text.get("start.button"), e -> start());
        start.setId("start-button");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(Text.get("start.title")), protocol, subject, age, weight, kit, start);
    }

    void protocols(ProtocolChoices choices) {
        protocol.setItems(choices.protocols());
        if (!choices.protocols().isEmpty() && protocol.isEmpty()) {
            protocol.setValue(choices.protocols().getFirst());
        }
    }

    /** What is wrong with the form, in words, or empty. Letters in the weight field leave it invalid and empty. */
    String problem() {
        if (protocol.isEmpty()) {
            return Text.get("start.noProtocol");
        }
        // the station's rules for a subject code and a kit (SubjectCode, SessionEvent.Created), said in staff words
        // before the station would refuse them in its own ("kit id must be 1-32 letters, digits or dashes")
        String code = subject.getValue().strip().toUpperCase(Locale.ROOT);
        subject.setInvalid(false);
        kit.setInvalid(false);
        if (!code.matches("[A-Z0-9-]{2,20}") || !code.matches(".*\\d.*")) {
            subject.setInvalid(true);
            return Text.get("start.subjectError");
        }
        if (age.isInvalid() || age.isEmpty() || age.getValue() < MIN_AGE || age.getValue() > MAX_AGE) {
            age.setInvalid(true);
            return Text.get("start.ageError");
        }
        if (weight.isInvalid() || weight.isEmpty() || weight.getValue() < weight.getMin() || weight.getValue() > weight.getMax()) {
            weight.setInvalid(true);
            return Text.get("start.weightError");
        }
        if (!kit.getValue().strip().matches("[A-Za-z0-9-]{1,32}")) {
            kit.setInvalid(true);
            return Text.get("start.kitError");
        }
        return "";
    }

    private void start() {
        String problem = problem();
        if (!problem.isEmpty()) {
            actions.refuse(problem);
            return;
        }
        actions.send(new SessionCommand.CreateSession(actions.user(), actions.bed(), protocol.getValue().id(),
                subject.getValue().strip().toUpperCase(Locale.ROOT), weight.getValue(), kit.getValue().strip(),
                OptionalInt.of(age.getValue())));
    }
}
