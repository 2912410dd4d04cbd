package org.openinfusion.station.clinical.service;

import java.util.List;
import org.openinfusion.station.bus.LocalMessages;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.UnblindRequest;
import org.openinfusion.station.clinical.api.UnblindedArm;
import org.openinfusion.station.clinical.api.ViewRequest;

/** The bedside session requests, replies and updates on the bus. */
public final class SessionCodecs implements LocalMessages {
    @Override
    public List<Class<?>> types() {
        return List.of(SessionUpdate.class, SessionCommand.CreateSession.class, SessionCommand.SessionStep.class,
                SessionCommand.RecordRating.class, SessionCommand.AcknowledgeAlarm.class,
                SessionCommand.SilenceAlarm.class, SessionCommand.AddMarker.class, SessionCommand.RecordAdverseEvent.class,
                SessionCommand.RecordMedication.class, UnblindRequest.class, UnblindedArm.class, CommandReply.class,
                ViewRequest.class, SessionView.class, ProtocolChoices.class);
    }
}
