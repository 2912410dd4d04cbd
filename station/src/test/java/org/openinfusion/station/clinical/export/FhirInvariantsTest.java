package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * The FHIRPath invariants of FHIR R4 (every constraint of severity error in the base StructureDefinitions that
 * hapi-fhir-validation-resources-r4 ships), evaluated on every resource of the session's bundle by HAPI's FHIRPath engine
 * (HL7's org.hl7.fhir.r4 FHIRPathEngine): none is false. This is the invariant part of what HAPI's instance validator
 * (hapi-fhir-validation, which the package registry here does not serve) checks; profiles, cardinalities and bindings
 * are not checked here.
 */
class FhirInvariantsTest {
    private static final FhirContext R4 = FhirBundle.context();
    /** The engine and the R4 definitions, loaded once (the definitions take seconds to load). */
    private static final IFhirPath PATH = R4.newFhirPath();
    private static final DefaultProfileValidationSupport DEFINITIONS = new DefaultProfileValidationSupport(R4);

    private static Bundle bundle() {
        TrailBuilder.Recorded trail = ExportFixtures.trail();
        return R4.newJsonParser().parseResource(Bundle.class, new String(ExportFixtures.export(ExportFormat.FHIR_JSON, trail.entries(),
                Optional.of(trail.first()), TrailBuilder.vitals(), InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content(),
                StandardCharsets.UTF_8));
    }

    /** The outcome of the invariants on some resources: the false ones, those the engine could not evaluate, how many held. */
    record Outcome(List<String> failed, Map<String, String> notEvaluated, int held) {
    }

    static Outcome invariants(List<Resource> resources) {
        IFhirPath path = PATH;
        DefaultProfileValidationSupport definitions = DEFINITIONS;
        Map<String, StructureDefinition> byType = new HashMap<>();
        List<String> failed = new ArrayList<>();
        Map<String, String> notEvaluated = new TreeMap<>();
        int held = 0;
        for (Resource r : resources) {
            StructureDefinition sd = byType.computeIfAbsent(r.fhirType(), t -> (StructureDefinition) definitions
                    .fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + t));
            for (ElementDefinition ed : sd.getSnapshot().getElement()) {
                List<Base> nodes = null;
                for (ElementDefinition.ElementDefinitionConstraintComponent c : ed.getConstraint()) {
                    if (c.getSeverity() != ElementDefinition.ConstraintSeverity.ERROR || !c.hasExpression()) {
                        continue;
                    }
                    if (nodes == null) {
                        nodes = path.evaluate(r, ed.getPath().replace("[x]", ""), Base.class);
                    }
                    for (Base node : nodes) {
                        try {
                            List<BooleanType> result = path.evaluate(node, c.getExpression(), BooleanType.class);
                            if (!result.isEmpty() && !result.getFirst().booleanValue()) {
                                failed.add(r.fhirType() + " " + r.getIdElement().getValue() + " " + ed.getPath() + " " + c.getKey() + ": "
                                        + c.getHuman());
                            } else {
                                held++;
                            }
                        } catch (RuntimeException e) {
                            notEvaluated.putIfAbsent(c.getKey() + " (" + ed.getPath() + ")", String.valueOf(e.getMessage()));
                        }
                    }
                }
            }
        }
        return new Outcome(failed, notEvaluated, held);
    }

    private static List<Resource> resources(Bundle b) {
        List<Resource> all = new ArrayList<>(List.of(b));
        b.getEntry().forEach(e -> all.add(e.getResource()));
        return all;
    }

    @Test
    void everyErrorInvariantOfR4HoldsOnEveryResourceOfTheBundle() {
        Outcome o = invariants(resources(bundle()));
        assertEquals(List.of(), o.failed());
        assertTrue(o.held() > 10_000, "invariants evaluated: " + o.held());
        System.out.println("FHIR R4 invariants: " + o.held() + " held, 0 false; not evaluable by the engine: " + o.notEvaluated());
    }

    @Test
    void theInvariantsCatchABrokenResource() {
        // obs-6: dataAbsentReason SHALL only be present if Observation.value[x] is not present
        Observation broken = (Observation) bundle().getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation o && o.hasValueQuantity()).findFirst().orElseThrow();
        broken.getDataAbsentReason().setText("asleep");
        Outcome o = invariants(List.of(broken));
        assertFalse(o.failed().isEmpty());
        assertTrue(o.failed().stream().anyMatch(f -> f.contains("obs-6")), o.failed().toString());
    }
}
