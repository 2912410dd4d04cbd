package org.openinfusion.station.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.storage.StoreLines;
import org.openinfusion.station.storage.StoreRequest;

/** Registers a local codec for every record type that travels on the bus. */
public final class Codecs {
    private static final List<Class<?>> TYPES = List.of(NumericSample.class, StateSample.class, WaveformChunk.class,
            DeviceStatus.class, StoreRequest.class, StoreLines.class, HealthSnapshot.class, TechnicalAlarm.class,
            SessionUpdate.class, SessionCommand.CreateSession.class, SessionCommand.SessionStep.class,
            SessionCommand.RecordRating.class, SessionCommand.AcknowledgeAlarm.class, SessionCommand.SilenceAlarm.class,
            SessionCommand.AddMarker.class, CommandReply.class, ViewRequest.class, SessionView.class, ProtocolChoices.class,
            AuthMessages.SignInRequest.class, AuthMessages.SignedIn.class, AuthMessages.SaveUser.class, AuthMessages.Unlock.class,
            AuthMessages.UserList.class, ExportFile.class,
            ReviewRequest.ListSessions.class, ReviewRequest.OpenRecord.class, ReviewRequest.Waveform.class, ReviewRequest.Sign.class,
            ReviewRequest.Amend.class, ReviewRequest.Export.class, SessionListing.SessionListings.class, SessionRecord.class,
            WaveformWindow.class);

    private Codecs() {
    }

    public static void registerAll(Vertx vertx) {
        EventBus bus = vertx.eventBus();
        for (Class<?> type : TYPES) {
            register(bus, type);
        }
    }

    private static <T> void register(EventBus bus, Class<T> type) {
        bus.registerDefaultCodec(type, new LocalCodec<>(type));
    }
}
