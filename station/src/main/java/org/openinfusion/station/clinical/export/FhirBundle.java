package org.openinfusion.station.clinical.export;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Scoring;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.Stream;

/**
 * One session as an HL7 FHIR R4 Bundle (type collection), written with HAPI FHIR's R4 model and JSON parser. What it
 * holds and where each fact's source is: docs/exports.md ("fhir-json"). In short: a pseudonymous Patient (the study's
 * subject code as its only identifier), the session as an Encounter, the bed's devices and the staff as Device and
 * Practitioner (user id only), a vital-sign Observation per stored value (LOINC and IEEE 11073 codes, UCUM units, the
 * device as its source), a Questionnaire per instrument used and a QuestionnaireResponse per rating in effect (the rater
 * as author), the study infusion and medications given as MedicationAdministration (blinded: the protocol's label, never
 * the arm), and the adverse events SDTM AE lists. Full URLs are name-based UUIDs of the session and the fact, so the
 * same trail always gives the same bundle.
 */
final class FhirBundle {
    static final String SUBJECT_SYSTEM = "urn:openinfusion:subject-code";
    static final String SESSION_SYSTEM = "urn:openinfusion:session";
    static final String DEVICE_SYSTEM = "urn:openinfusion:device";
    static final String USER_SYSTEM = "urn:openinfusion:user";
    static final String QUESTIONNAIRE_BASE = "urn:openinfusion:instrument:";
    static final String LOINC = "http://loinc.org";
    static final String MDC = "urn:iso:std:iso:11073:10101";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String SNOMED = "http://snomed.info/sct";
    private static final FhirContext R4 = FhirContext.forR4Cached();

    /** LOINC code and display per vital-sign stream (blood pressure is one panel of three components). */
    static final Map<Stream, Coding> LOINC_CODES = loinc();
    static final Set<Stream> VITALS = EnumSet.of(Stream.HR, Stream.PULSE_RATE, Stream.SPO2, Stream.RESP_RATE, Stream.ETCO2,
            Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN);
    private static final Set<Stream> CUFF = EnumSet.of(Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN);

    private final SessionTrail session;
    private final String namespace;
    private final Bundle bundle = new Bundle();
    private final Map<String, Reference> devices = new LinkedHashMap<>();
    private final Map<String, Reference> staff = new LinkedHashMap<>();
    private Reference patient;
    private Reference encounter;
    private Reference infusion;

    private FhirBundle(SessionTrail session) {
        this.session = session;
        this.namespace = "openinfusion:" + session.id() + ":";
    }

    static FhirContext context() {
        return R4;
    }

    /**
     * @param series the store the vitals are read from (the session's window, device times)
     * @throws IllegalArgumentException when the catalog lacks the session's protocol
     */
    static String write(SessionTrail session, TimeSeriesReader series, InstrumentCatalog instruments, ProtocolCatalog protocols,
                        Instant now) {
        FhirBundle b = new FhirBundle(session);
        b.bundle.setType(Bundle.BundleType.COLLECTION);
        b.bundle.setIdentifier(new Identifier().setSystem(SESSION_SYSTEM).setValue(session.id()));
        b.bundle.setTimestamp(Date.from(now));
        b.patientAndEncounter();
        b.infusion(protocols);
        b.vitals(new DeviceClocks(session.history()).numerics(series, session.bed(), VITALS, session.createdAt(), VitalsCsv.end(session, now)));
        b.ratings(instruments);
        b.medications();
        b.adverseEvents();
        return R4.newJsonParser().setPrettyPrint(true).encodeResourceToString(b.bundle);
    }

    /** As {@link #write}, in bytes. */
    static byte[] bytes(SessionTrail session, TimeSeriesReader series, InstrumentCatalog instruments, ProtocolCatalog protocols,
                        Instant now) {
        return write(session, series, instruments, protocols, now).getBytes(StandardCharsets.UTF_8);
    }

    private Reference add(String key, Resource r) {
        String url = "urn:uuid:" + UUID.nameUUIDFromBytes((namespace + key).getBytes(StandardCharsets.UTF_8));
        r.setId(url);
        bundle.addEntry().setFullUrl(url).setResource(r);
        return new Reference(url);
    }

