package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openinfusion.station.clinical.port.TimeSeriesReader;

/**
 * The exports of an audit file written by the station before the typed session history are, byte for byte, the
 * files that code made from it (committed under src/test/resources/audit/v1-exports by {@link V1Trails#main}).
 */
class ExportsUnchangedTest {
    @ParameterizedTest
    @ValueSource(strings = {V1Trails.SESSION_FILE, V1Trails.REVIEW_FILE})
    void everyExportOfAV1TrailIsByteForByteTheFileTheOldCodeWrote(String file) throws IOException {
        TimeSeriesReader series = file.equals(V1Trails.SESSION_FILE) ? TrailBuilder.vitals() : null;
        Map<String, byte[]> now = V1Trails.exports(V1Trails.read(file), series);
        Path before = V1Trails.exportsDir(file);
        List<String> recorded;
        try (var files = Files.list(before)) {
            recorded = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(recorded, now.keySet().stream().sorted().toList());
        for (String name : recorded) {
            if (!name.endsWith(".zip")) {
                assertEquals(Files.readString(before.resolve(name)), new String(now.get(name), StandardCharsets.UTF_8), name);
            }
            assertArrayEquals(Files.readAllBytes(before.resolve(name)), now.get(name), name);
        }
    }
}
