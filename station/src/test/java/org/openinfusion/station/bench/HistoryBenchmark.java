package org.openinfusion.station.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;

/**
 * What reading the audit trail as typed events costs, per entry, on a trail the station wrote (default: the committed
 * v1 session trail): reading each verified entry as its event (done once per entry, as review's tail reads it), and
 * building the history review builds on every request (sessions grouped, last change, signatures, ratings). Run:
 * {@code bin/benchmark history [seconds] [audit file]}.
 */
public final class HistoryBenchmark {
    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Path file = Path.of(args.length > 1 ? args[1] : "station/src/test/resources/audit/v1-session.jsonl");
        List<AuditEntry> entries = AuditReader.readVerified(file);
        List<Recorded> typed = HistoryReader.read(entries);
        report("read as typed events", entries.size(), seconds, () -> HistoryReader.read(entries).size());
        report("history of read events", entries.size(), seconds, () -> {
            long n = 0;
            for (SessionHistory s : new AuditHistory(typed).sessions()) {
                n += s.lastChangeSeq() + s.signatures().size() + s.ratings().size();
            }
            return n;
        });
    }

    private interface Work {
        long run();
    }

    private static void report(String what, int entries, double seconds, Work work) {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < warmEnd) {
            sink += work.run();
        }
        long rounds = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            sink += work.run();
            rounds++;
            now = System.nanoTime();
        } while (now < end);
        double perEntry = (now - start) / 1e3 / rounds / entries;
        System.out.printf("%-24s %6.2f us per entry (%d entries x %d rounds; 100,000 entries: %.0f ms) [%d]%n", what, perEntry,
                entries, rounds, perEntry * 100_000 / 1e3, sink % 10);
    }
}