    private void patientAndEncounter() {
        Patient p = new Patient();
        p.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "PSEUDED", "pseudonymized");
        p.addIdentifier().setSystem(SUBJECT_SYSTEM).setValue(session.subjectCode());
        patient = add("patient", p);
        Encounter e = new Encounter();
        e.addIdentifier().setSystem(SESSION_SYSTEM).setValue(session.id());
        e.setStatus(session.closedAt().isPresent() ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        e.setSubject(patient);
        e.setPeriod(period(session.createdAt(), session.closedAt()));
        e.addParticipant().setIndividual(person(session.history().creation().actor()));
        encounter = add("encounter", e);
        // R4's Patient has no age, only a birth date, which the station never records: the age given at the session's
        // creation is an Observation (LOINC 30525-0 Age, in UCUM years), stated by the user who created the session
        session.ageYears().ifPresent(age -> {
            Observation o = new Observation();
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.setCode(new CodeableConcept(new Coding(LOINC, "30525-0", "Age")));
            o.setSubject(patient);
            o.setEncounter(encounter);
            o.setEffective(dateTime(session.createdAt()));
            o.addPerformer(person(session.history().creation().actor()));
            o.setValue(ucum(age, "a", "years"));
            add("age", o);
        });
    }

    private void infusion(ProtocolCatalog protocols) {
        Optional<SessionHistory.Fact<SessionEvent.InfusionStarted>> start = session.history().step(SessionEvent.InfusionStarted.class);
        if (start.isEmpty()) {
            return;
        }
        MedicationAdministration m = new MedicationAdministration();
        boolean ended = session.infusionEnd().isPresent();
        m.setStatus(ended ? MedicationAdministration.MedicationAdministrationStatus.COMPLETED
                : MedicationAdministration.MedicationAdministrationStatus.INPROGRESS);
        m.setMedication(new CodeableConcept().setText(session.protocol(protocols).label() + " (blinded study drug, kit "
                + session.kitId() + ")"));
        m.setSubject(patient);
        m.setContext(encounter);
        m.setEffective(period(start.get().at(), session.infusionEnd()));
        m.addPerformer().setActor(person(start.get().entry().actor()));
        m.addDevice(device("pump"));
        MedicationAdministration.MedicationAdministrationDosageComponent dosage = m.getDosage();
        dosage.setRoute(new CodeableConcept(new Coding(SNOMED, "47625008", "Intravenous route")));
        session.volumeInfusedMl().ifPresent(v -> dosage.setDose(ucum(v, "mL", "mL")));
        m.addNote().setText("infusion start: " + start.get().event().source() + "; the arm is not in this export");
        infusion = add("infusion", m);
    }

    private void vitals(List<TimeSeriesReader.StoredValue> values) {
        Map<String, Observation> cuff = new LinkedHashMap<>();
        for (TimeSeriesReader.StoredValue v : values) {
            if (CUFF.contains(v.stream())) {
                String key = v.device() + "@" + v.time();
                Observation bp = cuff.computeIfAbsent(key, k -> {
                    Observation o = observation(v, new Coding(LOINC, "85354-9", "Blood pressure panel with all children optional"),
                            null);
                    add("nibp:" + k, o);
                    return o;
                });
                Observation.ObservationComponentComponent c = bp.addComponent();
                c.setCode(codes(v.stream()));
                c.setValue(ucum(v.value(), v.stream().unit(), v.stream().unit()));
            } else {
                add("vital:" + v.stream().key() + ":" + v.device() + "@" + v.time(), observation(v, LOINC_CODES.get(v.stream()), v.stream()));
            }
        }
    }

