package org.openinfusion.station.clinical.export;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.visit.SubjectFacts;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.clinical.visit.VisitSchedule;

/**
 * The held rating visits of every enrolled subject, in each subject's timeline order, with the SDTM columns that place
 * them: the follow-up rows of QS/RS ({@link SdtmRatings}) and of VS ({@link SdtmVs}) walk the visits the same way.
 */
final class HeldRatingVisits {
    /** One held rating visit: STUDYID, USUBJID, VISITNUM, VISIT (with its period in a crossover), VISITDY. */
    record Visit(String studyId, String usubjid, String visitNum, String visit, String visitDay, StudyVisits.VisitSession session) {
    }

    private HeldRatingVisits() {
    }

    static List<Visit> of(StudyVisits visits, ProtocolCatalog protocols) {
        List<Visit> held = new ArrayList<>();
        for (SubjectFacts f : visits.subjects()) {
            Optional<VisitSchedule> schedule = protocols.latest(f.protocolId()).flatMap(Protocol::visits);
            if (schedule.isEmpty()) {
                continue;
            }
            SubjectTimeline t = SubjectTimeline.of(schedule.get(), f, ZoneOffset.UTC, LocalDate.of(9999, 12, 31));
            String usubjid = f.protocolId() + "-" + f.subject();
            for (SubjectTimeline.Line l : t.lines()) {
                if (l.kind() != VisitKind.RATING || l.visitSessionId() == null) {
                    continue;
                }
                held.add(new Visit(f.protocolId(), usubjid, Sdtm.number(l.visitNumber()), l.visitLabel(schedule.get().periods() > 1),
                        l.studyDay().map(String::valueOf).orElse(""), visits.visit(l.visitSessionId()).orElseThrow()));
            }
        }
        return held;
    }
}
