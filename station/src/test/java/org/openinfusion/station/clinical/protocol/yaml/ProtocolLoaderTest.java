package org.openinfusion.station.clinical.protocol.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.protocol.Dilution;
import org.openinfusion.station.clinical.protocol.HoldRule;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ProtocolException;

class ProtocolLoaderTest {
    private static final String VALID = """
            id: demo
            version: 2
            title: Demo
            label: Study drug
            arms:
              - {code: A, description: active, infusionDoseMgPerKg: 0.5}
              - {code: B, description: placebo, infusionDoseMgPerKg: 0}
            infusion:
              doseMgPerKg: 0.5
              weightBasis: actual
              durationMinutes: 40
              dilution: {style: fixedFinalVolume, volumeMl: 100}
              rounding: {doseMg: 0.5, rateMlPerHour: 0.1}
            schedule:
              - {id: eoi, anchor: infusionEnd, offsetMinutes: 0, instruments: [cadss], windowBeforeMinutes: 5, windowAfterMinutes: 15, overdueAfterMinutes: 5}
            vitals: {nibpEveryMinutes: 5, nibpMaxAgeMinutes: 6}
            alarms:
              - {stream: hr, low: 50, high: 120, priority: high, maxAgeSeconds: 15}
            hold:
              - {id: sbp, stream: nibp_sys, above: 180, advice: consider pausing}
            discharge: {minMinutesAfterInfusionEnd: 120, cadssMax: 4, moaasMin: 5, vitalsWithinPercentOfBaseline: 20}
            """;

    private static Protocol load(String yaml) {
        return ProtocolLoader.load("site/demo.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProtocolException invalid(String yaml) {
        return assertThrows(ProtocolException.class, () -> load(yaml));
    }

    @Test
    void theThreeShippedProtocolsLoad() {
        ProtocolCatalog c = ProtocolCatalog.builtIn();
        assertEquals(3, c.all().size());
        Protocol naltrexone = c.latest("ketamine-naltrexone-crossover").orElseThrow();
        assertEquals(Duration.ofMinutes(45), naltrexone.pretreatment().orElseThrow().beforeInfusion());
        assertEquals(Duration.ofMinutes(40), naltrexone.infusion().duration());
        Protocol midazolam = c.latest("ketamine-midazolam-active-placebo").orElseThrow();
        assertEquals(0.71, midazolam.infusion().doseMgPerKg());
        assertEquals(Duration.ofMinutes(52), midazolam.infusion().duration());
        assertTrue(midazolam.pretreatment().isEmpty());
        assertEquals(2, c.latest("ketamine-buprenorphine-double-dummy").orElseThrow().arms().count());
    }

    @Test
    void aValidFileGivesAllItsParts() {
        Protocol p = load(VALID);
        assertEquals("demo", p.id());
        assertEquals(2, p.version());
        assertEquals(new Dilution.FixedFinalVolume(100), p.infusion().dilution());
        assertEquals(Anchor.INFUSION_END, p.schedule().getFirst().anchor());
        assertEquals(AlarmPriority.HIGH, p.alarms().getFirst().priority());
        assertEquals(HoldRule.Comparison.ABOVE, p.holdRules().getFirst().comparison());
    }

    @Test
    void armsNeverShowInToStringOrExceptionText() {
        Protocol p = load(VALID);
        assertFalse(p.toString().contains("placebo"), p.toString());
        assertFalse(p.toString().contains("active,"));
    }

    @Test
    void errorsNameTheFileTheFieldAndTheProblem() {
        ProtocolException missing = invalid(VALID.replace("  durationMinutes: 40\n", ""));
        assertEquals("site/demo.yaml: infusion.durationMinutes: is missing", missing.getMessage());

        ProtocolException unknown = invalid(VALID.replace("label: Study drug", "label: Study drug\ncolour: blue"));
        assertEquals("colour", unknown.field());

        ProtocolException type = invalid(VALID.replace("doseMgPerKg: 0.5\n  weightBasis", "doseMgPerKg: half\n  weightBasis"));
        assertEquals("site/demo.yaml: infusion.doseMgPerKg: must be a number, got 'half'", type.getMessage());

        ProtocolException choice = invalid(VALID.replace("weightBasis: actual", "weightBasis: heaviest"));
        assertTrue(choice.getMessage().contains("infusion.weightBasis: 'heaviest' is not one of [ACTUAL, IDEAL, ADJUSTED]"), choice.getMessage());

        ProtocolException range = invalid(VALID.replace("priority: high, maxAgeSeconds: 15", "priority: high, maxAgeSeconds: 0"));
        assertEquals("alarms[0].maxAgeSeconds", range.field());

        ProtocolException stream = invalid(VALID.replace("stream: hr,", "stream: ecg_ii,"));
        assertTrue(stream.getMessage().contains("alarms[0].stream: 'ecg_ii' is not a numeric stream"), stream.getMessage());

        ProtocolException order = invalid(VALID.replace("low: 50, high: 120", "low: 130, high: 120"));
        assertTrue(order.getMessage().contains("alarms[0]: limit on hr: low must be below high"), order.getMessage());

        ProtocolException anchor = invalid(VALID.replace("anchor: infusionEnd", "anchor: pretreatment"));
        assertTrue(anchor.getMessage().contains("schedule[0].anchor: PRETREATMENT needs a pretreatment section"), anchor.getMessage());

        ProtocolException windows = invalid(VALID.replace("windowAfterMinutes: 15, overdueAfterMinutes: 5", "windowAfterMinutes: 15, overdueAfterMinutes: 20"));
        assertTrue(windows.getMessage().contains("overdue must come before the window closes"), windows.getMessage());

        ProtocolException yaml = invalid("id: [unclosed");
        assertTrue(yaml.getMessage().startsWith("site/demo.yaml: not valid YAML"), yaml.getMessage());

        ProtocolException duplicate = invalid(VALID.replace("{code: B,", "{code: A,"));
        assertEquals("arms[1].code", duplicate.field());
    }
}
