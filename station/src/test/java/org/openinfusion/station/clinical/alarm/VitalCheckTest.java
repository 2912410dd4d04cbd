package org.openinfusion.station.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

/** Hand-entered vitals: impossible values refused naming the field, values outside the protocol's alarm limits flagged. */
class VitalCheckTest {
    private static final List<AlarmLimit> WILLIAMS = ProtocolCatalog.builtIn().latest("ketamine-naltrexone-crossover").orElseThrow().alarms();

    private static Map<String, Double> values(Object... keysAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1] == null ? null : ((Number) keysAndValues[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void aValueThatCannotHaveBeenMeasuredIsRefusedNamingItsField() {
        assertEquals(List.of("SpO2 101 % is not possible: it must be 0-100 %"), VitalCheck.impossible(values("spo2", 101)));
        assertEquals(List.of("Heart rate -5 /min is not possible: it must be 0-350 /min"), VitalCheck.impossible(values("hr", -5)));
        assertEquals(List.of("Systolic BP 80 is below diastolic BP 95: check both values"),
                VitalCheck.impossible(values("nibp_sys", 80, "nibp_dia", 95)));
        assertEquals(List.of("'etco2' is not a vital sign taken at a visit (nibp_sys, nibp_dia, hr, spo2, rr)"),
                VitalCheck.impossible(values("etco2", 40)));
        assertEquals(List.of("Respiratory rate NaN /min is not possible: it must be 0-150 /min"), VitalCheck.impossible(values("rr", Double.NaN)));
        assertEquals(List.of(), VitalCheck.impossible(values("nibp_sys", 120, "nibp_dia", 120, "hr", 0, "spo2", 100, "rr", 12)),
                "the bounds themselves, and systolic equal to diastolic, can be measured");
    }

    @Test
    void aValueOutsideTheProtocolsAlarmLimitsIsFlaggedWithEachLimitAsTheBedsideWordsIt() {
        assertEquals(List.of(), VitalCheck.breaches(WILLIAMS, "hr", 120), "the limit itself is within (the alarm fires above 120)");
        List<VitalCheck.Breach> hr = VitalCheck.breaches(WILLIAMS, "hr", 130);
        assertEquals(List.of("HR 130 > 120"), hr.stream().map(VitalCheck.Breach::limit).toList());
        assertEquals("NCT05803551 HR < 50 or > 120", hr.getFirst().source());
        assertEquals(AlarmPriority.HIGH, hr.getFirst().priority());
        List<VitalCheck.Breach> spo2 = VitalCheck.breaches(WILLIAMS, "spo2", 91);
        assertEquals(List.of("SPO2 91 < 95", "SPO2 91 < 92"), spo2.stream().map(VitalCheck.Breach::limit).toList(), "both tiers, as two alarms at the bed");
        assertEquals(List.of(AlarmPriority.MEDIUM, AlarmPriority.HIGH), spo2.stream().map(VitalCheck.Breach::priority).toList());
        assertEquals("site default", spo2.get(1).source());
        assertEquals(List.of("NIBP_DIA 45 < 50"), VitalCheck.breaches(WILLIAMS, "nibp_dia", 45).stream().map(VitalCheck.Breach::limit).toList());
        assertEquals(List.of(), VitalCheck.breaches(WILLIAMS, "rr", 14));
    }
}
