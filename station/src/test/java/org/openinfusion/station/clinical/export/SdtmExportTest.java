package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.ShortForm;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** The SDTM-style RS, QS, EC and AE files from the recorded trail. */
class SdtmExportTest {
    private final TrailBuilder.Recorded trail = ExportFixtures.trail();

    @Test
    void everyInstrumentsTestCodesAreAtMostEightCharactersNeverStartWithADigitAndAreUnique() {
        for (Instrument i : InstrumentCatalog.builtIn().all()) {
            Set<String> codes = new HashSet<>();
            for (Item item : i.items()) {
                codes.add(SdtmCodes.itemCode(i, item));
            }
            codes.add(SdtmCodes.totalCode(i, null));
            for (ShortForm f : i.shortForms()) {
                codes.add(SdtmCodes.totalCode(i, f.id()));
            }
            assertEquals(i.items().size() + 1 + i.shortForms().size(), codes.size(), i.id() + ": unique codes " + codes);
            for (String code : codes) {
                assertTrue(code.length() <= 8 && code.matches("[A-Z][A-Z0-9]*"), i.id() + ": " + code);
            }
        }
        Instrument cadss = InstrumentCatalog.builtIn().get("cadss");
        assertEquals("CADSS07", SdtmCodes.itemCode(cadss, cadss.item("7").orElseThrow()));
        assertEquals("CADSS23", SdtmCodes.itemCode(cadss, cadss.item("23").orElseThrow()));
        assertEquals("CADSSTOT", SdtmCodes.totalCode(cadss, null));
        assertEquals("CADSS6T", SdtmCodes.totalCode(cadss, "cadss6"));
    }

    @Test
    void clinicianRatedScalesGoToRsAndQuestionnairesToQs() {
        Map<String, String> expected = Map.of("bprs_pos", "RS", "moaas", "RS", "cadss", "QS", "psi", "QS", "vas", "QS");
        expected.forEach((id, domain) -> assertEquals(domain, SdtmCodes.domain(InstrumentCatalog.builtIn().get(id)), id));
        assertEquals(Set.of("BPRS+", "MOAA/S"), Set.copyOf(ExportFixtures.all(ExportFormat.SDTM_RS).rows().stream().map(r -> r.get("RSCAT")).toList()));
        assertEquals(Set.of("CADSS", "VAS"), Set.copyOf(ExportFixtures.all(ExportFormat.SDTM_QS).rows().stream().map(r -> r.get("QSCAT")).toList()));
    }

