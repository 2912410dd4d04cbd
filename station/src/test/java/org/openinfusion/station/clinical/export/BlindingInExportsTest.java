package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** No export, of one session or all, holds an arm of any shipped protocol, even after an unblinding. */
class BlindingInExportsTest {
    private record Arm(String code, String description) {
    }

    /** The sealed arms as the protocol files write them (read here, not through the station's sealed API). */
    private static List<Arm> arms() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Arm> arms = new ArrayList<>();
        try (InputStream index = BlindingInExportsTest.class.getResourceAsStream("/protocols/index.txt")) {
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                try (InputStream in = BlindingInExportsTest.class.getResourceAsStream("/protocols/" + name)) {
                    for (JsonNode arm : yaml.readTree(in).get("arms")) {
                        arms.add(new Arm(arm.get("code").asText(), arm.get("description").asText()));
                    }
                }
            }
        }
        return arms;
    }

    @Test
    void noExportContainsAnArmLabelOrCodeInAnyCase() throws IOException {
        List<Arm> arms = arms();
        assertTrue(arms.size() >= 6);
        TrailBuilder.Recorded trail = ExportFixtures.trail();
        assertTrue(trail.entries().stream().anyMatch(e -> e.type().equals("blinding.unblinded")), "the trail records an unblinding");
        for (ExportFormat format : ExportFormat.values()) {
            for (Optional<String> session : List.of(Optional.of(trail.first()), Optional.<String>empty())) {
                if (format.oneSession() && session.isEmpty()) {
                    continue;
                }
                byte[] content = ExportFixtures.export(format, trail.entries(), session, TrailBuilder.vitals(),
                        InstrumentCatalog.builtIn(), ExportFixtures.EVENING).content();
                String text = new String(format == ExportFormat.SDTM_XPT ? unzipped(content) : content, StandardCharsets.UTF_8)
                        .toLowerCase(Locale.ROOT);
                List<String> cells = format.mediaType().equals("text/csv")
                        ? CsvTable.parse(content).rows().stream().flatMap(r -> r.values().stream()).toList()
                        : List.of();
                for (Arm arm : arms) {
                    assertFalse(text.contains(arm.description().toLowerCase(Locale.ROOT)), format.key() + " holds " + arm.description());
                    assertTrue(cells.stream().noneMatch(c -> c.equalsIgnoreCase(arm.code())), format.key() + " holds arm code " + arm.code());
                }
                // (define.xml names the DM variable ARM: only the bundle's JSON could hold an "arm" key)
                assertFalse((format != ExportFormat.SDTM_XPT && text.contains("\"arm\"")) || text.contains("mg/ml"), format.key());
            }
        }
    }

    /** Every file of a ZIP, one after the other (the .xpt files hold their text values as written). */
    private static byte[] unzipped(byte[] zip) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.writeBytes(in.readAllBytes());
            }
        }
        assertTrue(all.size() > 0);
        return all.toByteArray();
    }
}
