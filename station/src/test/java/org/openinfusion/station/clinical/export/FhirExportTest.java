package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.FakeSeries;


/**
 * The HL7 FHIR R4 export of the recorded session, checked with HAPI FHIR: every resource validated against the FHIR
 * R4 XML schema by HAPI's validator (zero errors), the bundle parsed back, its codes looked up in the code systems and
 * vital-signs profiles HAPI ships (hapi-fhir-validation-resources-r4).
 */
class FhirExportTest {
    private static final TrailBuilder.Recorded TRAIL = ExportFixtures.trail();
    private static final FhirContext R4 = FhirBundle.context();
    private static final String RESOURCES = "/org/hl7/fhir/r4/model/";

    private static String written;

    /** The first session's bundle, written once for the tests that only read it. */
    private static synchronized String json() {
        if (written == null) {
            written = write();
        }
        return written;
    }

    private static String write() {
        ExportFile f = ExportFixtures.export(ExportFormat.FHIR_JSON, TRAIL.entries(), Optional.of(TRAIL.first()), TrailBuilder.vitals(),
                InstrumentCatalog.builtIn(), ExportFixtures.EVENING);
        assertEquals("KET-401-2026-11-22-infusion-fhir.json", f.fileName());
        assertEquals("application/fhir+json", f.mediaType());
        return new String(f.content(), StandardCharsets.UTF_8);
    }

    private static Bundle bundle() {
        return R4.newJsonParser().parseResource(Bundle.class, json());
    }

