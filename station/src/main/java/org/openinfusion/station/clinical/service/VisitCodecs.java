package org.openinfusion.station.clinical.service;

import java.util.List;
import org.openinfusion.station.bus.LocalMessages;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;

/** The study-visit requests and replies on the bus. */
public final class VisitCodecs implements LocalMessages {
    @Override
    public List<Class<?>> types() {
        return List.of(VisitCommand.Enrol.class, VisitCommand.StartVisit.class, VisitCommand.StartUnscheduled.class,
                VisitCommand.RecordRating.class, VisitCommand.RecordVitals.class, VisitCommand.AddNote.class,
                VisitCommand.RecordAdverseEvent.class, VisitCommand.Complete.class, VisitCommand.MarkMissed.class, VisitCommand.Amend.class, VisitCommand.CorrectVitals.class, VisitCommand.AmendAdverseEvent.class, VisitCommand.TakeFromMonitor.class, VisitQuery.Monitors.class, VisitReply.Monitors.class,
                VisitQuery.ClinicDay.class, VisitQuery.Timeline.class, VisitReply.Done.class, VisitReply.ClinicDayList.class,
                VisitReply.Timeline.class,
                VisitQuery.Day.class, VisitQuery.Visit.class, VisitReply.DaySheet.class,
                VisitReply.Visit.class);
    }
}
