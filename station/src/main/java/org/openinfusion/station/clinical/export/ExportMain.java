package org.openinfusion.station.clinical.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;

/**
 * {@code ExportMain --audit FILE --format ratings-csv|bundle-json [--session ID] --out FILE}: exports from a verified
 * audit trail. Exit 0 done, 1 the trail is broken or the session unknown, 2 usage.
 */
public final class ExportMain {
    private ExportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String audit = null;
        String format = null;
        String session = null;
        String out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--audit" -> audit = args[i + 1];
                case "--format" -> format = args[i + 1];
                case "--session" -> session = args[i + 1];
                case "--out" -> out = args[i + 1];
                default -> {
                    return usage("unknown option " + args[i]);
                }
            }
        }
        if (audit == null || out == null || format == null || (format.equals("bundle-json") && session == null)) {
            return usage("missing option");
        }
        try {
            List<AuditEntry> entries = AuditReader.readVerified(Path.of(audit));
            String only = session;
            String text = switch (format) {
                case "ratings-csv" -> RatingsCsv.write(only == null ? entries
                        : entries.stream().filter(e -> only.equals(e.sessionId())).toList());
                case "bundle-json" -> SessionBundle.write(only, entries);
                default -> null;
            };
            if (text == null) {
                return usage("unknown format " + format);
            }
            Files.writeString(Path.of(out), text, StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("error: no such file: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: ExportMain --audit FILE --format ratings-csv|bundle-json [--session ID] --out FILE");
        return 2;
    }
}