    private static <T extends Resource> List<T> all(Bundle b, Class<T> kind) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(kind::isInstance).map(kind::cast).toList();
    }

    private static Map<String, Resource> byUrl(Bundle b) {
        Map<String, Resource> m = new HashMap<>();
        b.getEntry().forEach(e -> m.put(e.getFullUrl(), e.getResource()));
        return m;
    }

    @Test
    void everyResourceOfTheBundleAndTheBundleItselfPassHapisSchemaValidationWithoutAnError() {
        FhirValidator validator = R4.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        Bundle b = bundle();
        List<Resource> checked = new ArrayList<>(all(b, Resource.class));
        checked.add(b);
        List<String> errors = new ArrayList<>();
        for (Resource r : checked) {
            ValidationResult result = validator.validateWithResult(r);
            for (SingleValidationMessage m : result.getMessages()) {
                if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                    errors.add(r.fhirType() + ": " + m.getLocationString() + " " + m.getMessage());
                }
            }
        }
        assertEquals(List.of(), errors);
        assertTrue(checked.size() > 500, "vitals, ratings and the rest: " + checked.size());
        // the validator does refuse a broken resource: an Observation without its required status and code
        ValidationResult broken = validator.validateWithResult(new Observation().setSubject(new Reference("urn:uuid:x")));
        assertFalse(broken.isSuccessful(), "a resource missing required elements is refused");
    }

    @Test
    void theBundleRoundTripsThroughHapisJsonAndXmlParsersUnchanged() {
        String json = json();
        Bundle parsed = R4.newJsonParser().parseResource(Bundle.class, json);
        assertEquals(json, R4.newJsonParser().setPrettyPrint(true).encodeResourceToString(parsed), "JSON -> model -> JSON");
        String xml = R4.newXmlParser().encodeResourceToString(parsed);
        Bundle fromXml = R4.newXmlParser().parseResource(Bundle.class, xml);
        assertEquals(json, R4.newJsonParser().setPrettyPrint(true).encodeResourceToString(fromXml), "JSON -> XML -> JSON");
        assertTrue(parsed.equalsDeep(fromXml));
        assertEquals(json, write(), "the same trail gives the same bundle");
    }

    @Test
    void everyReferenceResolvesInsideTheBundleAndEveryFullUrlIsUnique() {
        Bundle b = bundle();
        Map<String, Resource> urls = byUrl(b);
        assertEquals(b.getEntry().size(), urls.size(), "full URLs are unique");
        List<String> dangling = new ArrayList<>();
        for (Resource r : all(b, Resource.class)) {
            references(r, dangling, urls);
        }
        assertEquals(List.of(), dangling);
    }

    private static void references(Base element, List<String> dangling, Map<String, Resource> urls) {
        for (Property p : element.children()) {
            for (Base v : p.getValues()) {
                if (v instanceof Reference ref && ref.hasReference() && !urls.containsKey(ref.getReference())) {
                    dangling.add(element.fhirType() + "." + p.getName() + " -> " + ref.getReference());
                }
                if (!v.isPrimitive()) {
                    references(v, dangling, urls);
                }
            }
        }
    }

    @Test
    void thePatientIsPseudonymousTheEncounterIsTheSession() {
        Bundle b = bundle();
        Patient p = all(b, Patient.class).getFirst();
        assertEquals(1, all(b, Patient.class).size());
        assertEquals(List.of("KET-401"), p.getIdentifier().stream().map(i -> i.getValue()).toList());
        assertFalse(p.hasName() || p.hasBirthDate() || p.hasAddress() || p.hasTelecom() || p.hasGender(), "the subject code only");
        assertEquals("PSEUDED", p.getMeta().getSecurityFirstRep().getCode());
        Encounter e = all(b, Encounter.class).getFirst();
        assertEquals(TRAIL.first(), e.getIdentifierFirstRep().getValue());
        assertEquals(Encounter.EncounterStatus.FINISHED, e.getStatus());
        assertEquals(TrailBuilder.CREATED, e.getPeriod().getStart().toInstant());
        assertEquals(TrailBuilder.CLOSED, e.getPeriod().getEnd().toInstant());
        assertTrue(all(b, Practitioner.class).stream().allMatch(x -> !x.hasName() && x.getIdentifierFirstRep().hasValue()),
                "staff by user id only");
    }

    @Test
    void theAgeGivenAtCreationIsAnAgeObservationInYearsNeverABirthDate(@TempDir Path dir)
            throws Exception {
        List<AuditEntry> entries;
        String aged;
        try (TrailBuilder t = TrailBuilder.open(dir.resolve("audit.log"))) {
            aged = t.agedSessions();
            entries = t.entries();
        }
        Bundle b = R4.newJsonParser().parseResource(Bundle.class, new String(ExportFixtures.export(ExportFormat.FHIR_JSON, entries,
                Optional.of(aged), new FakeSeries(), InstrumentCatalog.builtIn(),
                ExportFixtures.EVENING).content(), StandardCharsets.UTF_8));
        List<Observation> ages = all(b, Observation.class).stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("30525-0"))
                .toList();
        assertEquals(1, ages.size());
        Observation age = ages.getFirst();
        assertEquals("http://loinc.org", age.getCode().getCodingFirstRep().getSystem());
        assertEquals(34, age.getValueQuantity().getValue().intValue());
        assertEquals("http://unitsofmeasure.org a", age.getValueQuantity().getSystem() + " " + age.getValueQuantity().getCode());
        assertEquals(Instant.parse("2026-11-22T18:00:00Z"), age.getEffectiveDateTimeType().getValue().toInstant(), "at the session's creation");
        assertFalse(all(b, Patient.class).getFirst().hasBirthDate());
        FhirValidator validator = R4.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        assertTrue(validator.validateWithResult(age).getMessages().stream().noneMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                || m.getSeverity() == ResultSeverityEnum.FATAL), "schema-valid");
        assertTrue(all(bundle(), Observation.class).stream().noneMatch(o -> o.getCode().getCodingFirstRep().getCode().equals("30525-0")),
                "no age given, no age Observation");
    }

    @Test
    void everyStoredVitalIsAnObservationWithTheVitalSignsProfilesLoincCodeUcumUnitAndTheDeviceAsSource() throws Exception {
        Bundle b = bundle();
        Map<String, Resource> urls = byUrl(b);
        // the codes and units the R4 vital-signs profiles (as shipped with HAPI) require
        Map<String, StructureDefinition> profiles = profiles();
        Map<Stream, String> profileOf = Map.of(Stream.HR, "heartrate", Stream.SPO2, "oxygensat", Stream.RESP_RATE, "resprate");
        List<StoredValue> stored = TrailBuilder.vitals().numerics(TrailBuilder.BED, FhirBundle.VITALS, TrailBuilder.CREATED,
                TrailBuilder.CLOSED);
        Set<Stream> cuff = EnumSet.of(Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN);
        List<Observation> observations = all(b, Observation.class);
        List<Observation> single = observations.stream().filter(o -> !o.hasComponent()).toList();
        List<Observation> panels = observations.stream().filter(Observation::hasComponent).toList();
        assertEquals(stored.stream().filter(v -> !cuff.contains(v.stream())).count(), single.size());
        assertEquals(stored.stream().filter(v -> cuff.contains(v.stream())).map(StoredValue::time).distinct().count(), panels.size());
        Map<String, StoredValue> byKey = new HashMap<>();
        stored.forEach(v -> byKey.put(FhirBundle.LOINC_CODES.get(v.stream()).getCode() + "@" + v.time(), v));
        for (Observation o : single) {
            assertEquals("vital-signs", o.getCategoryFirstRep().getCodingFirstRep().getCode());
            Instant t = o.getEffectiveDateTimeType().getValue().toInstant();
            Coding loinc = o.getCode().getCoding().stream().filter(c -> c.getSystem().equals(FhirBundle.LOINC)).reduce((x, y) -> y).orElseThrow();
            StoredValue v = byKey.get(loinc.getCode() + "@" + t);
            assertNotNull(v, loinc.getCode() + " at " + t);
            Quantity q = o.getValueQuantity();
            assertEquals(v.value(), q.getValue().doubleValue());
            assertEquals(FhirBundle.UCUM, q.getSystem());
            assertEquals(v.stream().unit(), q.getCode());
            assertTrue(o.getCode().getCoding().stream().anyMatch(c -> c.getSystem().equals(FhirBundle.MDC)
                    && c.getCode().equals(String.valueOf(v.stream().mdc().code()))), "the IEEE 11073 code too");
            Device source = (Device) urls.get(o.getDevice().getReference());
            assertEquals("bed-01/" + v.device(), source.getIdentifierFirstRep().getValue(), "the device is the source");
            String profile = profileOf.get(v.stream());
            if (profile != null) {
                Set<String> codes = o.getCode().getCoding().stream().map(Coding::getCode).collect(Collectors.toSet());
                assertTrue(codes.contains(patternCode(profiles.get(profile))), profile + " " + codes);
                assertEquals(patternUnit(profiles.get(profile)), q.getCode(), profile);
            }
        }
        Set<String> bp = Set.of(patternCode(profiles.get("bp")), "8480-6", "8462-4");
        for (Observation o : panels) {
            assertTrue(bp.contains(o.getCode().getCodingFirstRep().getCode()));
            Set<String> components = o.getComponent().stream().map(c -> c.getCode().getCodingFirstRep().getCode()).collect(Collectors.toSet());
            assertTrue(components.containsAll(Set.of("8480-6", "8462-4")), components.toString());
            assertTrue(o.getComponent().stream().allMatch(c -> c.getValueQuantity().getCode().equals("mm[Hg]")));
        }
        Observation hypertension = panels.stream().filter(o -> o.getEffectiveDateTimeType().getValue().toInstant()
                .equals(Instant.parse("2026-11-22T09:35:00Z"))).findFirst().orElseThrow();
        assertEquals(186, hypertension.getComponent().stream().filter(c -> c.getCode().getCodingFirstRep().getCode().equals("8480-6"))
                .findFirst().orElseThrow().getValueQuantity().getValue().intValue());
    }

    @Test
    void ratingsInEffectAreQuestionnaireResponsesOfTheirInstrumentsQuestionnaireAuthoredByTheRater() {
        Bundle b = bundle();
        Map<String, Resource> urls = byUrl(b);
        Map<String, Questionnaire> questionnaires = all(b, Questionnaire.class).stream()
                .collect(Collectors.toMap(Questionnaire::getUrl, q -> q));
        List<QuestionnaireResponse> responses = all(b, QuestionnaireResponse.class);
        List<String> ids = responses.stream().map(r -> r.getIdentifier().getValue()).toList();
        // r1 is corrected by r2, r8 by r10 (in review): the corrections stand in for them
        assertEquals(List.of("r2", "r3", "r4", "r5", "r6", "r7", "r9", "r10"), ids.stream().sorted((x, y) ->
                Integer.compare(Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1)))).toList());
        for (QuestionnaireResponse r : responses) {
            Questionnaire q = questionnaires.get(r.getQuestionnaire());
            assertNotNull(q, r.getQuestionnaire());
            Set<String> linkIds = q.getItem().stream().map(Questionnaire.QuestionnaireItemComponent::getLinkId).collect(Collectors.toSet());
            assertTrue(r.getItem().stream().allMatch(i -> linkIds.contains(i.getLinkId())), "every answered item is in its questionnaire");
            Practitioner author = (Practitioner) urls.get(r.getAuthor().getReference());
            assertTrue(author.getIdentifierFirstRep().getValue().matches("nurse\\d|rater\\d|dr\\d"), "the rater is the source");
        }
        QuestionnaireResponse r2 = responses.stream().filter(r -> r.getIdentifier().getValue().equals("r2")).findFirst().orElseThrow();
        assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED, r2.getStatus());
        assertEquals("nurse2", ((Practitioner) urls.get(r2.getAuthor().getReference())).getIdentifierFirstRep().getValue());
        assertEquals(2, r2.getItem().stream().filter(i -> i.getLinkId().equals("3")).findFirst().orElseThrow().getAnswerFirstRep()
                .getValueIntegerType().getValue());
        assertFalse(r2.getItem().stream().filter(i -> i.getLinkId().equals("7")).findFirst().orElseThrow().hasAnswer(),
                "item 7 not assessed: no answer");
        assertEquals(23, r2.getItem().stream().filter(i -> i.getLinkId().equals("total")).findFirst().orElseThrow()
                .getAnswerFirstRep().getValueIntegerType().getValue(), "22 items at 1 and item 3 at 2, item 7 not assessed");
        assertTrue(questionnaires.containsKey(FhirBundle.QUESTIONNAIRE_BASE + "cadss6"), "a short form is its own questionnaire");
    }

    @Test
    void theInfusionIsAMedicationAdministrationOfTheBlindedLabelStartedByTheNurseOnThePump() {
        Bundle b = bundle();
        Map<String, Resource> urls = byUrl(b);
        List<MedicationAdministration> given = all(b, MedicationAdministration.class);
        assertEquals(1, given.size(), "no medication was given in this session besides the study infusion");
        MedicationAdministration m = given.getFirst();
        assertEquals(MedicationAdministration.MedicationAdministrationStatus.COMPLETED, m.getStatus());
        assertTrue(m.getMedicationCodeableConcept().getText().contains("blinded study drug, kit KIT-9"));
        assertEquals(TrailBuilder.INFUSION_START, m.getEffectivePeriod().getStart().toInstant());
        assertEquals(Instant.parse("2026-11-22T09:40:00Z"), m.getEffectivePeriod().getEnd().toInstant());
        assertEquals(35.0, m.getDosage().getDose().getValue().doubleValue(), 1e-9);
        assertEquals("mL", m.getDosage().getDose().getCode());
        assertEquals("bed-01/pump", ((Device) urls.get(m.getDeviceFirstRep().getReference())).getIdentifierFirstRep().getValue());
        assertTrue(m.getPerformerFirstRep().getActor().getReference().startsWith("urn:uuid:"));
    }

    @Test
    void adverseEventsAreThoseOfSdtmAeWithTheirSource() {
        Bundle b = bundle();
        Map<String, Resource> urls = byUrl(b);
        List<AdverseEvent> events = all(b, AdverseEvent.class);
        CsvTable ae = ExportFixtures.first(ExportFormat.SDTM_AE);
        assertEquals(ae.rows().size(), events.size());
        assertEquals(ae.rows().stream().map(r -> r.get("AETERM")).toList(), events.stream().map(e -> e.getEvent().getText()).toList());
        for (AdverseEvent e : events) {
            assertTrue(e.hasRecorder() ^ e.hasContributor(), "marked by staff or raised on the monitor's values");
            if (e.hasContributor()) {
                assertEquals("bed-01/monitor", ((Device) urls.get(e.getContributorFirstRep().getReference())).getIdentifierFirstRep()
                        .getValue());
            }
        }
    }

    @Test
    void codesOfHl7CodeSystemsAreInTheCodeSystemsHapiShips() throws Exception {
        Map<String, Set<String>> systems = new HashMap<>();
        for (String file : List.of("valueset/valuesets.xml", "valueset/v3-codesystems.xml")) {
            for (Resource r : resources(file)) {
                if (r instanceof CodeSystem cs) {
                    Set<String> codes = new HashSet<>();
                    collect(cs.getConcept(), codes);
                    systems.put(cs.getUrl(), codes);
                }
            }
        }
        List<Coding> codings = new ArrayList<>();
        for (Resource r : all(bundle(), Resource.class)) {
            codings(r, codings);
            r.getMeta().getSecurity().forEach(codings::add);
        }
        Set<String> checked = new HashSet<>();
        for (Coding c : codings) {
            if (c.getSystem().startsWith("http://terminology.hl7.org/")) {
                assertTrue(systems.containsKey(c.getSystem()), "shipped: " + c.getSystem());
                assertTrue(systems.get(c.getSystem()).contains(c.getCode()), c.getSystem() + "|" + c.getCode());
                checked.add(c.getSystem());
            }
        }
        assertTrue(checked.containsAll(Set.of("http://terminology.hl7.org/CodeSystem/observation-category",
                "http://terminology.hl7.org/CodeSystem/v3-ActCode", "http://terminology.hl7.org/CodeSystem/v3-ObservationValue")), checked.toString());
    }

    @Test
    void aFhirBundleIsOfOneSession() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFixtures.export(ExportFormat.FHIR_JSON,
                TRAIL.entries(), Optional.empty(), TrailBuilder.vitals(), InstrumentCatalog.builtIn(), ExportFixtures.EVENING));
        assertTrue(e.getMessage().contains("fhir-json is of one session"), e.getMessage());
    }

    private static void collect(List<CodeSystem.ConceptDefinitionComponent> concepts, Set<String> into) {
        for (CodeSystem.ConceptDefinitionComponent c : concepts) {
            into.add(c.getCode());
            collect(c.getConcept(), into);
        }
    }

    private static void codings(Base element, List<Coding> into) {
        for (Property p : element.children()) {
            for (Base v : p.getValues()) {
                if (v instanceof Coding c) {
                    into.add(c);
                } else if (!v.isPrimitive()) {
                    codings(v, into);
                }
            }
        }
    }

    /** The R4 vital-signs profiles shipped with HAPI (profiles-others.xml), by id. */
    private static Map<String, StructureDefinition> profiles() throws Exception {
        Map<String, StructureDefinition> m = new HashMap<>();
        for (Resource r : resources("profile/profiles-others.xml")) {
            if (r instanceof StructureDefinition sd) {
                m.put(sd.getIdElement().getIdPart(), sd);
            }
        }
        return m;
    }

    private static List<Resource> resources(String file) throws Exception {
        try (InputStream in = FhirExportTest.class.getResourceAsStream(RESOURCES + file)) {
            assertNotNull(in, file);
            Bundle b = R4.newXmlParser().parseResource(Bundle.class, in);
            return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        }
    }

    /** The LOINC code the profile fixes (Observation.code.coding:...code fixed or pattern). */
    private static String patternCode(StructureDefinition sd) {
        return sd.getSnapshot().getElement().stream().filter(e -> e.getPath().equals("Observation.code.coding.code") && e.hasFixed())
                .map(e -> e.getFixed().primitiveValue()).findFirst()
                .or(() -> sd.getSnapshot().getElement().stream().filter(e -> e.getPath().equals("Observation.code") && e.hasPattern())
                        .map(e -> ((CodeableConcept) e.getPattern()).getCodingFirstRep().getCode()).findFirst())
                .orElseThrow(() -> new AssertionError(sd.getId() + " fixes no code"));
    }

    /** The UCUM code the profile fixes for valueQuantity. */
    private static String patternUnit(StructureDefinition sd) {
        return sd.getSnapshot().getElement().stream().filter(e -> (e.getPath().equals("Observation.value[x].code")
                        || e.getPath().equals("Observation.valueQuantity.code")) && (e.hasFixed() || e.hasPattern()))
                .map(e -> (e.hasFixed() ? e.getFixed() : e.getPattern()).primitiveValue()).findFirst()
                .orElseThrow(() -> new AssertionError(sd.getId() + " fixes no unit"));
    }
}