    /** A vital-sign Observation of the device at the device's time; {@code stream} null for a panel. */
    private Observation observation(TimeSeriesReader.StoredValue v, Coding loinc, Stream stream) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs",
                "Vital Signs")));
        o.setCode(stream == null ? new CodeableConcept(loinc) : codes(stream));
        o.setSubject(patient);
        o.setEncounter(encounter);
        o.setEffective(dateTime(v.time()));
        o.setDevice(device(v.device()));
        if (stream != null) {
            o.setValue(ucum(v.value(), stream.unit(), stream.unit()));
        }
        return o;
    }

    private static CodeableConcept codes(Stream s) {
        CodeableConcept c = new CodeableConcept();
        if (s == Stream.SPO2) {
            c.addCoding(new Coding(LOINC, "2708-6", "Oxygen saturation in Arterial blood")); // the R4 vital-signs profile's code
        }
        c.addCoding(LOINC_CODES.get(s).copy());
        c.addCoding(new Coding(MDC, String.valueOf(s.mdc().code()), s.mdc().referenceId()));
        return c;
    }

    private void ratings(InstrumentCatalog instruments) {
        Map<String, Reference> questionnaires = new LinkedHashMap<>();
        for (TrailRating r : TrailRating.effective(session.ratings())) {
            Instrument instrument = instruments.get(r.instrument());
            String url = QUESTIONNAIRE_BASE + r.form();
            questionnaires.computeIfAbsent(url, u -> add("questionnaire:" + r.form(), questionnaire(u, instrument, r.shortForm(), instruments)));
            QuestionnaireResponse q = new QuestionnaireResponse();
            q.setIdentifier(new Identifier().setSystem(SESSION_SYSTEM + ":rating").setValue(r.ratingId()));
            q.setQuestionnaire(url);
            q.setStatus(r.entry().rating().correction() == null ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                    : QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED);
            q.setSubject(patient);
            q.setEncounter(encounter);
            q.setAuthored(Date.from(r.finishedAt()));
            q.setAuthor(person(r.entry().rating().raterUserId()));
            for (Item item : instrument.itemsOf(r.shortForm())) {
                QuestionnaireResponse.QuestionnaireResponseItemComponent qi = q.addItem().setLinkId(item.id())
                        .setText(instruments.itemText(instrument.id(), item.id()));
                if (r.answers().get(item.id()) instanceof Answer.Scored s) {
                    qi.addAnswer().setValue(new IntegerType(s.value()));
                }
            }
            if (r.total() != null) {
                q.addItem().setLinkId("total").setText("Total computed by the station").addAnswer().setValue(new IntegerType(r.total()));
            }
            add("rating:" + r.ratingId(), q);
        }
    }

    /** The questionnaire of an instrument's full form ({@code shortForm} null) or of one of its short forms. */
    private static Questionnaire questionnaire(String url, Instrument instrument, String shortForm, InstrumentCatalog instruments) {
        Questionnaire q = new Questionnaire();
        q.setUrl(url);
        String form = shortForm == null ? instrument.id() : shortForm;
        q.setName(form.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        q.setTitle(instrument.name() + (shortForm == null ? "" : " (" + shortForm + ")"));
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        for (Item item : instrument.itemsOf(shortForm)) {
            Questionnaire.QuestionnaireItemComponent qi = q.addItem().setLinkId(item.id()).setText(instruments.itemText(instrument.id(), item.id()))
                    .setType(Questionnaire.QuestionnaireItemType.INTEGER);
            qi.addExtension("http://hl7.org/fhir/StructureDefinition/minValue", new IntegerType(item.min()));
            qi.addExtension("http://hl7.org/fhir/StructureDefinition/maxValue", new IntegerType(item.max()));
        }
        if (instrument.scoring() == Scoring.SUM) {
            q.addItem().setLinkId("total").setText("Total computed by the station").setType(Questionnaire.QuestionnaireItemType.INTEGER)
                    .setReadOnly(true);
        }
        return q;
    }

    private void medications() {
        for (SessionHistory.Fact<Medication> f : session.history().medications()) {
            Medication med = f.event();
            MedicationAdministration m = new MedicationAdministration();
            m.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
            m.setMedication(new CodeableConcept().setText(med.drug()));
            m.setSubject(patient);
            m.setContext(encounter);
            m.setEffective(dateTime(med.givenAt()));
            m.addPerformer().setActor(person(med.givenBy()));
            m.getDosage().setRoute(new CodeableConcept().setText(med.route())).setDose(new Quantity().setValue(med.dose()).setUnit(med.unit()));
            m.addNote().setText((med.rescue() ? "rescue" : "concomitant") + " medication ordered by " + med.orderedBy()
                    + "; recorded by " + f.entry().actor());
            add("medication:" + f.entry().seq(), m);
        }
    }

    /** The adverse events SDTM AE lists: adverse markers, hypertension alarms, and those staff recorded (latest entry). */
    private void adverseEvents() {
        Map<Long, org.openinfusion.station.clinical.session.AdverseEvent> latest = new LinkedHashMap<>();
        session.history().adverseEvents().forEach(f -> latest.put(f.entry().seq(), f.event()));
        for (Recorded e : session.history().entries()) {
            if (e.event() instanceof TrailEvent.MarkerRecorded m && isAdverse(m.kind())) {
                AdverseEvent ae = adverseEvent(MarkerKind.valueOf(m.kind()).label(), e.at(), e);
                ae.setRecorder(person(e.actor()));
                add("ae:" + e.seq(), ae);
            } else if (e.event() instanceof TrailEvent.AlarmChanged a && SdtmAe.isHypertension(a.alarm())) {
                AdverseEvent ae = adverseEvent("Hypertension (" + a.alarm().message() + ")", e.at(), e);
                ae.addContributor(device("monitor"));
                add("ae:" + e.seq(), ae);
            } else if (latest.containsKey(e.seq())) {
                org.openinfusion.station.clinical.session.AdverseEvent staffAe = latest.get(e.seq());
                AdverseEvent ae = adverseEvent(staffAe.term(), staffAe.start(), e);
                ae.setRecorder(person(e.actor()));
                ae.setSeriousness(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adverse-event-seriousness",
                        staffAe.serious() ? "serious" : "non-serious", staffAe.serious() ? "Serious" : "Non-serious")));
                ae.setSeverity(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adverse-event-severity",
                        staffAe.severity().name().toLowerCase(Locale.ROOT), titleCase(staffAe.severity().name()))));
                ae.setOutcome(new CodeableConcept(outcome(staffAe.outcome())));
                if (infusion != null) {
                    ae.addSuspectEntity().setInstance(infusion).addCausality()
                            .setAssessment(new CodeableConcept().setText(SdtmAe.relationship(staffAe.relationship()).toLowerCase(Locale.ROOT)));
                }
                add("ae:" + e.seq(), ae);
            }
        }
    }

    private AdverseEvent adverseEvent(String term, Instant start, Recorded e) {
        AdverseEvent ae = new AdverseEvent();
        ae.setIdentifier(new Identifier().setSystem(SESSION_SYSTEM + ":audit-seq").setValue(String.valueOf(e.seq())));
        ae.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        ae.setEvent(new CodeableConcept().setText(term));
        ae.setSubject(patient);
        ae.setEncounter(encounter);
        ae.setDate(Date.from(start));
        ae.setRecordedDate(Date.from(e.time()));
        return ae;
    }

    private static boolean isAdverse(String kind) {
        return SdtmAe.ADVERSE.stream().anyMatch(k -> k.name().equals(kind));
    }

    private static Coding outcome(org.openinfusion.station.clinical.session.AdverseEvent.Outcome o) {
        String system = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
        return switch (o) {
            case RECOVERED_RESOLVED -> new Coding(system, "resolved", "Resolved");
            case RECOVERING_RESOLVING -> new Coding(system, "recovering", "Recovering");
            case NOT_RECOVERED_NOT_RESOLVED -> new Coding(system, "ongoing", "Ongoing");
            case RECOVERED_RESOLVED_WITH_SEQUELAE -> new Coding(system, "resolvedWithSequelae", "Resolved with Sequelae");
            case FATAL -> new Coding(system, "fatal", "Fatal");
            case UNKNOWN -> new Coding(system, "unknown", "Unknown");
        };
    }

    private Reference device(String name) {
        return devices.computeIfAbsent(name, n -> {
            Device d = new Device();
            d.addIdentifier().setSystem(DEVICE_SYSTEM).setValue(session.bed() + "/" + n);
            d.addDeviceName().setName(session.bed() + " " + n).setType(Device.DeviceNameType.USERFRIENDLYNAME);
            return add("device:" + n, d);
        });
    }

    /** A member of staff by user id (never a name: the id is what the audit trail holds). */
    private Reference person(String user) {
        return staff.computeIfAbsent(user, u -> {
            Practitioner p = new Practitioner();
            p.addIdentifier().setSystem(USER_SYSTEM).setValue(u);
            return add("user:" + u, p);
        });
    }

    private static Period period(Instant start, Optional<Instant> end) {
        Period p = new Period().setStartElement(dateTime(start));
        end.ifPresent(t -> p.setEndElement(dateTime(t)));
        return p;
    }

    /** A UTC date-time at the precision stored (milliseconds at most in FHIR's Java model). */
    static DateTimeType dateTime(Instant t) {
        DateTimeType d = new DateTimeType(Date.from(t), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI,
                TimeZone.getTimeZone("UTC"));
        return d;
    }

    private static Quantity ucum(double value, String code, String unit) {
        return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(code);
    }

    private static String titleCase(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static Map<Stream, Coding> loinc() {
        Map<Stream, Coding> m = new LinkedHashMap<>();
        m.put(Stream.HR, new Coding(LOINC, "8867-4", "Heart rate"));
        m.put(Stream.PULSE_RATE, new Coding(LOINC, "8889-8", "Heart rate by Pulse oximetry"));
        m.put(Stream.SPO2, new Coding(LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"));
        m.put(Stream.RESP_RATE, new Coding(LOINC, "9279-1", "Respiratory rate"));
        m.put(Stream.ETCO2, new Coding(LOINC, "19891-1", "Carbon dioxide [Partial pressure] in Exhaled gas --at end expiration"));
        m.put(Stream.NIBP_SYS, new Coding(LOINC, "8480-6", "Systolic blood pressure"));
        m.put(Stream.NIBP_DIA, new Coding(LOINC, "8462-4", "Diastolic blood pressure"));
        m.put(Stream.NIBP_MEAN, new Coding(LOINC, "8478-0", "Mean blood pressure"));
        return Map.copyOf(m);
    }
}
