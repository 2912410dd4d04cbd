package org.openinfusion.dashboard.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.openinfusion.station.clinical.protocol.AeTerm;
import org.openinfusion.station.clinical.review.ReviewRequest.AmendmentKind;
import com.vaadin.flow.component.grid.Grid;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.SessionEntries;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.SessionRecords;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.TrailSamples;

/**
 * The review record of a session holding every kind of event the timeline can show (TrailSamples), built by the
 * station's own SessionRecords and shown on the page: no row of the events list and no tooltip of the timeline shows a
 * snake_case key, an ALL_CAPS code, an ISO timestamp or the protocol's id.
 */
class ReviewTimelineWordingTest {
    private static final Pattern ID = Pattern.compile("\\b[a-z0-9]+_[a-z0-9_]+\\b|\\b[A-Z0-9]+_[A-Z0-9_]+\\b|\\b[A-Z]{2,}:[A-Za-z0-9_:]+");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private KaribuStation station;
    private FakeReviewStation review;
    private SessionRecord record;

    @BeforeEach
    void start() throws Exception {
        Text.zone(ZoneId.of("Europe/Berlin"));
        station = new KaribuStation();
        review = new FakeReviewStation(station.vertx);
        record = new SessionRecords(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn())
                .build(new SessionEntries(TrailSamples.history(TrailSamples.everyTimelineKind())), List.of(), null);
        review.record = record;
        station.signIn("doc", Role.PHYSICIAN);
        UI.getCurrent().navigate("review/" + record.listing().sessionId());
        ReviewRecordView view = (ReviewRecordView) UI.getCurrent().getCurrentView();
        KaribuStation.until(() -> view.windows() != null); // the record shown
        TimelineDrawn.fire(view); // the events list follows the drawn timeline
        KaribuStation.until(() -> GridKt._size(events()) == record.events().size());
    }

    @AfterEach
    void stop() throws Exception {
        Text.zone(ZoneId.systemDefault());
        station.close();
    }

    @SuppressWarnings("unchecked")
    private static Grid<SessionRecord.TimelineEvent> events() {
        return _get(Grid.class, s -> s.withId("events-grid"));
    }

    @Test
    void noEventRowOrTooltipShowsAnIdACodeOrAnIsoTime() {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < GridKt._size(events()); i++) {
            shown.add(String.join(" | ", GridKt._getFormattedRow(events(), i)));
        }
        JsonArray drawn = new JsonObject(((ReviewRecordView) UI.getCurrent().getCurrentView()).timeline().overview()).getJsonArray("events");
        for (int i = 0; i < drawn.size(); i++) {
            shown.add(drawn.getJsonObject(i).getString("label"));
        }
        assertTrue(shown.size() > record.events().size(), "rows and tooltips read");
        List<String> found = shown.stream().filter(s -> ID.matcher(s).find() || ISO.matcher(s).find()
                || s.contains("ketamine-naltrexone-crossover")).toList();
        assertEquals(List.of(), found);
    }

    @Test
    void vitalsReadInStaffWordsWithUnitsAndTheSitesClockTime() {
        String vitals = rowContaining("Pre-dose vitals");
        // TrailSamples.AT is 09:00:00Z: the readings at 08:59:30Z and 08:55:00Z, in Berlin (CET) one hour later
        assertTrue(vitals.contains("Heart rate 72 /min at 09:59:30 CET, Systolic BP 127 mmHg at 09:55:00 CET"), vitals);
        String rating = rowContaining("Rating: CADSS at T+40 min");
        assertTrue(rating.contains("(total 0 (range 0-92))"), rating);
        assertTrue(rowContaining("Session created").contains("Ketamine 0.5 mg/kg IV over 40 min"), rowContaining("Session created"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdverseEventAddedInReviewOffersTheSessionProtocolsTermsWithTheirSources() {
        _click(_get(Button.class, s -> s.withId("amend-open")));
        ((RadioButtonGroup<AmendmentKind>) _get(RadioButtonGroup.class, s -> s.withId("amend-kind"))).setValue(AmendmentKind.ADVERSE_EVENT);
        List<String> offered = ((ComboBox<String>) _get(ComboBox.class, s -> s.withId("ae-term"))).getListDataView().getItems().toList();
        List<String> expected = record.adverseEventTerms().stream().map(AeTerm::term).toList();
        assertEquals(List.of("Emergence reaction", "Hypertension", "Dissociation", "Sedation", "Respiratory event", "Mania"), expected);
        assertEquals(expected, offered.subList(0, expected.size()), "the protocol's terms first: " + offered);
        assertTrue(offered.contains("Oxygen saturation decreased"), "and the station's proposal terms: " + offered);
        String sources = _get(Details.class, s -> s.withId("ae-term-sources")).getElement().getTextRecursively();
        assertTrue(sources.contains("Mania: Mansoori 2025"), sources);
    }

    private String rowContaining(String text) {
        for (int i = 0; i < GridKt._size(events()); i++) {
            String row = String.join(" | ", GridKt._getFormattedRow(events(), i));
            if (row.contains(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }
}
