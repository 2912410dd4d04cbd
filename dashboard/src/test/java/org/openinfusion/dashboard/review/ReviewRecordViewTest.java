package org.openinfusion.dashboard.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.ReviewRequest.AmendmentKind;
import org.openinfusion.station.clinical.session.AdverseEvent;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.combobox.ComboBox;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;
import org.openinfusion.station.clinical.review.SignatureMeaning;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.Role;

/** One session's record without a browser: header, summary, timeline data, waveform, sign-off, amendment, export. */
class ReviewRecordViewTest {
    private KaribuStation station;
    private FakeReviewStation review;
    private ReviewRecordView view;

    private static final ZoneId SITE_ZONE = ZoneId.of("Europe/Berlin");

    @BeforeEach
    void start() throws Exception {
        Text.zone(SITE_ZONE); // the site's zone (site.timeZone): review writes times in it, not in UTC
        station = new KaribuStation();
        review = new FakeReviewStation(station.vertx);
        station.signIn("doc", Role.PHYSICIAN);
        UI.getCurrent().navigate("review/s-1");
        view = assertInstanceOf(ReviewRecordView.class, UI.getCurrent().getCurrentView());
        KaribuStation.until(() -> text("record-subject").equals("KET-014"));
        TimelineDrawn.fire(view); // the events list and the ratings follow the drawn timeline
    }