    @Test
    void qsHoldsTheEffectiveCadssAndVasWithNotDoneItemsShortFormsAndTimePoints() {
        CsvTable qs = ExportFixtures.first(ExportFormat.SDTM_QS);
        assertEquals(List.of("STUDYID", "DOMAIN", "USUBJID", "QSSEQ", "QSGRPID", "QSTESTCD", "QSTEST", "QSCAT", "QSSCAT", "QSORRES",
                "QSSTRESC", "QSSTRESN", "QSSTAT", "QSREASND", "QSLOBXFL", "QSDRVFL", "QSEVAL", "VISITNUM", "VISIT", "VISITDY", "EPOCH", "QSDTC", "QSTPT", "QSTPTNUM", "QSELTM",
                "QSTPTREF", "QSRFTDTC"), qs.header());
        assertTrue(qs.where("QSGRPID", "r1").isEmpty(), "r1 was corrected by r2: only the effective values");
        List<Map<String, String>> r2 = qs.where("QSGRPID", "r2");
        assertEquals(24, r2.size(), "23 items and the total");
        Map<String, String> item3 = r2.get(2);
        // the naltrexone baseline is planned 45 min after the capsule, just before the infusion: PT0M from its start
        assertEquals(List.of("CADSS03", "CADSS item 3", "CADSS", "2", "2", "2", "", "BASELINE", "1", "PT0M", "START OF INFUSION",
                "2026-11-22T08:06:00"),
                List.of(item3.get("QSTESTCD"), item3.get("QSTEST"), item3.get("QSCAT"), item3.get("QSORRES"), item3.get("QSSTRESC"),
                        item3.get("QSSTRESN"), item3.get("QSSTAT"), item3.get("QSTPT"), item3.get("QSTPTNUM"), item3.get("QSELTM"),
                        item3.get("QSTPTREF"), item3.get("QSDTC")));
        assertEquals(List.of("Y", "SCREENING"), List.of(item3.get("QSLOBXFL"), item3.get("EPOCH")),
                "the last result before the capsule (08:15), the first exposure");
        assertEquals("1", r2.getFirst().get("QSORRES"), "a score without an anchor label: its number");
        Map<String, String> anchored = ExportFixtures.all(ExportFormat.SDTM_QS).where("QSGRPID", "r11").getFirst();
        assertEquals(List.of("not at all", "0", "0"), List.of(anchored.get("QSORRES"), anchored.get("QSSTRESC"), anchored.get("QSSTRESN")),
                "the anchor's text as answered; the number in QSSTRESC/QSSTRESN");
        Map<String, String> item7 = r2.get(6);
        assertEquals(List.of("CADSS07", "", "NOT DONE", "participant asleep"),
                List.of(item7.get("QSTESTCD"), item7.get("QSORRES"), item7.get("QSSTAT"), item7.get("QSREASND")));
        Map<String, String> total = r2.getLast();
        assertEquals(List.of("CADSSTOT", "CADSS total", "", "NOT DONE", "INCOMPLETE: 1 of 23 items not assessed"),
                List.of(total.get("QSTESTCD"), total.get("QSTEST"), total.get("QSORRES"), total.get("QSSTAT"), total.get("QSREASND")));

        List<Map<String, String>> shortForm = qs.where("QSGRPID", "r5");
        assertEquals(List.of("CADSS01", "CADSS02", "CADSS06", "CADSS07", "CADSS15", "CADSS22", "CADSS6T"),
                shortForm.stream().map(r -> r.get("QSTESTCD")).toList());
        assertTrue(shortForm.stream().allMatch(r -> r.get("QSSCAT").equals("CADSS-6") && r.get("QSTPT").equals("T20")
                && r.get("QSTPTNUM").equals("2") && r.get("QSELTM").equals("PT20M") && r.get("QSTPTREF").equals("START OF INFUSION")
                && r.get("QSRFTDTC").equals("2026-11-22T09:00:00")));
        assertEquals("9", shortForm.getLast().get("QSORRES"));
        Map<String, String> endTotal = qs.where("QSGRPID", "r7").getLast();
        assertEquals(List.of("46", "PT40M", "END-OF-INFUSION", "3", "NURSE", "Y", ""), List.of(endTotal.get("QSSTRESN"),
                endTotal.get("QSELTM"), endTotal.get("QSTPT"), endTotal.get("QSTPTNUM"), endTotal.get("QSEVAL"), endTotal.get("QSDRVFL"),
                endTotal.get("QSLOBXFL")), "the station's total is derived; after the infusion no baseline flag");
        assertEquals("FOLLOW-UP", endTotal.get("EPOCH"), "finished at 09:42, after the infusion's end at 09:40");
        assertEquals("BLINDED TREATMENT", shortForm.getFirst().get("EPOCH"), "at 20 min, during the infusion");
        assertTrue(qs.rows().stream().filter(r -> !r.get("QSTESTCD").endsWith("T") && !r.get("QSTESTCD").endsWith("TOT"))
                .allMatch(r -> r.get("QSDRVFL").isEmpty()), "items are collected, not derived");
        assertEquals(List.of("VAS01", "High", "60"), List.of(qs.where("QSGRPID", "r6").getFirst().get("QSTESTCD"),
                qs.where("QSGRPID", "r6").getFirst().get("QSTEST"), qs.where("QSGRPID", "r6").getFirst().get("QSORRES")));
        assertEquals(3, qs.where("QSGRPID", "r6").size(), "VAS has no total");
        Set<String> seq = new HashSet<>();
        qs.rows().forEach(r -> assertTrue(seq.add(r.get("QSSEQ"))));
    }

    @Test
    void rsHoldsTheAmendedBprsAndMoaasAndTheSecondSessionIsVisitTwo() {
        CsvTable rs = ExportFixtures.first(ExportFormat.SDTM_RS);
        assertTrue(rs.where("RSGRPID", "r8").isEmpty(), "r8 was amended by r10");
        assertEquals(List.of("not present", "mild", "not present", "not present", "6"),
                rs.where("RSGRPID", "r10").stream().map(r -> r.get("RSORRES")).toList(), "BPRS anchors, the total's number");
        assertEquals(List.of("1", "3", "1", "1", "6"), rs.where("RSGRPID", "r10").stream().map(r -> r.get("RSSTRESN")).toList());
        assertEquals("BPRSP02", rs.where("RSGRPID", "r10").get(1).get("RSTESTCD"));
        assertEquals(List.of("MOAAS01", "4"), List.of(rs.only("RSGRPID", "r9").get("RSTESTCD"), rs.only("RSGRPID", "r9").get("RSSTRESN")));
        CsvTable all = ExportFixtures.all(ExportFormat.SDTM_QS);
        assertTrue(all.where("QSGRPID", "r11").stream().allMatch(r -> r.get("VISITNUM").equals("2") && r.get("VISIT").equals("SESSION 2")
                && r.get("USUBJID").equals("ketamine-naltrexone-crossover-KET-401")));
        Set<String> seq = new HashSet<>();
        all.rows().forEach(r -> assertTrue(seq.add(r.get("QSSEQ")), "QSSEQ unique per subject across sessions"));
    }

