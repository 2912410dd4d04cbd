package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.testing.FakeSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SDTM package: SAS XPORT v5 files read back by readstat exactly as written, and a define.xml describing them. */
class SdtmXptTest {
    private final TrailBuilder.Recorded trail = ExportFixtures.trail();

    @TempDir
    Path dir;

    @Test
    void numbersAreWrittenAsIbmDoublePrecision() {
        HexFormat hex = HexFormat.of();
        assertEquals("4110000000000000", hex.formatHex(Xpt.ibm(1.0)));
        assertEquals("c276a00000000000", hex.formatHex(Xpt.ibm(-118.625)), "the example of IBM's own documentation");
        assertEquals("401999999999999a", hex.formatHex(Xpt.ibm(0.1)));
        assertEquals("0000000000000000", hex.formatHex(Xpt.ibm(0.0)));
        assertEquals("2e00000000000000", hex.formatHex(Xpt.ibm(null)), "a missing value");
    }

    @Test
    void everyDataSetIsReadBackByReadstatWithTheNamesLabelsTypesAndValuesWritten() throws Exception {
        for (Optional<String> scope : List.of(Optional.of(trail.first()), Optional.<String>empty())) {
            Map<String, byte[]> files = unzip(scope);
            assertTrue(files.keySet().containsAll(List.of("ts.xpt", "dm.xpt", "ec.xpt", "suppec.xpt", "vs.xpt", "qs.xpt", "rs.xpt",
                    "define.xml")), files.keySet().toString());
            readBack(files, name -> csv(name, scope));
        }
    }

    @Test
    void medicationsAreInCmWithTheirSponsorQualifiersInSuppcmReadBackByReadstat() throws Exception {
        // given a session with a rescue medication given on order
        List<AuditEntry> entries = recorded(TrailBuilder::rescueSession);
        Function<ExportFormat, CsvTable> csv = f -> CsvTable.parse(ExportFixtures.export(f, entries, Optional.empty(),
                new FakeSeries(), InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content());
        CsvTable cm = csv.apply(ExportFormat.SDTM_CM);
        assertEquals(List.of(List.of("CM", "labetalol", "RESCUE", "10", "mg", "IV", "2026-11-22T17:10:00")), cm.rows().stream()
                .map(r -> List.of(r.get("DOMAIN"), r.get("CMTRT"), r.get("CMCAT"), r.get("CMDOSE"), r.get("CMDOSU"), r.get("CMROUTE"),
                        r.get("CMSTDTC"))).toList());
        CsvTable supp = csv.apply(ExportFormat.SDTM_SUPPCM);
        assertEquals(List.of("CMGIVBY=nurse1", "CMORDBY=dr1", "CMSRC=medication.given"), supp.rows().stream()
                .filter(r -> !r.get("QNAM").equals("CMSRCSEQ")).map(r -> r.get("QNAM") + "=" + r.get("QVAL")).toList());
        assertTrue(supp.rows().stream().allMatch(r -> r.get("RDOMAIN").equals("CM") && r.get("IDVAR").equals("CMSEQ")
                && r.get("IDVARVAL").equals("1")));
        // when packaged then both are .xpt files readstat reads back as written
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ExportFixtures.export(ExportFormat.SDTM_XPT, entries,
                Optional.empty(), new FakeSeries(), InstrumentCatalog.builtIn(), ExportFixtures.EVENING)
                .content()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        assertTrue(files.keySet().containsAll(List.of("cm.xpt", "suppcm.xpt")), files.keySet().toString());
        readBack(files, name -> csv.apply(ExportFormat.parse("sdtm-" + name.toLowerCase(Locale.ROOT))));
        assertTrue(new String(files.get("define.xml"), StandardCharsets.UTF_8).contains("Name=\"SUPPCM\""));
    }

    @Test
    void dmAgeIsTheAgeGivenAtTheSubjectsFirstSessionInYearsReadBackByReadstat() throws Exception {
        // given KET-404 aged 34 at the first session and 35 at the second, and KET-405 whose age was not given
        List<AuditEntry> entries = recorded(TrailBuilder::agedSessions);
        CsvTable dm = CsvTable.parse(ExportFixtures.export(ExportFormat.SDTM_DM, entries, Optional.empty(),
                new FakeSeries(), InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content());
        // then DM holds the age at the first session (SDTMIG: age at the reference start) in years, and nothing for the other
        assertEquals(List.of("KET-404 34 YEARS", "KET-405  "), dm.rows().stream()
                .map(r -> r.get("SUBJID") + " " + r.get("AGE") + " " + r.get("AGEU")).toList());
        // and dm.xpt holds AGE as a number, read back by readstat as written
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ExportFixtures.export(ExportFormat.SDTM_XPT, entries,
                Optional.empty(), new FakeSeries(), InstrumentCatalog.builtIn(), ExportFixtures.EVENING)
                .content()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("dm.xpt")) {
                    files.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        assertTrue(SdtmSpec.domain("DM").variable("AGE").numeric(), "AGE is Num");
        readBack(files, name -> dm);
    }

    /** The trail of the sessions {@code sessions} records. */
    private List<AuditEntry> recorded(Consumer<TrailBuilder> sessions) throws IOException {
        try (TrailBuilder t = TrailBuilder.open(dir.resolve("audit.log"))) {
            sessions.accept(t);
            return t.entries();
        }
    }

    /** Every .xpt file read back by readstat: names, labels, types and values equal to the data set's CSV. */
    private void readBack(Map<String, byte[]> files, Function<String, CsvTable> csvOf) throws Exception {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().endsWith(".xpt")) {
                continue;
            }
            String name = f.getKey().replace(".xpt", "").toUpperCase(Locale.ROOT);
            CsvTable written = csvOf.apply(name);
            Path xpt = Files.write(dir.resolve(f.getKey()), f.getValue());
            Readstat.Read read = Readstat.read(xpt, dir);
            SdtmSpec.Domain spec = SdtmSpec.domain(name);
            assertEquals(name, read.table());
            assertEquals(spec.label(), read.label());
            List<Readstat.Variable> expected = written.header().stream().map(spec::variable)
                    .map(v -> new Readstat.Variable(v.name(), v.label(), v.numeric())).toList();
            assertEquals(expected, read.variables(), name);
            assertEquals(written.header(), read.values().header(), name);
            assertEquals(written.rows().size(), read.values().rows().size(), name);
            for (int r = 0; r < written.rows().size(); r++) {
                for (Readstat.Variable v : expected) {
                    String was = written.rows().get(r).get(v.name());
                    String back = read.values().rows().get(r).get(v.name());
                    if (v.numeric() && !was.isEmpty()) {
                        // readstat prints six decimals
                        assertEquals(new BigDecimal(was).setScale(6, RoundingMode.HALF_EVEN), new BigDecimal(back), name + "." + v.name());
                    } else {
                        assertEquals(was, back, name + "." + v.name() + " row " + (r + 1));
                    }
                }
            }
        }
    }