    @AfterEach
    void stop() throws Exception {
        Text.zone(ZoneId.systemDefault());
        station.close();
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    private static void click(String id) {
        _click(_get(Button.class, s -> s.withId(id)));
    }

    @Test
    void aRecordOpensByItsShortAddressAndOneOpenedByItsSessionIdIsShownAtItsShortAddress() {
        String day = CannedRecords.CREATED.atZone(SITE_ZONE).toLocalDate().toString();
        KaribuStation.until(() -> ("KET-014-" + day).equals(view.address()));

        UI.getCurrent().navigate("review/KET-014-" + day);
        ReviewRecordView byAddress = assertInstanceOf(ReviewRecordView.class, UI.getCurrent().getCurrentView());
        KaribuStation.until(() -> text("record-subject").equals("KET-014") && ("KET-014-" + day).equals(byAddress.address()));
        assertTrue(review.requests(ReviewRequest.OpenRecord.class).stream().allMatch(o -> o.sessionId().equals("s-1")),
                "the short address opened session s-1");

        UI.getCurrent().navigate("review/KET-014-" + day + "-2");
        KaribuStation.until(() -> text("record-loading").contains("There is no record KET-014-" + day + "-2"));
        assertTrue(RecordRef.parse("608943c9-ede5-4b46-8adf-1f0084a4f827").isEmpty(), "a session id is opened as it is");
        assertEquals(new RecordRef.Parsed("KET-01-4", LocalDate.of(2026, 11, 22), 3), RecordRef.parse("KET-01-4-2026-11-22-3").orElseThrow());
    }

    @Test
    void aRecordTheStationOpensAtOnceComesWithThePagesResponseAndASlowOneWhenItIsAnswered() {
        String day = CannedRecords.CREATED.atZone(SITE_ZONE).toLocalDate().toString();
        UI.getCurrent().navigate("review");
        // no round trip in between: the record is in the response that opened the page, by session id and by short address
        UI.getCurrent().navigate("review/s-1");
        assertEquals("KET-014", text("record-subject"));
        UI.getCurrent().navigate("review");
        UI.getCurrent().navigate("review/KET-014-" + day);
        assertEquals("KET-014", text("record-subject"));

        // a station slower than the page waits for: the page comes without the record, which follows when answered
        review.recordDelay = ReviewRecordView.FIRST_RESPONSE_WAIT.plusMillis(500);
        UI.getCurrent().navigate("review");
        UI.getCurrent().navigate("review/s-1");
        assertTrue(_get(Component.class, s -> s.withId("record-loading")).isVisible(), "still loading");
        // the record's content is shown (only visible components are found) when the answer comes
        KaribuStation.until(() -> text("record-subject").equals("KET-014"));
    }

    @Test
    void theEventsListAndTheRatingsJoinThePageOnceItsTimelineIsDrawnAndARecordShownAgainKeepsThem() {
        UI.getCurrent().navigate("review");
        UI.getCurrent().navigate("review/s-1");
        ReviewRecordView opened = assertInstanceOf(ReviewRecordView.class, UI.getCurrent().getCurrentView());
        assertEquals("KET-014", text("record-subject"), "the header, summary and timeline in the page's first answer");
        assertTrue(_find(Component.class, s -> s.withId("events-grid")).isEmpty(), "no events list before the timeline is drawn");
        assertTrue(_find(Component.class, s -> s.withId("ratings")).isEmpty(), "no ratings before the timeline is drawn");

        TimelineDrawn.fire(opened);
        assertTrue(text("ratings").contains("Baseline - CADSS"), text("ratings"));
        assertEquals(CannedRecords.record().events().size(), GridKt._size(_get(Grid.class, s -> s.withId("events-grid"))));

        opened.show(CannedRecords.record()); // shown again (after a signature or an amendment): at once, no second wait
        assertEquals(CannedRecords.record().events().size(), GridKt._size(_get(Grid.class, s -> s.withId("events-grid"))));
    }

    @Test
    void showsTheHeaderAndTheSessionSummary() {
        assertTrue(text("record-fields").contains("Kit KIT-0042"), text("record-fields"));
        assertTrue(text("record-fields").contains("Weight 72.5 kg"));
        // the protocol by its file's title, never its id
        assertTrue(text("record-fields").contains("Protocol " + CannedRecords.TITLE + " (version 2)"), text("record-fields"));
        assertFalse(text("record-fields").contains("ketamine-iv-40min"), text("record-fields"));
        assertTrue(_find(Component.class, s -> s.withId("record-locked")).isEmpty(), "not locked before signing");
        assertTrue(_get(Component.class, s -> s.withId("record-needs-signature")).isVisible());
        assertEquals("128/82 mmHg at 11:55:00 CET", text("summary-bp-pre"));
        assertEquals("141/88 mmHg at 12:40:00 CET", text("summary-bp-40"));
        assertEquals("CADSS total 24 at T+40 min", text("summary-peak"));
        assertEquals("4", text("summary-sedation"));
        assertEquals("240 min", text("summary-monitored"));
        assertEquals("14:02:00 CET, 122 min from infusion start", text("summary-ready"));
        assertEquals("1 / 0 / 0", text("summary-counts"));
    }

    @Test
    void showsRatingsWithSupersededOnesStruckThroughAndItemsNotAssessed() {
        Component superseded = _get(Component.class, s -> s.withId("rating-r-1"));
        assertEquals("true", superseded.getElement().getAttribute("data-superseded"));
        assertTrue(text("rating-r-1").contains("not assessed: patient asleep"), text("rating-r-1"));
        assertTrue(_find(Button.class, s -> s.withId("see-correction-r-1")).size() == 1);
        assertEquals("false", _get(Component.class, s -> s.withId("rating-r-2")).getElement().getAttribute("data-superseded"));
        assertTrue(text("rating-r-2").contains("corrects an earlier rating; reason: item 1 misheard"));
    }

    @Test
    void theTimelineOverviewIsThinnedAndAZoomIsSentAtFullResolution() {
        JsonObject overview = new JsonObject(view.timeline().overview());
        assertTrue(overview.getBoolean("lossy"));
        assertEquals(-60.0, overview.getDouble("from"));
        // the legend's entry for the time under the pointer, in staff words ("At T+12.5 min"), never "min: --"
        assertEquals("At", overview.getString("cursor"));
        assertEquals("min", overview.getString("unit"));
        var hr = overview.getJsonArray("panels").getJsonObject(0).getJsonArray("series").getJsonObject(0);
        assertEquals("hr", hr.getString("key"));
        assertTrue(hr.getJsonArray("t").size() <= 2 * TimelineData.OVERVIEW_BUCKETS, "thinned: " + hr.getJsonArray("t").size());
        assertTrue(hr.getJsonArray("v").contains(160.0), "the spike survives thinning");
        var events = overview.getJsonArray("events");
        assertTrue(events.stream().map(e -> (JsonObject) e)
                .anyMatch(e -> e.getString("c").equals("ALARM_RAISED") && e.getBoolean("clickable") && e.getDouble("t") == 12.0));
    }

    @Test
    void aZoomInTheBrowserIsAnsweredWithTheWindowAtFullResolution() {
        pendingJs();
        var data = JacksonUtils.readTree("{\"event.detail\": {\"from\": 10, \"to\": 20}}");
        view.timeline().getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(view.timeline().getElement(), "range-change", data));

        var detail = pendingJs().stream().filter(i -> i.getExpression().contains("showDetail")).findFirst().orElseThrow();
        JsonObject window = new JsonObject(String.valueOf(detail.getParameters().getLast()));
        assertEquals(5.0, window.getDouble("from"));
        assertEquals(25.0, window.getDouble("to"));
    }

