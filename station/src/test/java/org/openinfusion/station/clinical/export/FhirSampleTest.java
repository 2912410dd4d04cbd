package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * The sample FHIR bundle in docs/exports.md is what the exporter writes for the committed sample trail
 * ({@code src/test/resources/audit/fhir-sample.jsonl}, recorded by {@link TrailBuilder#sampleSession}) and its vitals
 * ({@link TrailBuilder#sampleVitals}), byte for byte: the docs never show a hand-written bundle. After a deliberate
 * change of the FHIR export, {@link #main} (run from the station module) rewrites the docs' block from the same trail.
 */
class FhirSampleTest {
    static final Path DOCS = Path.of("../docs/exports.md");
    static final String TRAIL = "fhir-sample.jsonl";
    static final String START = "<!-- fhir-sample: written by FhirSampleTest; do not edit -->\n```json\n";
    static final String END = "```\n<!-- fhir-sample end -->";

    /** The sample trail's bundle, as the exporter writes it. */
    static String bundle() {
        List<AuditEntry> entries = V1Trails.read(TRAIL);
        String session = entries.stream().map(AuditEntry::sessionId).filter(s -> s != null).findFirst().orElseThrow();
        String json = new String(ExportFixtures.export(ExportFormat.FHIR_JSON, entries, Optional.of(session), TrailBuilder.sampleVitals(),
                InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content(), StandardCharsets.UTF_8);
        return json.endsWith("\n") ? json : json + "\n";
    }

    static String docsBlock(String docs) {
        int from = docs.indexOf(START);
        int to = docs.indexOf(END);
        assertTrue(from >= 0 && to > from, "docs/exports.md holds the sample between its markers");
        return docs.substring(from + START.length(), to);
    }

    @Test
    void theSampleInTheDocsIsWhatTheExporterWritesForTheSampleTrail() throws IOException {
        String bundle = bundle();
        assertEquals(bundle, docsBlock(Files.readString(DOCS)), "docs/exports.md's sample; after a deliberate change run FhirSampleTest.main");
        assertTrue(bundle.contains("\"resourceType\": \"QuestionnaireResponse\"") && bundle.contains("\"code\": \"85354-9\"")
                && bundle.contains("\"code\": \"30525-0\""), "the sample shows a rating, a blood-pressure panel and the age");
    }

    @Test
    void theSampleIsValidAgainstTheFhirR4SchemaBundleAndEveryResource() {
        Bundle b = FhirBundle.context().newJsonParser().parseResource(Bundle.class, bundle());
        FhirValidator validator = FhirBundle.context().newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        List<Resource> checked = new ArrayList<>(b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList());
        checked.add(b);
        List<String> errors = new ArrayList<>();
        for (Resource r : checked) {
            for (SingleValidationMessage m : validator.validateWithResult(r).getMessages()) {
                if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                    errors.add(r.fhirType() + ": " + m.getLocationString() + " " + m.getMessage());
                }
            }
        }
        assertEquals(List.of(), errors);
    }

    /** Records the sample trail (once; a new recording has new ids) when missing, and writes its bundle into the docs. */
    public static void main(String[] args) throws IOException {
        Path trail = V1Trails.resource(TRAIL);
        if (!Files.exists(trail)) {
            try (TrailBuilder t = TrailBuilder.open(trail)) {
                t.sampleSession();
            }
        }
        String docs = Files.readString(DOCS);
        Files.writeString(DOCS, docs.substring(0, docs.indexOf(START) + START.length()) + bundle() + docs.substring(docs.indexOf(END)));
    }
}
