package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.cli.ExportMain;

/** The command line on a real audit trail recorded through the session service (TrailBuilder). */
class ExportTest {
    @TempDir
    Path dir;

    private final TrailBuilder.Recorded trail = TrailBuilder.shared();
    private final Path audit = trail.file();

    @Test
    void ratingsCsvHasOneRowPerItemWithScoresReasonsTheCorrectionChainAndAmendments() throws IOException {
        String session = trail.first();
        Path out = dir.resolve("ratings.csv");
        assertEquals(0, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "ratings-csv", "--out", out.toString()}));

        CsvTable csv = CsvTable.parse(Files.readAllBytes(out));
        assertEquals(RatingsCsv.COLUMNS, csv.header());
        assertEquals(23, csv.where("rating_id", "r1").size());
        assertEquals(IntStream.rangeClosed(1, 23).mapToObj(String::valueOf).toList(),
                csv.where("rating_id", "r1").stream().map(r -> r.get("item")).toList(), "items in numeric order, not 1, 10, 11, ...");
        assertEquals(23, csv.where("rating_id", "r2").size());
        assertEquals(6, csv.where("rating_id", "r5").size(), "the CADSS-6 short form");
        Map<String, String> item7 = csv.where(r -> r.get("rating_id").equals("r1") && r.get("item").equals("7")).getFirst();
        assertEquals(Map.ofEntries(Map.entry("session_id", session), Map.entry("subject_code", "KET-401"),
                Map.entry("protocol", "ketamine-naltrexone-crossover"), Map.entry("protocol_version", "2"),
                Map.entry("time_point", "baseline"), Map.entry("instrument", "cadss"), Map.entry("short_form", ""),
                Map.entry("rating_id", "r1"), Map.entry("rater_role", "nurse"), Map.entry("rater", "nurse1"),
                Map.entry("finished_at", "2026-11-22T08:05:00Z"), Map.entry("item", "7"), Map.entry("value", ""),
                Map.entry("not_assessed_reason", "participant asleep"), Map.entry("total", "22"), Map.entry("complete", "false"),
                Map.entry("corrects", ""), Map.entry("correction_reason", ""), Map.entry("superseded_by", "r2"),
                Map.entry("amendment", "false")), item7);
        Map<String, String> corrected3 = csv.where(r -> r.get("rating_id").equals("r2") && r.get("item").equals("3")).getFirst();
        assertEquals("2", corrected3.get("value"));
        assertEquals("r1", corrected3.get("corrects"));
        assertEquals("item 3 entered in the wrong row, \"2\" intended", corrected3.get("correction_reason"));
        assertTrue(csv.where("rating_id", "r10").stream().allMatch(r -> r.get("amendment").equals("true")
                && r.get("corrects").equals("r8")), "the physician's amendment after sign-off");
        assertTrue(csv.where("rating_id", "r8").stream().allMatch(r -> r.get("amendment").equals("false")
                && r.get("superseded_by").equals("r10")));
    }

    @Test
    void theSessionBundleHoldsEveryEventWithItsHashTheProtocolSignaturesAndAmendments() throws IOException {
        String session = trail.first();
        Path out = dir.resolve("bundle.json");
        assertEquals(0, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "bundle-json", "--session", session,
                "--out", out.toString()}));
        JsonNode bundle = new ObjectMapper().readTree(out.toFile());
        assertEquals("KET-401", bundle.get("session").get("subjectCode").asText());
        assertEquals(trail.entries().stream().filter(e -> session.equals(e.sessionId())).count(), bundle.get("events").size());
        assertEquals("session.created", bundle.get("events").get(0).get("type").asText());
        assertEquals(64, bundle.get("events").get(0).get("hash").asText().length());
        JsonNode protocol = bundle.get("protocol");
        assertEquals("ketamine-naltrexone-crossover", protocol.get("id").asText());
        assertEquals("Study capsule, then ketamine", protocol.get("label").asText());
        assertEquals(45, protocol.get("pretreatment").get("minutesBeforeInfusion").asInt());
        assertEquals(35.0, protocol.get("infusion").get("plannedVolumeMl").asDouble(), "0.5 mg/kg x 70 kg at 1 mg/mL");
        assertEquals(52.5, protocol.get("infusion").get("plannedRateMlPerHour").asDouble());
        assertEquals(6, protocol.get("schedule").size());
        assertFalse(protocol.toString().toLowerCase().contains("dose"), "no dose in the protocol section: " + protocol);
        assertEquals(1, bundle.get("signatures").size());
        assertEquals(TrailBuilder.PRINTED_NAME, bundle.get("signatures").get(0).get("payload").get("printedName").asText());
        List<String> amendments = new ArrayList<>();
        bundle.get("amendments").forEach(a -> amendments.add(a.get("type").asText()));
        assertEquals(List.of("rating.corrected", "record.amended", "record.amended"), amendments);
    }

    @Test
    void aBrokenTrailIsNotExported() throws IOException {
        Path audit = Files.copy(this.audit, dir.resolve("audit.log"));
        List<String> lines = new ArrayList<>(Files.readAllLines(audit));
        lines.set(1, lines.get(1).replace("nurse1", "nurse9"));
        Files.write(audit, lines);
        assertEquals(1, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "ratings-csv", "--out",
                dir.resolve("x.csv").toString()}));
        assertFalse(Files.exists(dir.resolve("x.csv")));
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString()}));
    }

    @Test
    void dmNamesTheSiteAndCountryOfTheStationsConfiguration() throws IOException {
        // given a station configured for site PAR-01 in France
        Path config = Files.writeString(dir.resolve("station.properties"), "study.siteId=PAR-01\nstudy.country=FRA\n");
        Path out = dir.resolve("dm.csv");
        // when DM is exported from the command line with that configuration
        assertEquals(0, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "sdtm-dm", "--config", config.toString(),
                "--out", out.toString()}));
        // then every subject's row names them; without it they are left empty for the sponsor
        CsvTable dm = CsvTable.parse(Files.readAllBytes(out));
        assertEquals(List.of("PAR-01 FRA"), dm.rows().stream().map(r -> r.get("SITEID") + " " + r.get("COUNTRY")).toList());
        assertEquals(0, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "sdtm-dm", "--out", out.toString()}));
        assertEquals(List.of(" "), CsvTable.parse(Files.readAllBytes(out)).rows().stream().map(r -> r.get("SITEID") + " " + r.get("COUNTRY"))
                .toList());
        // and a country that is not an ISO 3166-1 alpha-3 code is a configuration error (exit 2), nothing written
        Files.writeString(config, "study.siteId=PAR-01\nstudy.country=France\n");
        Files.delete(out);
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "sdtm-dm", "--config", config.toString(),
                "--out", out.toString()}));
        assertFalse(Files.exists(out));
    }

    @Test
    void everyFormatIsWrittenFromTheCommandLineForOneSessionAndForAll() throws IOException {
        String session = trail.first();
        for (ExportFormat format : ExportFormat.values()) {
            if (format.readsTimeSeries()) {
                continue;
            }
            for (boolean one : new boolean[] {true, false}) {
                if (!one && format == ExportFormat.BUNDLE_JSON) {
                    continue;
                }
                Path out = dir.resolve((one ? "one-" : "all-") + format.fileSuffix());
                List<String> args = new ArrayList<>(List.of("--audit", audit.toString(), "--format", format.key(), "--out",
                        out.toString()));
                if (one) {
                    args.addAll(List.of("--session", session));
                }
                assertEquals(0, ExportMain.run(args.toArray(String[]::new)), format.key());
                byte[] content = Files.readAllBytes(out);
                if (format == ExportFormat.SDTM_CM || format == ExportFormat.SDTM_SUPPCM || format == ExportFormat.VISITS_CSV) {
                    // this trail has no medication given and no subject enrolled in a visit schedule: the header only
                    CsvTable table = CsvTable.parse(content);
                    Object header = switch (format) {
                        case SDTM_CM -> Sdtm.withEpoch(new Csv(SdtmCm.COLUMNS), "CMSTDTC", List.of()).header();
                        case SDTM_SUPPCM -> Sdtm.Supp.COLUMNS;
                        default -> VisitSummaryCsv.COLUMNS;
                    };
                    assertEquals(header, table.header(), format.key());
                    assertTrue(table.rows().isEmpty(), format.key() + " has no rows");
                } else if (format.mediaType().equals("text/csv")) {
                    // the first session gives no form twice at one time point: nothing repeats
                    assertEquals(one && format == ExportFormat.REDCAP_REPEATING, CsvTable.parse(content).rows().isEmpty(),
                            format.key() + " has rows");
                } else {
                    assertEquals(SessionBundle.FORMAT, new ObjectMapper().readTree(content).get("format").asText());
                }
            }
        }
    }

    @Test
    void withoutAnOutputFileTheSuggestedNameIsUsedAndUnknownSessionsOrFormatsAreRefused() throws IOException {
        String session = trail.first();
        Path out = Path.of("KET-401-2026-11-22-infusion-audit.csv"); // subject, day, visit: never the session id
        try {
            assertEquals(0, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "audit-csv", "--session", session}));
            assertTrue(Files.exists(out), "written in the working folder under its suggested name");
        } finally {
            Files.deleteIfExists(out);
        }
        assertEquals(1, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "sdtm-qs", "--session", "nope",
                "--out", dir.resolve("q.csv").toString()}));
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "excel"}));
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "bundle-json"}), "needs a session");
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format"}), "an option without its value");
        assertEquals(1, ExportMain.run(new String[] {"--audit", dir.resolve("missing.log").toString(), "--format", "audit-csv"}));
    }

    @Test
    void theVitalsFormatsExitOneWithAClearMessageWhenTheStoreDoesNotAnswer() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        for (String format : List.of("vitals-csv", "sdtm-vs")) {
            Path out = dir.resolve(format + ".csv");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream before = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                assertEquals(1, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", format, "--out", out.toString(),
                        "--influx-url", "http://127.0.0.1:" + closedPort, "--database", "station"}));
            } finally {
                System.setErr(before);
            }
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("the time-series store did not answer: InfluxDB at http://127.0.0.1:"
                    + closedPort), err.toString(StandardCharsets.UTF_8));
            assertFalse(Files.exists(out));
        }
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "vitals-csv",
                "--influx-url", "managed"}), "a managed influxd has no URL to reach");
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "vitals-csv",
                "--influx-url", "http://127.0.0.1:1", "--database", "bad name"}), "the database name is checked like the station does");
    }

    @Test
    void aTimeWindowIsForEdfPlusOnlyWithBothEndsAndAFailedExportLeavesNoFile() throws IOException {
        String session = trail.first();
        String from = "2026-11-22T09:19:50Z";
        String to = "2026-11-22T09:20:10Z";
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "vitals-csv", "--session", session,
                "--from", from, "--to", to}), "a window is for edf-plus only");
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "edf-plus", "--session", session,
                "--from", from}), "both ends");
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "edf-plus", "--session", session,
                "--from", to, "--to", from}), "the end after the start");
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "edf-plus", "--session", session,
                "--from", "yesterday", "--to", to}), "an ISO 8601 time");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path folder = Files.createDirectory(dir.resolve("edf"));
        assertEquals(1, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "edf-plus", "--session", session,
                "--from", from, "--to", to, "--influx-url", "http://127.0.0.1:" + closedPort, "--out", folder.resolve("w.edf").toString()}));
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "nothing written, no partial file left");
        }
    }
}