    @Test
    void defineXmlDescribesEveryFileAndVariableAndSaysDateTimesAreUtc() throws Exception {
        Map<String, byte[]> files = unzip(Optional.empty());
        Document define = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().parse(new ByteArrayInputStream(files.get("define.xml")));
        Element mdv = (Element) define.getElementsByTagNameNS("*", "MetaDataVersion").item(0);
        assertEquals("2.0.0", mdv.getAttributeNS("http://www.cdisc.org/ns/def/v2.0", "DefineVersion"));
        NodeList groups = define.getElementsByTagNameNS("*", "ItemGroupDef");
        List<String> described = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            described.add(g.getAttribute("Name").toLowerCase(Locale.ROOT) + ".xpt");
            Element leaf = (Element) g.getElementsByTagNameNS("*", "leaf").item(0);
            assertTrue(files.containsKey(leaf.getAttributeNS("http://www.w3.org/1999/xlink", "href")));
            assertEquals(csv(g.getAttribute("Name"), Optional.empty()).header().size(), g.getElementsByTagNameNS("*", "ItemRef").getLength());
        }
        assertEquals(files.keySet().stream().filter(n -> n.endsWith(".xpt")).sorted().toList(), described.stream().sorted().toList());
        NodeList items = define.getElementsByTagNameNS("*", "ItemDef");
        int dtc = 0;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (item.getAttribute("Name").endsWith("DTC")) {
                dtc++;
                assertEquals("datetime", item.getAttribute("DataType"));
                assertEquals("COM.UTC", item.getAttributeNS("http://www.cdisc.org/ns/def/v2.0", "CommentOID"));
            }
        }
        assertTrue(dtc > 10);
        assertTrue(new String(files.get("define.xml"), StandardCharsets.UTF_8).contains("in UTC"));
    }

    @Test
    void aLongTextGoesInPiecesOfAtMost200BytesAndTheWriterRefusesWhatDoesNotFit() {
        String text = "Übelkeit nach der Infusion, ".repeat(16);
        List<String> pieces = Sdtm.pieces(text);
        assertEquals(text, String.join("", pieces));
        assertTrue(pieces.size() == 3 && pieces.stream().allMatch(p -> p.getBytes(StandardCharsets.UTF_8).length <= 200),
                pieces.toString());
        Xpt.Dataset tooLong = new Xpt.Dataset("AE", "Adverse Events", List.of(new Xpt.Variable("AETERM", "Reported Term", false, 200)),
                List.of(List.of(text)));
        IllegalArgumentException refused = Assertions.assertThrows(IllegalArgumentException.class,
                () -> Xpt.write(tooLong, Instant.EPOCH));
        assertTrue(refused.getMessage().contains("AE.AETERM row 1"), refused.getMessage());
        Assertions.assertThrows(IllegalArgumentException.class, () -> Xpt.write(new Xpt.Dataset("AE",
                "Adverse Events", List.of(new Xpt.Variable("AETERMLONG", "x", false, 1)), List.of()), Instant.EPOCH));
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        assertArrayEquals(export(Optional.empty()), export(Optional.empty()));
    }

    /** The data set as its CSV format writes it (the XPT holds the same table). */
    static CsvTable csv(String name, Optional<String> scope) {
        ExportFormat format = ExportFormat.parse("sdtm-" + name.toLowerCase(Locale.ROOT));
        return CsvTable.parse(ExportFixtures.export(format, ExportFixtures.trail().entries(), scope, TrailBuilder.vitals(),
                InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content());
    }

    static byte[] export(Optional<String> scope) {
        return ExportFixtures.export(ExportFormat.SDTM_XPT, ExportFixtures.trail().entries(), scope, TrailBuilder.vitals(),
                InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content();
    }

    static Map<String, byte[]> unzip(Optional<String> scope) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export(scope)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        return files;
    }
}