    @Test
    void aZoomIntoALongSessionsOverviewAsksTheStationForTheWindowAtFullResolution() {
        review.record = CannedRecords.overview();
        view.reload();
        // the station's overview arrived: a bucket's lowest and highest value share its start
        KaribuStation.until(() -> {
            var t = new JsonObject(view.timeline().overview()).getJsonArray("panels").getJsonObject(0).getJsonArray("series")
                    .getJsonObject(0).getJsonArray("t");
            return t.getDouble(0).equals(t.getDouble(1));
        });
        JsonObject overview = new JsonObject(view.timeline().overview());
        assertTrue(overview.getBoolean("lossy"), "buckets only: a zoom needs the station");
        assertTrue(overview.getJsonArray("panels").getJsonObject(0).getJsonArray("series").getJsonObject(0).getJsonArray("v").contains(160.0),
                "the bucket's spike");
        pendingJs();
        var data = JacksonUtils.readTree("{\"event.detail\": {\"from\": 10, \"to\": 20}}");
        view.timeline().getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(view.timeline().getElement(), "range-change", data));

        KaribuStation.until(() -> review.requests.stream().anyMatch(r -> r instanceof ReviewRequest.Trends));
        ReviewRequest.Trends asked = (ReviewRequest.Trends) review.requests.stream().filter(r -> r instanceof ReviewRequest.Trends)
                .findFirst().orElseThrow();
        // minutes 5 to 25 from the infusion start (half a window's margin either side)
        assertEquals(CannedRecords.START.plus(Duration.ofMinutes(5)), asked.from());
        assertEquals(CannedRecords.START.plus(Duration.ofMinutes(25)), asked.to());
        KaribuStation.until(() -> !view.timeline().stationDetail().isEmpty());
        JsonObject window = new JsonObject(view.timeline().stationDetail());
        assertEquals(5.0, window.getDouble("from"));
        assertEquals(25.0, window.getDouble("to"));
        var hr = window.getJsonArray("panels").getJsonObject(0).getJsonArray("series").getJsonObject(0);
        assertEquals(20 * 60, hr.getJsonArray("t").size(), "every second of the 20 minutes, as the station sent them");
    }

    /** The JavaScript calls the server would send with its next response. */
    private static List<UIInternals.JavaScriptInvocation> pendingJs() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream().map(i -> i.getInvocation()).toList();
    }

    @Test
    void eventsRatingsAndAmendmentsNameStaffByNameAndRoleNeverByAccountId() {
        @SuppressWarnings("unchecked")
        Grid<Object> events = _get(Grid.class, s -> s.withId("events-grid"));
        assertEquals("Nora Nurse (nurse)", GridKt._getFormattedRow(events, 0).getLast(), "who created the session");
        assertEquals("station", GridKt._getFormattedRow(events, 2).getLast(), "an alarm the station raised");
        assertTrue(text("ratings").contains("Nora Nurse (nurse)"), text("ratings"));
        assertTrue(view.timeline().overview().contains("by Nora Nurse (nurse)"), "the timeline's event tooltip");
        assertFalse(view.timeline().overview().contains("nurse7"), "the timeline's event tooltip");
        for (int row = 0; row < GridKt._size(events); row++) {
            assertFalse(GridKt._getFormattedRow(events, row).toString().contains("nurse7"), GridKt._getFormattedRow(events, row).toString());
        }
        assertFalse(text("ratings").contains("nurse7"), "the rater's account id");
    }

    @Test
    void clickingAnAlarmShowsTheEcgAndPlethAroundIt() {
        @SuppressWarnings("unchecked")
        Grid<Object> events = _get(Grid.class, s -> s.withId("events-grid"));
        GridKt._clickItem(events, 2, 0, false, false, false, false);

        WaveformDialog dialog = _get(WaveformDialog.class, s -> s.withId("waveform-dialog"));
        KaribuStation.until(() -> dialog.ecg().samples() == 10_000 && dialog.pleth().samples() == 10_000);
        ReviewRequest.Waveform ecg = review.requests(ReviewRequest.Waveform.class).stream().filter(w -> w.stream() == Stream.ECG_II).findFirst().orElseThrow();
        assertEquals(CannedRecords.ALARM_AT, ecg.at());
        assertEquals(Duration.ofSeconds(10), ecg.before());
        assertEquals(Duration.ofSeconds(10), ecg.after());
        assertTrue(dialog.getHeaderTitle().contains("HR high"));
    }

    @Test
    void theNextEventIsShownInTheSameDialogWithItsOwnWindow() {
        @SuppressWarnings("unchecked")
        Grid<Object> events = _get(Grid.class, s -> s.withId("events-grid"));
        GridKt._clickItem(events, 2, 0, false, false, false, false);
        WaveformDialog first = _get(WaveformDialog.class, s -> s.withId("waveform-dialog"));
        KaribuStation.until(() -> first.ecg().samples() == 10_000);
        first.close();

        GridKt._clickItem(events, 4, 0, false, false, false, false);
        WaveformDialog second = _get(WaveformDialog.class, s -> s.withId("waveform-dialog"));
        assertSame(first, second, "the dialog is shown again, not made anew");
        assertTrue(second.isOpened());
        assertTrue(second.getHeaderTitle().contains("Nausea"), second.getHeaderTitle());
        KaribuStation.until(() -> second.ecg().samples() == 10_000 && second.pleth().samples() == 10_000);
        List<ReviewRequest.Waveform> asked = review.requests(ReviewRequest.Waveform.class);
        // the page asks for every alarm's and marker's windows ahead of the clicks (WaveformPrefetchTest), each once
        assertEquals(1, asked.stream().filter(w -> w.at().equals(CannedRecords.START.plus(Duration.ofMinutes(20)))
                && w.stream() == Stream.ECG_II).count(), "the marker's window, asked once");
        assertEquals(asked.size(), asked.stream().distinct().count(), "no window asked twice");
    }

    @Test
    void theWaveformDialogDownloadsItsWindowAsEdfPlusStreamedFromTheStationsSpoolFile() throws Exception {
        @SuppressWarnings("unchecked")
        Grid<Object> events = _get(Grid.class, s -> s.withId("events-grid"));
        GridKt._clickItem(events, 2, 0, false, false, false, false);
        WaveformDialog dialog = _get(WaveformDialog.class, s -> s.withId("waveform-dialog"));

        Downloads.Received got = Downloads.fetch(dialog.edf(), dialog);

        ReviewRequest.Export asked = review.requests(ReviewRequest.Export.class).getLast();
        assertEquals(ExportFormat.EDF_PLUS, asked.format());
        assertEquals("s-1", asked.sessionId());
        assertEquals(CannedRecords.ALARM_AT.minusSeconds(10), asked.from(), "the dialog's window: 10 s each side of the alarm");
        assertEquals(CannedRecords.ALARM_AT.plusSeconds(10), asked.to());
        assertArrayEquals(FakeReviewStation.exported(asked), got.body());
        assertEquals(200, got.status());
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("fake-export-")), "the spool file is deleted once sent");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void signingSendsMeaningAndPasswordShowsTheRefusalAndThenLocksTheRecord() {
        click("sign-open");
        ((RadioButtonGroup<SignatureMeaning>) _get(RadioButtonGroup.class, s -> s.withId("sign-meaning"))).setValue(SignatureMeaning.APPROVED);
        assertTrue(text("sign-statement").contains("approve"));
        assertTrue(text("sign-signer").contains("doc"));
        _get(TextField.class, s -> s.withId("sign-user-id")).setValue("doc");
        _get(PasswordField.class, s -> s.withId("sign-password")).setValue("not-my-password");
        click("sign-submit");
        KaribuStation.until(() -> text("sign-error").equals(FakeReviewStation.WRONG_PASSWORD));
        assertInstanceOf(ReviewRecordView.class, UI.getCurrent().getCurrentView(), "a wrong password is no expired sign-in");

        _get(PasswordField.class, s -> s.withId("sign-password")).setValue(FakeReviewStation.PASSWORD);
        click("sign-submit");

        KaribuStation.until(() -> _get(Component.class, s -> s.withId("record-locked")).isVisible());
        ReviewRequest.Sign sent = review.requests(ReviewRequest.Sign.class).getLast();
        assertEquals(SignatureMeaning.APPROVED, sent.meaning());
        assertEquals("s-1", sent.sessionId());
        assertEquals(FakeReviewStation.PASSWORD, new String(sent.password()));
        assertTrue(text("record-signatures").contains("Signed: Dr Doc (physician)"), text("record-signatures"));
        assertTrue(text("record-signatures").contains("meaning: Approved"));
        assertTrue(_find(Component.class, s -> s.withId("sign-dialog")).isEmpty());
    }

    @Test
    void aWrongSigningPasswordIsCalledAWrongPasswordNotAWrongUserName() {
        assertEquals("Wrong password. Enter your own password again to sign.", SignDialog.wording(Authenticator.WRONG));
        assertEquals("Account locked.", SignDialog.wording("Account locked."));
    }

    @Test
    void aRefusalToSignIsShownAsTheStationWroteIt() {
        review.signFailure = 409;
        review.signFailureMessage = "Nothing changed since the last signature.";
        click("sign-open");
        _get(TextField.class, s -> s.withId("sign-user-id")).setValue("doc");
        _get(PasswordField.class, s -> s.withId("sign-password")).setValue(FakeReviewStation.PASSWORD);
        click("sign-submit");
        KaribuStation.until(() -> text("sign-error").equals("Nothing changed since the last signature."));
    }

    @Test
    void theFirstSignatureOfASignInAsksTheUserIdAsWellAndTheNextOnlyThePassword() {
        click("sign-open");
        TextField id = _get(TextField.class, s -> s.withId("sign-user-id"));
        assertTrue(id.isVisible(), "the first signature asks the user id");
        _get(PasswordField.class, s -> s.withId("sign-password")).setValue(FakeReviewStation.PASSWORD);
        click("sign-submit");
        assertEquals("Choose the meaning and enter your user name and password.", text("sign-error"));
        assertEquals("User name", id.getLabel(), "staff words, as on the sign-in page");
        assertTrue(review.requests(ReviewRequest.Sign.class).isEmpty(), "nothing sent without the user id");
        id.setValue("doc");
        _get(PasswordField.class, s -> s.withId("sign-password")).setValue(FakeReviewStation.PASSWORD);
        click("sign-submit");
        KaribuStation.until(() -> _find(Component.class, s -> s.withId("sign-dialog")).isEmpty());
        assertEquals("doc", review.requests(ReviewRequest.Sign.class).getLast().userId());

        click("sign-open");
        assertTrue(_find(TextField.class, s -> s.withId("sign-user-id")).isEmpty(), "a later signature asks the password only");
        _get(PasswordField.class, s -> s.withId("sign-password")).setValue(FakeReviewStation.PASSWORD);
        click("sign-submit");
        KaribuStation.until(() -> review.requests(ReviewRequest.Sign.class).size() == 2);
        assertEquals("", review.requests(ReviewRequest.Sign.class).getLast().userId());
    }

    @Test
    void anAmendmentNeedsAReasonAndIsShownAsAnAmendment() {
        click("amend-open");
        _get(TextArea.class, s -> s.withId("amend-note")).setValue("Patient reported mild nausea at 30 min.");
        click("amend-submit");
        assertEquals("An amendment needs a reason.", text("amend-error"));
        assertTrue(review.requests(ReviewRequest.Amend.class).isEmpty());

        _get(TextArea.class, s -> s.withId("amend-reason")).setValue("Late entry from the paper notes");
        click("amend-submit");

        KaribuStation.until(() -> text("record-amendments").contains("Reason: Late entry from the paper notes"));
        ReviewRequest.Amend sent = review.requests(ReviewRequest.Amend.class).getLast();
        assertEquals(AmendmentKind.NOTE, sent.kind());
        assertEquals("Patient reported mild nausea at 30 min.", sent.text());
        assertTrue(text("record-amendments").contains("Amendment (Late note) by Dr Doc (physician)"), text("record-amendments"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhysicianRecordsAnAdverseEventAfterClosingWithAReason() {
        click("amend-open");
        _get(TextArea.class, s -> s.withId("amend-reason")).setValue("Reported by telephone the next morning");
        ((RadioButtonGroup<AmendmentKind>) _get(RadioButtonGroup.class, s -> s.withId("amend-kind"))).setValue(AmendmentKind.ADVERSE_EVENT);
        _get(ComboBox.class, s -> s.withId("ae-term")).setValue("Headache");
        click("amend-submit");
        assertTrue(text("amend-error").startsWith("Still to fill in: Severity"), text("amend-error"));
        assertTrue(review.requests(ReviewRequest.Amend.class).isEmpty());
        _get(Select.class, s -> s.withId("ae-severity")).setValue(AdverseEvent.Severity.MILD);
        _get(Select.class, s -> s.withId("ae-relationship")).setValue(AdverseEvent.Relationship.POSSIBLY_RELATED);
        _get(Select.class, s -> s.withId("ae-action")).setValue(AdverseEvent.Action.NOT_APPLICABLE);
        _get(Select.class, s -> s.withId("ae-outcome")).setValue(AdverseEvent.Outcome.RECOVERED_RESOLVED);
        _get(Checkbox.class, s -> s.withId("ae-ongoing")).setValue(false);
        _get(DateTimePicker.class, s -> s.withId("ae-end")).setValue(_get(DateTimePicker.class, s -> s.withId("ae-start")).getValue().plusHours(2));
        click("amend-submit");

        KaribuStation.until(() -> !review.requests(ReviewRequest.Amend.class).isEmpty());
        ReviewRequest.Amend sent = review.requests(ReviewRequest.Amend.class).getLast();
        assertEquals(AmendmentKind.ADVERSE_EVENT, sent.kind());
        assertEquals("Reported by telephone the next morning", sent.reason());
        assertEquals("Headache", sent.adverseEvent().term());
        assertEquals(AdverseEvent.Outcome.RECOVERED_RESOLVED, sent.adverseEvent().outcome());
        assertEquals(Duration.ofHours(2), Duration.between(sent.adverseEvent().start(), sent.adverseEvent().end().orElseThrow()));
        assertEquals("AE-1", sent.adverseEvent().id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRatingCorrectionStartsFromTheRecordedAnswers() {
        click("amend-open");
        _get(TextArea.class, s -> s.withId("amend-reason")).setValue("Item 2 was scored on the wrong line");
        ((RadioButtonGroup<AmendmentKind>) _get(RadioButtonGroup.class, s -> s.withId("amend-kind"))).setValue(AmendmentKind.RATING);
        Select<RatingRecord> rating = _get(Select.class, s -> s.withId("amend-rating"));
        assertEquals(List.of("r-2", "r-3", "r-4"), rating.getListDataView().getItems().map(RatingRecord::ratingId).toList(),
                "superseded ratings cannot be corrected again");
        assertTrue(rating.getItemLabelGenerator().apply(rating.getListDataView().getItems()
                .filter(r -> r.ratingId().equals("r-4")).findFirst().orElseThrow()).startsWith("T+40 min - VAS, "), "time points in staff words");
        rating.setValue(rating.getListDataView().getItems().filter(r -> r.ratingId().equals("r-3")).findFirst().orElseThrow());
        IntegerField item2 = _get(IntegerField.class, s -> s.withId("correct-cadss2"));
        assertEquals(1, item2.getValue());
        item2.setValue(3);
        _get(Checkbox.class, s -> s.withId("correct-na-cadss5")).setValue(true);
        click("amend-submit");
        assertTrue(text("amend-error").contains("give the reason it was not assessed"));
        _get(TextField.class, s -> s.withId("correct-reason-cadss5")).setValue("asleep");
        click("amend-submit");

        KaribuStation.until(() -> !review.requests(ReviewRequest.Amend.class).isEmpty());
        ReviewRequest.Amend sent = review.requests(ReviewRequest.Amend.class).getLast();
        assertEquals(AmendmentKind.RATING, sent.kind());
        assertEquals("r-3", sent.ratingId());
        Map<String, Object> answers = sent.answers();
        assertEquals(3, answers.get("cadss2"));
        assertEquals("not assessed: asleep", answers.get("cadss5"));
        assertEquals(1, answers.get("cadss1"));
        assertEquals(23, answers.size());
    }

    @Test
    void theExportListNamesEveryFormatInStaffWordsNeverItsKeyOrFileName() {
        Map<String, String> shown = new HashMap<>();
        exportLinks().forEach(a -> shown.put(a.getId().orElseThrow(), a.getText()));
        assertEquals(ExportFormat.values().length, shown.size(), "one entry per format: " + shown);
        for (ExportFormat f : ExportFormat.values()) {
            String words = shown.get("export-" + f.key());
            assertEquals(Text.get("export." + f.key()), words, f.key());
            assertFalse(words.contains(f.key()) || words.contains(f.fileSuffix()), f.key() + " shown as " + words);
        }
        assertEquals("SDTM SUPPCM who gave and ordered each medication (CSV)", shown.get("export-sdtm-suppcm"));
        assertEquals("REDCap events (CSV)", shown.get("export-redcap-events"));
    }

    @Test
    void theExportListIsAPlainGroupedListOfLinksSdtmTogetherAndWaveformsLast() {
        ExportMenu menu = _get(ExportMenu.class, s -> s.withId("record-export"));
        // no menu bar (its menu roles were axe's two critical findings): a disclosure with lists of links
        assertTrue(_find(MenuBar.class).isEmpty(), "no Vaadin menu bar on the record page");
        assertEquals("details", menu.getElement().getTag());
        List<String> headings = _find(H3.class).stream().filter(h -> h.getId().orElse("").startsWith("record-export-group-"))
                .map(H3::getText).toList();
        assertEquals(List.of("Summaries and audit trail", "CDISC SDTM", "REDCap", "HL7 FHIR", "Waveforms"), headings);
        List<String> order = exportLinks().stream().map(a -> a.getId().orElseThrow().substring("export-".length())).toList();
        int firstSdtm = order.indexOf("sdtm-dm");
        int lastSdtm = order.indexOf("sdtm-xpt");
        assertTrue(firstSdtm > order.indexOf("ratings-csv") && firstSdtm > order.indexOf("audit-csv"), "summaries first: " + order);
        assertTrue(order.subList(firstSdtm, lastSdtm + 1).stream().allMatch(k -> k.startsWith("sdtm-")), "SDTM together: " + order);
        assertTrue(order.indexOf("sdtm-suppcm") < lastSdtm && order.indexOf("sdtm-suppcm") > order.indexOf("sdtm-cm"), order.toString());
        assertEquals(order.indexOf("sdtm-vs") + 1, order.indexOf("sdtm-suppvs"), "SUPPVS beside VS: " + order);
        assertTrue(order.indexOf("redcap-dictionary") > lastSdtm && order.indexOf("fhir-json") > order.indexOf("redcap-repeating"), order.toString());
        assertEquals("edf-plus", order.getLast(), "the waveform file last");
    }

    @Test
    void followingAnExportRowSaysItIsPreparingAndMarksTheRowBusyUntilSent() throws Exception {
        ExportMenu menu = _get(ExportMenu.class, s -> s.withId("record-export"));
        Anchor link = _get(Anchor.class, s -> s.withId("export-sdtm-suppcm"));
        link.getElement().getNode().getFeature(ElementListenerMap.class).fireEvent(new DomEvent(link.getElement(), "click", JacksonUtils.createObjectNode()));
        assertTrue(menu.busy(ExportFormat.SDTM_SUPPCM));
        assertEquals("true", link.getParent().orElseThrow().getElement().getAttribute("aria-busy"));
        assertEquals("Preparing SDTM SUPPCM who gave and ordered each medication (CSV) ...",
                _get(Notification.class).getElement().getProperty("text", ""));

        Downloads.fetch(menu.download(ExportFormat.SDTM_SUPPCM), menu);
        KaribuStation.until(() -> !menu.busy(ExportFormat.SDTM_SUPPCM));
        assertEquals(null, link.getParent().orElseThrow().getElement().getAttribute("aria-busy"));
    }

    private static List<Anchor> exportLinks() {
        ExportMenu menu = _get(ExportMenu.class, s -> s.withId("record-export"));
        return menu.getContent().getElement().getChildren().flatMap(section -> section.getChildren())
                .flatMap(list -> list.getChildren()).flatMap(item -> item.getChildren())
                .map(e -> e.getComponent().orElseThrow()).filter(c -> c instanceof Anchor).map(c -> (Anchor) c).toList();
    }

    @Test
    void ratingsShowTimePointsInStaffWordsAndAVasItsValuesNeverIdsOrNoTotal() {
        String ratings = text("ratings");
        assertTrue(ratings.contains("Baseline - CADSS") && ratings.contains("T+40 min - CADSS"), ratings);
        assertFalse(ratings.contains("t40"), ratings);
        assertTrue(text("rating-r-4").contains("T+40 min - VAS") && text("rating-r-4").contains("High 42 mm, Nausea 10 mm, Craving 0 mm"),
                text("rating-r-4"));
        assertFalse(ratings.contains("no total"), ratings);
    }

    @Test
    void everyExportFormatDownloadsTheFileTheStationWrote() throws Exception {
        ExportMenu menu = _get(ExportMenu.class, s -> s.withId("record-export"));
        for (ExportFormat f : ExportFormat.values()) {
            Downloads.Received got = Downloads.fetch(menu.download(f), menu);
            ReviewRequest.Export asked = review.requests(ReviewRequest.Export.class).getLast();
            assertEquals("s-1", asked.sessionId());
            assertEquals(f, asked.format());
            assertArrayEquals(FakeReviewStation.exported(asked), got.body(), f.key());
            assertTrue(got.headers().get("Content-Disposition").contains("s-1-" + f.fileSuffix()), got.headers().toString());
        }
    }
}
