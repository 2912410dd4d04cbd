package org.openinfusion.station.device.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.device.DeviceSession;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.domain.Observation;

/**
 * Replays a raw capture into a session: every RX chunk is fed at its recorded time and the session is
 * ticked at every line's time; TX lines (what the host sent then) are only counted. Deterministic.
 */
public final class CaptureReplay {
    /** What a replay produced. */
    public record Result(List<Observation> observations, List<String> problems, int rxChunks, int txChunks) {
    }

    private CaptureReplay() {
    }

    public static List<CaptureLine> read(Path file) throws IOException {
        List<CaptureLine> lines = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            number++;
            if (CaptureLine.isContent(line)) {
                try {
                    lines.add(CaptureLine.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        }
        return lines;
    }

    public static Result replay(List<CaptureLine> lines, DeviceSession session) {
        List<Observation> observations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SessionOutput out = new SessionOutput() {
            @Override
            public void observation(Observation o) {
                observations.add(o);
            }

            @Override
            public void send(byte[] bytes) {
                // a replay talks to no device
            }

            @Override
            public void problem(Problem kind, String detail) {
                problems.add(kind + " " + detail);
            }
        };
        int rx = 0;
        int tx = 0;
        if (!lines.isEmpty()) {
            session.connected(lines.get(0).time(), out);
        }
        for (CaptureLine line : lines) {
            if (line.direction() == CaptureLine.Direction.RX) {
                byte[] b = line.bytes();
                session.received(b, 0, b.length, line.time(), out);
                rx++;
            } else {
                tx++;
            }
            session.tick(line.time(), out);
        }
        return new Result(observations, problems, rx, tx);
    }
}
