package org.openinfusion.station.clinical.visit;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Who is due for which visit on a study day: every visit still to do whose window is open, or closed (out of window). */
public final class ClinicList {
    private ClinicList() {
    }

    /** One subject's visit on the list. */
    public record Row(String subject, String protocolId, SubjectTimeline.Line visit) {
    }

    /** The rows of the timelines (each computed for {@code day}), overdue first, then by subject and visit number. */
    public static List<Row> on(LocalDate day, List<SubjectTimeline> timelines) {
        timelines.stream().filter(t -> !t.today().equals(day)).findFirst().ifPresent(t -> {
            throw new IllegalArgumentException("timeline of " + t.subject() + " is for " + t.today() + ", not " + day);
        });
        return timelines.stream()
                .flatMap(t -> t.lines().stream().filter(l -> l.status().toDo()).map(l -> new Row(t.subject(), t.protocolId(), l)))
                .sorted(Comparator.comparing((Row r) -> r.visit().status() != WindowStatus.OVERDUE)
                        .thenComparing(Row::subject).thenComparingDouble(r -> r.visit().visitNumber()))
                .toList();
    }
}