    @Test
    void ecHasTheBlindedPretreatmentAndInfusionAndOnlySaysThatTheArmWasRevealed() {
        CsvTable ec = ExportFixtures.first(ExportFormat.SDTM_EC);
        assertEquals(2, ec.rows().size());
        Map<String, String> capsule = ec.rows().getFirst();
        assertEquals(List.of("BLINDED PRETREATMENT", "ORAL", "2026-11-22T08:15:00", "", "KIT-9"), List.of(capsule.get("ECTRT"),
                capsule.get("ECROUTE"), capsule.get("ECSTDTC"), capsule.get("ECDOSE"), capsule.get("ECREFID")));
        Map<String, String> infusion = ec.rows().get(1);
        assertEquals(List.of("BLINDED STUDY INFUSION", "35", "mL", "INTRAVENOUS", "2026-11-22T09:00:00", "2026-11-22T09:40:00", "KIT-9"),
                List.of(infusion.get("ECTRT"), infusion.get("ECDOSE"), infusion.get("ECDOSU"), infusion.get("ECROUTE"),
                        infusion.get("ECSTDTC"), infusion.get("ECENDTC"), infusion.get("ECREFID")));
        CsvTable supp = ExportFixtures.first(ExportFormat.SDTM_SUPPEC);
        assertEquals(List.of("2", "ECBLIND", "UNBLINDED: see randomisation list, kit KIT-9"), List.of(supp.rows().get(1).get("IDVARVAL"),
                supp.rows().get(1).get("QNAM"), supp.rows().get(1).get("QVAL")));
        // without the unblinding entry, blinded
        List<AuditEntry> blinded = trail.entries().stream().filter(e -> !e.type().equals("blinding.unblinded")).toList();
        CsvTable still = CsvTable.parse(ExportFixtures.export(ExportFormat.SDTM_SUPPEC, blinded, Optional.of(trail.first()), null,
                InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content());
        assertTrue(still.rows().stream().allMatch(r -> r.get("QVAL").equals("BLINDED")));
        assertEquals("SUBLINGUAL", SdtmEc.route("Study tablets SL"));
        assertEquals("ORAL", SdtmEc.route("Study capsule (naltrexone or placebo)"));
    }

    @Test
    void aeHasTheAdverseMarkersAndTheHypertensionAlarmWithTheirAuditEntries() {
        CsvTable ae = ExportFixtures.first(ExportFormat.SDTM_AE);
        assertEquals(List.of("EMERGENCE REACTION", "NAUSEA", "HYPERTENSION"), ae.rows().stream().map(r -> r.get("AEDECOD")).toList(),
                "asleep and a note are not adverse events");
        Map<String, String> emergence = ae.rows().getFirst();
        CsvTable supp = ExportFixtures.first(ExportFormat.SDTM_SUPPAE);
        assertEquals(List.of("Emergence reaction", "2026-11-22T09:20:00", "", "", "", "", "", "marker.recorded",
                        "agitated, reassured; lights dimmed"),
                List.of(emergence.get("AETERM"), emergence.get("AESTDTC"), emergence.get("AESEV"), emergence.get("AESER"),
                        emergence.get("AEACN"), emergence.get("AEREL"), emergence.get("AEBODSYS"), qval(supp, "1", "AESRC"),
                        qval(supp, "1", "AENOTE")));
        AuditEntry raised = trail.entries().stream().filter(e -> e.type().equals("alarm.raised")
                && "LIMIT:nibp_sys:lo90:hi180".equals(e.payload().get("alarm"))).findFirst().orElseThrow();
        Map<String, String> hypertension = ae.rows().get(2);
        assertEquals(List.of("Hypertension (NIBP_SYS 186 > 180)", "2026-11-22T09:35:00", "2026-11-22T09:40:00", "alarm.raised",
                        String.valueOf(raised.seq())),
                List.of(hypertension.get("AETERM"), hypertension.get("AESTDTC"), hypertension.get("AEENDTC"), qval(supp, "3", "AESRC"),
                        qval(supp, "3", "AESRCSEQ")));
        assertEquals("", qval(supp, "3", "AENOTE"), "an alarm has no note: no row");
        AuditEntry marker = trail.entries().get(Integer.parseInt(qval(supp, "1", "AESRCSEQ")) - 1);
        assertEquals("EMERGENCE_REACTION", marker.payload().get("kind"));
        assertTrue(ExportFixtures.all(ExportFormat.SDTM_AE).rows().stream().allMatch(r -> r.get("AESEQ").matches("[123]")));
    }

    private static String qval(CsvTable supp, String seq, String qnam) {
        return supp.rows().stream().filter(r -> r.get("IDVARVAL").equals(seq) && r.get("QNAM").equals(qnam)).map(r -> r.get("QVAL"))
                .findFirst().orElse("");
    }
}
